package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link BatchSuite} on LocalStack. */
@DynamoBackend(Backend.LOCALSTACK)
final class BatchOnLocalStackTest extends BatchSuite {}
