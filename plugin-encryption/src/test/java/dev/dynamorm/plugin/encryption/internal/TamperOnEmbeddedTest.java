package dev.dynamorm.plugin.encryption.internal;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link TamperSuite} on Embedded. */
@DynamoBackend(Backend.EMBEDDED)
final class TamperOnEmbeddedTest extends TamperSuite {}
