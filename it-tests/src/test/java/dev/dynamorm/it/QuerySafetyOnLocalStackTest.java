package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link QuerySafetySuite} on LocalStack. */
@DynamoBackend(Backend.LOCALSTACK)
final class QuerySafetyOnLocalStackTest extends QuerySafetySuite {}
