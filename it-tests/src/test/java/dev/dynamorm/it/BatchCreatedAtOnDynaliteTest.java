package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link BatchCreatedAtSuite} on Dynalite. */
@DynamoBackend(Backend.DYNALITE)
final class BatchCreatedAtOnDynaliteTest extends BatchCreatedAtSuite {}
