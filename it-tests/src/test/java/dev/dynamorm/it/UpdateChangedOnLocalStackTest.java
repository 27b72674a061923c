package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link UpdateChangedSuite} on LocalStack. */
@DynamoBackend(Backend.LOCALSTACK)
final class UpdateChangedOnLocalStackTest extends UpdateChangedSuite {}
