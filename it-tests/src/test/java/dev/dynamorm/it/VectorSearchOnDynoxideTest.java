package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link VectorSearchSuite} on Dynoxide. */
@DynamoBackend(Backend.DYNOXIDE)
final class VectorSearchOnDynoxideTest extends VectorSearchSuite {}
