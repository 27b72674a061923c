package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link CollectionsSuite} on Dynoxide. */
@DynamoBackend(Backend.DYNOXIDE)
final class CollectionsOnDynoxideTest extends CollectionsSuite {}
