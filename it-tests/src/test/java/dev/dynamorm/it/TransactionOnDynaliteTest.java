package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link TransactionSuite} on Dynalite. */
@DynamoBackend(Backend.DYNALITE)
final class TransactionOnDynaliteTest extends TransactionSuite {}
