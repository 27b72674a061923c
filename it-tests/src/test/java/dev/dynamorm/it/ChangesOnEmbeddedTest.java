package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link ChangesSuite} on Embedded. */
@DynamoBackend(Backend.EMBEDDED)
final class ChangesOnEmbeddedTest extends ChangesSuite {}
