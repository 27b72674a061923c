package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link WritesSuite} on Dynalite. */
@DynamoBackend(Backend.DYNALITE)
final class WritesOnDynaliteTest extends WritesSuite {}
