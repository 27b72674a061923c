package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link QueryModifiersSuite} on Dynoxide. */
@DynamoBackend(Backend.DYNOXIDE)
final class QueryModifiersOnDynoxideTest extends QueryModifiersSuite {}
