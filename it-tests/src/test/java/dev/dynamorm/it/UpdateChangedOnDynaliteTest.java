package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link UpdateChangedSuite} on Dynalite. */
@DynamoBackend(Backend.DYNALITE)
final class UpdateChangedOnDynaliteTest extends UpdateChangedSuite {}
