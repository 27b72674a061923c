package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link TypedValuesSuite} on Dynoxide. */
@DynamoBackend(Backend.DYNOXIDE)
final class TypedValuesOnDynoxideTest extends TypedValuesSuite {}
