package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link EntityFamiliesSuite} on Embedded. */
@DynamoBackend(Backend.EMBEDDED)
final class EntityFamiliesOnEmbeddedTest extends EntityFamiliesSuite {}
