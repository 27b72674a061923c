package dev.dynamorm.plugin.encryption.internal;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link EncryptionRoundTripSuite} on Embedded. */
@DynamoBackend(Backend.EMBEDDED)
final class EncryptionRoundTripOnEmbeddedTest extends EncryptionRoundTripSuite {}
