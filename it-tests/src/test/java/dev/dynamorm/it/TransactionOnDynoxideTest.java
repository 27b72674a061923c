package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link TransactionSuite} on Dynoxide. */
@DynamoBackend(Backend.DYNOXIDE)
final class TransactionOnDynoxideTest extends TransactionSuite {}
