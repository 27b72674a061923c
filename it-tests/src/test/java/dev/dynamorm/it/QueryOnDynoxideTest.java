package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link QuerySuite} on Dynoxide. */
@DynamoBackend(Backend.DYNOXIDE)
final class QueryOnDynoxideTest extends QuerySuite {}
