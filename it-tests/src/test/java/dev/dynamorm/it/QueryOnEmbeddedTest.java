package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link QuerySuite} on Embedded. */
@DynamoBackend(Backend.EMBEDDED)
final class QueryOnEmbeddedTest extends QuerySuite {}
