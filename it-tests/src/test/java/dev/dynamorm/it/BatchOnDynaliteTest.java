package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link BatchSuite} on Dynalite. */
@DynamoBackend(Backend.DYNALITE)
final class BatchOnDynaliteTest extends BatchSuite {}
