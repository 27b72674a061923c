package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link VectorSearchSuite} on Embedded. */
@DynamoBackend(Backend.EMBEDDED)
final class VectorSearchOnEmbeddedTest extends VectorSearchSuite {}
