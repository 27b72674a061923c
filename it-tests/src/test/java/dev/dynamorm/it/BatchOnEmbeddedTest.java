package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link BatchSuite} on Embedded. */
@DynamoBackend(Backend.EMBEDDED)
final class BatchOnEmbeddedTest extends BatchSuite {}
