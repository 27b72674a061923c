package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link UpdateChangedSuite} on Embedded. */
@DynamoBackend(Backend.EMBEDDED)
final class UpdateChangedOnEmbeddedTest extends UpdateChangedSuite {}
