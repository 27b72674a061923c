package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link BatchSuite} on Dynoxide. */
@DynamoBackend(Backend.DYNOXIDE)
final class BatchOnDynoxideTest extends BatchSuite {}
