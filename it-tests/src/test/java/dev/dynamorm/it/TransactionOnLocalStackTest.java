package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link TransactionSuite} on LocalStack. */
@DynamoBackend(Backend.LOCALSTACK)
final class TransactionOnLocalStackTest extends TransactionSuite {}
