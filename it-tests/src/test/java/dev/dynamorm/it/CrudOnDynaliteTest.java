package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link CrudSuite} on Dynalite. */
@DynamoBackend(Backend.DYNALITE)
final class CrudOnDynaliteTest extends CrudSuite {}
