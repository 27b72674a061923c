package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link TypedValuesSuite} on LocalStack. */
@DynamoBackend(Backend.LOCALSTACK)
final class TypedValuesOnLocalStackTest extends TypedValuesSuite {}
