package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link UniqueSuite} on Embedded. */
@DynamoBackend(Backend.EMBEDDED)
final class UniqueOnEmbeddedTest extends UniqueSuite {}
