package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link EntityFamiliesSuite} on Dynalite. */
@DynamoBackend(Backend.DYNALITE)
final class EntityFamiliesOnDynaliteTest extends EntityFamiliesSuite {}
