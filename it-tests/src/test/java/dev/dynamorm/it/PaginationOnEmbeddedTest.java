package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link PaginationSuite} on Embedded. */
@DynamoBackend(Backend.EMBEDDED)
final class PaginationOnEmbeddedTest extends PaginationSuite {}
