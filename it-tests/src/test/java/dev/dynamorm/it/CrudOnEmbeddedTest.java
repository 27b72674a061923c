package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link CrudSuite} on Embedded. */
@DynamoBackend(Backend.EMBEDDED)
final class CrudOnEmbeddedTest extends CrudSuite {}
