package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link BatchCreatedAtSuite} on Dynoxide. */
@DynamoBackend(Backend.DYNOXIDE)
final class BatchCreatedAtOnDynoxideTest extends BatchCreatedAtSuite {}
