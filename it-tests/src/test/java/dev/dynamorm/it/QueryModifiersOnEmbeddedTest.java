package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link QueryModifiersSuite} on Embedded. */
@DynamoBackend(Backend.EMBEDDED)
final class QueryModifiersOnEmbeddedTest extends QueryModifiersSuite {}
