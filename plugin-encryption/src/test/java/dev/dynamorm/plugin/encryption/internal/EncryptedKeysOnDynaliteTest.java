package dev.dynamorm.plugin.encryption.internal;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link EncryptedKeysSuite} on Dynalite. */
@DynamoBackend(Backend.DYNALITE)
final class EncryptedKeysOnDynaliteTest extends EncryptedKeysSuite {}
