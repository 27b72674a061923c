package dev.dynamorm.plugin.encryption.internal;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link RotationSuite} on Embedded. */
@DynamoBackend(Backend.EMBEDDED)
final class RotationOnEmbeddedTest extends RotationSuite {}
