package dev.dynamorm.plugin.encryption.internal;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link EncryptionRoundTripSuite} on Dynalite. */
@DynamoBackend(Backend.DYNALITE)
final class EncryptionRoundTripOnDynaliteTest extends EncryptionRoundTripSuite {}
