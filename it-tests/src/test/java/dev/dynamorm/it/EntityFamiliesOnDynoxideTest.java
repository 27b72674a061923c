package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link EntityFamiliesSuite} on Dynoxide. */
@DynamoBackend(Backend.DYNOXIDE)
final class EntityFamiliesOnDynoxideTest extends EntityFamiliesSuite {}
