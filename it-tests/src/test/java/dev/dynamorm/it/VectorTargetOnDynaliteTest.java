package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link VectorTargetSuite} on Dynalite. */
@DynamoBackend(Backend.DYNALITE)
final class VectorTargetOnDynaliteTest extends VectorTargetSuite {}
