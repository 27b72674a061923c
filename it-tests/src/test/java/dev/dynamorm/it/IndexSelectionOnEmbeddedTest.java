package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link IndexSelectionSuite} on Embedded. */
@DynamoBackend(Backend.EMBEDDED)
final class IndexSelectionOnEmbeddedTest extends IndexSelectionSuite {}
