package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link AsyncBatchWriterSuite} on Embedded. */
@DynamoBackend(Backend.EMBEDDED)
final class AsyncBatchWriterOnEmbeddedTest extends AsyncBatchWriterSuite {}
