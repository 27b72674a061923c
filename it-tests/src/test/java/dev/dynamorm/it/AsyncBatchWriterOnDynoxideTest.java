package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link AsyncBatchWriterSuite} on Dynoxide. */
@DynamoBackend(Backend.DYNOXIDE)
final class AsyncBatchWriterOnDynoxideTest extends AsyncBatchWriterSuite {}
