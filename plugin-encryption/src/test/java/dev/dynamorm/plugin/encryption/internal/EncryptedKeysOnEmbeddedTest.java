package dev.dynamorm.plugin.encryption.internal;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link EncryptedKeysSuite} on Embedded. */
@DynamoBackend(Backend.EMBEDDED)
final class EncryptedKeysOnEmbeddedTest extends EncryptedKeysSuite {}
