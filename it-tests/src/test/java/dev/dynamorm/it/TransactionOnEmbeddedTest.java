package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link TransactionSuite} on Embedded. */
@DynamoBackend(Backend.EMBEDDED)
final class TransactionOnEmbeddedTest extends TransactionSuite {}
