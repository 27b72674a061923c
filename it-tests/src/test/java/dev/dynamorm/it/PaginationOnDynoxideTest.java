package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link PaginationSuite} on Dynoxide. */
@DynamoBackend(Backend.DYNOXIDE)
final class PaginationOnDynoxideTest extends PaginationSuite {}
