package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link WritesSuite} on LocalStack. */
@DynamoBackend(Backend.LOCALSTACK)
final class WritesOnLocalStackTest extends WritesSuite {}
