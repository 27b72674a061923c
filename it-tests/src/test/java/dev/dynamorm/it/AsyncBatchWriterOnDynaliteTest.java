package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link AsyncBatchWriterSuite} on Dynalite. */
@DynamoBackend(Backend.DYNALITE)
final class AsyncBatchWriterOnDynaliteTest extends AsyncBatchWriterSuite {}
