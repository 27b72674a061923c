package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link IndexSelectionSuite} on Dynoxide. */
@DynamoBackend(Backend.DYNOXIDE)
final class IndexSelectionOnDynoxideTest extends IndexSelectionSuite {}
