package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link VectorTargetSuite} on Embedded. */
@DynamoBackend(Backend.EMBEDDED)
final class VectorTargetOnEmbeddedTest extends VectorTargetSuite {}
