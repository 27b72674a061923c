package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link CollectionsSuite} on Dynalite. */
@DynamoBackend(Backend.DYNALITE)
final class CollectionsOnDynaliteTest extends CollectionsSuite {}
