package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link TypedValuesSuite} on Dynalite. */
@DynamoBackend(Backend.DYNALITE)
final class TypedValuesOnDynaliteTest extends TypedValuesSuite {}
