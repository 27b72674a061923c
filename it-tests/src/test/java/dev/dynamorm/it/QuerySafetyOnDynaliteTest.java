package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link QuerySafetySuite} on Dynalite. */
@DynamoBackend(Backend.DYNALITE)
final class QuerySafetyOnDynaliteTest extends QuerySafetySuite {}
