package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link IndexSelectionSuite} on LocalStack. */
@DynamoBackend(Backend.LOCALSTACK)
final class IndexSelectionOnLocalStackTest extends IndexSelectionSuite {}
