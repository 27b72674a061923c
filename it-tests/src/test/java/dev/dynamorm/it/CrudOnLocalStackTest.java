package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link CrudSuite} on LocalStack. */
@DynamoBackend(Backend.LOCALSTACK)
final class CrudOnLocalStackTest extends CrudSuite {}
