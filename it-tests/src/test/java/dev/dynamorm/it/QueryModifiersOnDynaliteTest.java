package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link QueryModifiersSuite} on Dynalite. */
@DynamoBackend(Backend.DYNALITE)
final class QueryModifiersOnDynaliteTest extends QueryModifiersSuite {}
