package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link BatchCreatedAtSuite} on LocalStack. */
@DynamoBackend(Backend.LOCALSTACK)
final class BatchCreatedAtOnLocalStackTest extends BatchCreatedAtSuite {}
