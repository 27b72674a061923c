package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link BatchCreatedAtSuite} on Embedded. */
@DynamoBackend(Backend.EMBEDDED)
final class BatchCreatedAtOnEmbeddedTest extends BatchCreatedAtSuite {}
