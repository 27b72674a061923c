package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link CrudSuite} on Dynoxide. */
@DynamoBackend(Backend.DYNOXIDE)
final class CrudOnDynoxideTest extends CrudSuite {}
