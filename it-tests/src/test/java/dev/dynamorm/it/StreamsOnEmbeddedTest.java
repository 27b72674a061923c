package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link StreamsSuite} on Embedded. */
@DynamoBackend(Backend.EMBEDDED)
final class StreamsOnEmbeddedTest extends StreamsSuite {}
