package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link VectorSearchSuite} on Dynalite. */
@DynamoBackend(Backend.DYNALITE)
final class VectorSearchOnDynaliteTest extends VectorSearchSuite {}
