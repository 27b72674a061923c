package dev.dynamorm.plugin.encryption.internal;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link EncryptionRoundTripSuite} on Dynoxide. */
@DynamoBackend(Backend.DYNOXIDE)
final class EncryptionRoundTripOnDynoxideTest extends EncryptionRoundTripSuite {}
