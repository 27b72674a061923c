package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link PaginationSuite} on Dynalite. */
@DynamoBackend(Backend.DYNALITE)
final class PaginationOnDynaliteTest extends PaginationSuite {}
