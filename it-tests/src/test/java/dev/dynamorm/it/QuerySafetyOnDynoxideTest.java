package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link QuerySafetySuite} on Dynoxide. */
@DynamoBackend(Backend.DYNOXIDE)
final class QuerySafetyOnDynoxideTest extends QuerySafetySuite {}
