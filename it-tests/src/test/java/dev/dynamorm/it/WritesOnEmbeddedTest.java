package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link WritesSuite} on Embedded. */
@DynamoBackend(Backend.EMBEDDED)
final class WritesOnEmbeddedTest extends WritesSuite {}
