package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link QuerySuite} on LocalStack. */
@DynamoBackend(Backend.LOCALSTACK)
final class QueryOnLocalStackTest extends QuerySuite {}
