package dev.dynamorm.plugin.encryption;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where the data keys of envelope encryption come from: a key provider creates a fresh data key
 * wrapped (encrypted) under its active key-encryption key, and unwraps the data keys of stored
 * envelopes under whichever of its keys the envelope names. {@link LocalKeyring} keeps the keys in
 * memory; {@link KmsKeyProvider} asks AWS KMS.
 *
 * <p>The encryption context passed to both methods is the same for a data key's creation and its
 * unwrapping (today the physical table name under {@code "dynamorm:table"}); a provider binds the
 * wrapped key to it, so a data key unwrapped under another context fails. Implementations are
 * thread-safe and never log key material.
 */
public interface KeyProvider {

    /**
     * The id of the key-encryption key new data keys are wrapped under; it is stored in each
     * envelope.
     *
     * @return the active key id, 1 to {@value DataKey#MAX_KEY_ID_BYTES} bytes of UTF-8
     */
    String activeKeyId();

    /**
     * Whether an envelope naming this key id was written under the active key (so {@link
     * dev.dynamorm.plugin.encryption.rotation.Reencryption} leaves it alone).
     *
     * @param keyId a key id read from an envelope
     * @return true when it names the active key; by default when it equals {@link #activeKeyId()}
     */
    default boolean isActive(String keyId) {
        return activeKeyId().equals(keyId);
    }

    /**
     * A fresh data key (32 random bytes), wrapped under the active key.
     *
     * @param encryptionContext what the wrapped key is bound to
     * @return the data key, its wrapped form and the id of the key that wrapped it
     * @throws RuntimeException when no data key can be made (the write fails before anything is
     *     sent)
     */
    DataKey generateDataKey(Map<String, String> encryptionContext);

    /**
     * Unwraps a data key.
     *
     * @param keyId the key id the envelope names
     * @param encryptedKey the wrapped data key from the envelope
     * @param encryptionContext what the wrapped key was bound to
     * @return the 32-byte data key, in a new array the caller may overwrite
     * @throws DecryptionFailedException with {@link
     *     DecryptionFailedException.Reason#KEY_UNAVAILABLE} when the key id is unknown or the key
     *     cannot be reached, {@link DecryptionFailedException.Reason#TAMPERED} when the wrapped key
     *     is not authentic; any other exception counts as the key being unavailable
     */
    byte[] decryptDataKey(String keyId, byte[] encryptedKey, Map<String, String> encryptionContext);

    /**
     * A data key: its plaintext (32 bytes for AES-256), its form wrapped under a key-encryption
     * key, and that key's id. Immutable: the arrays are copied in and out; {@link #toString()}
     * shows no key material.
     */
    final class DataKey {

        /** The most bytes of a key id, as stored in an envelope. */
        public static final int MAX_KEY_ID_BYTES = 2048;

        /** The most bytes of a wrapped data key, as stored in an envelope. */
        public static final int MAX_ENCRYPTED_KEY_BYTES = 4096;

        /** The length of a data key: AES-256. */
        public static final int KEY_BYTES = 32;

        private final String keyId;
        private final byte[] plaintext;
        private final byte[] encryptedKey;

        /**
         * A data key.
         *
         * @param keyId the id of the key-encryption key that wrapped it
         * @param plaintext the 32-byte data key
         * @param encryptedKey the wrapped data key
         * @throws IllegalArgumentException if the key id is blank or too long, the plaintext is not
         *     32 bytes, or the wrapped key is empty or too long
         */
        public DataKey(String keyId, byte[] plaintext, byte[] encryptedKey) {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(plaintext, "plaintext");
            Objects.requireNonNull(encryptedKey, "encryptedKey");
            int idBytes = keyId.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (keyId.isBlank() || idBytes > MAX_KEY_ID_BYTES) {
                throw new IllegalArgumentException(
                        String.format(
                                Locale.ROOT,
                                "data key id must have 1 to %d bytes, got '%s' (%d bytes)",
                                MAX_KEY_ID_BYTES,
                                keyId,
                                idBytes));
            }
            if (plaintext.length != KEY_BYTES) {
                throw new IllegalArgumentException(
                        String.format(
                                Locale.ROOT,
                                "data key of key '%s' must have %d bytes (AES-256), got %d",
                                keyId,
                                KEY_BYTES,
                                plaintext.length));
            }
            if (encryptedKey.length == 0 || encryptedKey.length > MAX_ENCRYPTED_KEY_BYTES) {
                throw new IllegalArgumentException(
                        String.format(
                                Locale.ROOT,
                                "wrapped data key of key '%s' must have 1 to %d bytes, got %d",
                                keyId,
                                MAX_ENCRYPTED_KEY_BYTES,
                                encryptedKey.length));
            }
            this.keyId = keyId;
            this.plaintext = plaintext.clone();
            this.encryptedKey = encryptedKey.clone();
        }

        /**
         * The id of the key-encryption key that wrapped this data key.
         *
         * @return the key id
         */
        public String keyId() {
            return keyId;
        }

        /**
         * The data key.
         *
         * @return a copy of the 32 key bytes, which the caller may overwrite
         */
        public byte[] plaintext() {
            return plaintext.clone();
        }

        /**
         * The wrapped data key, as stored in envelopes.
         *
         * @return a copy of the wrapped key
         */
        public byte[] encryptedKey() {
            return encryptedKey.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof DataKey k
                    && keyId.equals(k.keyId)
                    && Arrays.equals(encryptedKey, k.encryptedKey)
                    && java.security.MessageDigest.isEqual(plaintext, k.plaintext);
        }

        @Override
        public int hashCode() {
            return 31 * keyId.hashCode() + Arrays.hashCode(encryptedKey);
        }

        /** Names the key and the wrapped key's length; never the key material. */
        @Override
        public String toString() {
            return "DataKey[keyId="
                    + keyId
                    + ", plaintext=<redacted>, encryptedKey="
                    + encryptedKey.length
                    + " bytes]";
        }
    }
}
