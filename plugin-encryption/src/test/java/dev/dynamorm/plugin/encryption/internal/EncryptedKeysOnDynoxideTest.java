package dev.dynamorm.plugin.encryption.internal;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link EncryptedKeysSuite} on Dynoxide. */
@DynamoBackend(Backend.DYNOXIDE)
final class EncryptedKeysOnDynoxideTest extends EncryptedKeysSuite {}
