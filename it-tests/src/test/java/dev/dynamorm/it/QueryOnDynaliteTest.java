package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link QuerySuite} on Dynalite. */
@DynamoBackend(Backend.DYNALITE)
final class QueryOnDynaliteTest extends QuerySuite {}
