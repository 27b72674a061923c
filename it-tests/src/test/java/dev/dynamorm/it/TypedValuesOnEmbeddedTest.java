package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link TypedValuesSuite} on Embedded. */
@DynamoBackend(Backend.EMBEDDED)
final class TypedValuesOnEmbeddedTest extends TypedValuesSuite {}
