package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link UniqueSuite} on Dynalite. */
@DynamoBackend(Backend.DYNALITE)
final class UniqueOnDynaliteTest extends UniqueSuite {}
