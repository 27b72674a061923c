package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link QuerySafetySuite} on Embedded. */
@DynamoBackend(Backend.EMBEDDED)
final class QuerySafetyOnEmbeddedTest extends QuerySafetySuite {}
