package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link CollectionsSuite} on Embedded. */
@DynamoBackend(Backend.EMBEDDED)
final class CollectionsOnEmbeddedTest extends CollectionsSuite {}
