package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link PaginationSuite} on LocalStack. */
@DynamoBackend(Backend.LOCALSTACK)
final class PaginationOnLocalStackTest extends PaginationSuite {}
