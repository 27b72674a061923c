package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link IndexSelectionSuite} on Dynalite. */
@DynamoBackend(Backend.DYNALITE)
final class IndexSelectionOnDynaliteTest extends IndexSelectionSuite {}
