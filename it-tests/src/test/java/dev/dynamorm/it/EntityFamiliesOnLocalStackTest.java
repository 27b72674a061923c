package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link EntityFamiliesSuite} on LocalStack. */
@DynamoBackend(Backend.LOCALSTACK)
final class EntityFamiliesOnLocalStackTest extends EntityFamiliesSuite {}
