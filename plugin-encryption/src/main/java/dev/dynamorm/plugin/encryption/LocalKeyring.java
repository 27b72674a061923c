package dev.dynamorm.plugin.encryption;

import dev.dynamorm.plugin.encryption.internal.crypto.Aead;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import javax.crypto.AEADBadTagException;

/**
 * A {@link KeyProvider} holding AES-256 key-encryption keys in memory, by id: one is active (new
 * data keys are wrapped under it), the others still unwrap the data keys of values written under
 * them, which is how keys are rotated. Each data key is 32 fresh random bytes, wrapped with
 * AES-256-GCM under the active key as {@code nonce (12 bytes) || ciphertext || tag (16 bytes)}, the
 * key id and the encryption context being its associated data. Immutable and thread-safe; {@link
 * #toString()} shows key ids only.
 *
 * <pre>{@code
 * LocalKeyring keyring = LocalKeyring.builder()
 *         .key("k1", base64KeyFromYourSecretStore)
 *         .key("k2", otherBase64Key)
 *         .active("k2")
 *         .build();
 * }</pre>
 *
 * <p>A key file is a properties file: {@code key.<id>=<base64 of 32 bytes>} per key and {@code
 * active=<id>}. Keep it out of version control and readable by the application only.
 */
public final class LocalKeyring implements KeyProvider {

    private static final String WRAP_LABEL = "dynamorm:keyring:v1";

    private final Map<String, byte[]> keys;
    private final String active;

    private LocalKeyring(Map<String, byte[]> keys, String active) {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        keys.forEach((id, k) -> copy.put(id, k.clone()));
        this.keys = Collections.unmodifiableMap(copy);
        this.active = active;
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A keyring read from a key file ({@code key.<id>=<base64>} lines and {@code active=<id>}).
     *
     * @param file the key file
     * @return the keyring
     * @throws IllegalArgumentException if the file cannot be read or holds no valid keyring
     */
    public static LocalKeyring fromFile(Path file) {
        return builder().keyFile(file).build();
    }

    /**
     * A new random AES-256 key, Base64-encoded, for a key file or a secret store.
     *
     * @return 32 random bytes in Base64
     */
    public static String newKeyBase64() {
        byte[] key = Aead.random(Aead.KEY_BYTES);
        try {
            return Base64.getEncoder().encodeToString(key);
        } finally {
            Aead.wipe(key);
        }
    }

    @Override
    public String activeKeyId() {
        return active;
    }

    /**
     * The ids of the keys this keyring holds.
     *
     * @return the key ids, in the order they were added
     */
    public Set<String> keyIds() {
        return keys.keySet();
    }

    @Override
    public DataKey generateDataKey(Map<String, String> encryptionContext) {
        Objects.requireNonNull(encryptionContext, "encryptionContext");
        byte[] dataKey = Aead.random(Aead.KEY_BYTES);
        try {
            byte[] nonce = Aead.random(Aead.NONCE_BYTES);
            byte[] sealed =
                    Aead.seal(
                            keys.get(active), nonce, dataKey, wrapData(active, encryptionContext));
            byte[] wrapped = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, wrapped, 0, nonce.length);
            System.arraycopy(sealed, 0, wrapped, nonce.length, sealed.length);
            return new DataKey(active, dataKey, wrapped);
        } finally {
            Aead.wipe(dataKey);
        }
    }

    @Override
    public byte[] decryptDataKey(
            String keyId, byte[] encryptedKey, Map<String, String> encryptionContext) {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(encryptedKey, "encryptedKey");
        Objects.requireNonNull(encryptionContext, "encryptionContext");
        byte[] kek = keys.get(keyId);
        if (kek == null) {
            throw new DecryptionFailedException(
                    String.format(
                            Locale.ROOT,
                            "key '%s' is not in the local keyring (it holds %s): add it back to read values written under it",
                            keyId,
                            keys.keySet()),
                    DecryptionFailedException.Reason.KEY_UNAVAILABLE,
                    null);
        }
        if (encryptedKey.length != Aead.NONCE_BYTES + Aead.KEY_BYTES + Aead.TAG_BYTES) {
            throw new DecryptionFailedException(
                    String.format(
                            Locale.ROOT,
                            "the data key wrapped under key '%s' has %d bytes, not %d: it was altered",
                            keyId,
                            encryptedKey.length,
                            Aead.NONCE_BYTES + Aead.KEY_BYTES + Aead.TAG_BYTES),
                    DecryptionFailedException.Reason.TAMPERED,
                    null);
        }
        byte[] nonce = java.util.Arrays.copyOf(encryptedKey, Aead.NONCE_BYTES);
        byte[] sealed =
                java.util.Arrays.copyOfRange(encryptedKey, Aead.NONCE_BYTES, encryptedKey.length);
        try {
            return Aead.open(kek, nonce, sealed, wrapData(keyId, encryptionContext));
        } catch (AEADBadTagException e) {
            throw new DecryptionFailedException(
                    String.format(
                            Locale.ROOT,
                            "the data key wrapped under key '%s' failed authentication: it was altered, or it was wrapped "
                                    + "for another table",
                            keyId),
                    DecryptionFailedException.Reason.TAMPERED,
                    e);
        }
    }

    private static byte[] wrapData(String keyId, Map<String, String> context) {
        byte[] label = WRAP_LABEL.getBytes(StandardCharsets.UTF_8);
        byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
        byte[] ctx = Aead.context(context);
        java.nio.ByteBuffer out =
                java.nio.ByteBuffer.allocate(12 + label.length + id.length + ctx.length);
        out.putInt(label.length).put(label).putInt(id.length).put(id).putInt(ctx.length).put(ctx);
        return out.array();
    }

    /** The key ids and the active one; never key material. */
    @Override
    public String toString() {
        return "LocalKeyring[active=" + active + ", keys=" + keys.keySet() + "]";
    }

    /** Builds a {@link LocalKeyring}. Not thread-safe; {@link #build()} leaves it reusable. */
    public static final class Builder {
        private final Map<String, byte[]> keys = new LinkedHashMap<>();
        private String active;

        private Builder() {}

        /**
         * Adds a key.
         *
         * @param keyId the key's id, stored in every envelope written under it (not secret)
         * @param key 32 bytes
         * @return this builder
         * @throws IllegalArgumentException if the id is blank or too long, or the key is not 32
         *     bytes
         * @throws IllegalStateException if a key with this id was already added
         */
        public Builder key(String keyId, byte[] key) {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(key, "key");
            int idBytes = keyId.getBytes(StandardCharsets.UTF_8).length;
            if (keyId.isBlank() || idBytes > DataKey.MAX_KEY_ID_BYTES) {
                throw new IllegalArgumentException(
                        String.format(
                                Locale.ROOT,
                                "keyring key id must have 1 to %d bytes, got '%s'",
                                DataKey.MAX_KEY_ID_BYTES,
                                keyId));
            }
            if (key.length != Aead.KEY_BYTES) {
                throw new IllegalArgumentException(
                        String.format(
                                Locale.ROOT,
                                "keyring key '%s' must have %d bytes (AES-256), got %d",
                                keyId,
                                Aead.KEY_BYTES,
                                key.length));
            }
            if (keys.containsKey(keyId)) {
                throw new IllegalStateException(
                        String.format(Locale.ROOT, "keyring key '%s' was already added", keyId));
            }
            keys.put(keyId, key.clone());
            return this;
        }

        /**
         * Adds a key given in Base64.
         *
         * @param keyId the key's id
         * @param base64Key 32 bytes in Base64 (see {@link LocalKeyring#newKeyBase64()})
         * @return this builder
         * @throws IllegalArgumentException if the text is not Base64 of 32 bytes, or the id is
         *     invalid
         * @throws IllegalStateException if a key with this id was already added
         */
        public Builder key(String keyId, String base64Key) {
            Objects.requireNonNull(base64Key, "base64Key");
            byte[] key;
            try {
                key = Base64.getDecoder().decode(base64Key.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        String.format(Locale.ROOT, "keyring key '%s' is not valid Base64", keyId),
                        e);
            }
            try {
                return key(keyId, key);
            } finally {
                Aead.wipe(key);
            }
        }

        /**
         * Adds the keys of a key file, and takes its {@code active} entry unless {@link #active} is
         * set.
         *
         * @param file a properties file of {@code key.<id>=<base64>} entries and {@code
         *     active=<id>}
         * @return this builder
         * @throws IllegalArgumentException if the file cannot be read or holds an unknown entry or
         *     bad key
         */
        public Builder keyFile(Path file) {
            Objects.requireNonNull(file, "file");
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        String.format(
                                Locale.ROOT,
                                "cannot read keyring file %s: %s",
                                file,
                                e.getMessage()),
                        e);
            }
            Set<String> names = new LinkedHashSet<>(p.stringPropertyNames());
            for (String name : names.stream().sorted().toList()) {
                if (name.startsWith("key.")) {
                    key(name.substring("key.".length()), p.getProperty(name));
                } else if (name.equals("active")) {
                    if (active == null) {
                        active = p.getProperty(name).trim();
                    }
                } else {
                    throw new IllegalArgumentException(
                            String.format(
                                    Locale.ROOT,
                                    "keyring file %s has unknown entry '%s': use key.<id>=<base64> and active=<id>",
                                    file,
                                    name));
                }
            }
            return this;
        }

        /**
         * Chooses the active key, which wraps new data keys.
         *
         * @param keyId the id of a key of this keyring
         * @return this builder
         */
        public Builder active(String keyId) {
            this.active = Objects.requireNonNull(keyId, "keyId");
            return this;
        }

        /**
         * Builds the keyring.
         *
         * @return the keyring
         * @throws IllegalStateException if there is no key, or several and none is active, or the
         *     active key is not among the keys
         */
        public LocalKeyring build() {
            if (keys.isEmpty()) {
                throw new IllegalStateException(
                        "a local keyring needs at least one key: add key(id, bytes) or "
                                + "keyFile(path)");
            }
            String chosen = active;
            if (chosen == null) {
                if (keys.size() > 1) {
                    throw new IllegalStateException(
                            String.format(
                                    Locale.ROOT,
                                    "a local keyring with keys %s needs active(id): the key new values are encrypted under",
                                    keys.keySet()));
                }
                chosen = keys.keySet().iterator().next();
            }
            if (!keys.containsKey(chosen)) {
                throw new IllegalStateException(
                        String.format(
                                Locale.ROOT,
                                "active key '%s' is not in the local keyring (it holds %s): add it or choose another",
                                chosen,
                                keys.keySet()));
            }
            return new LocalKeyring(keys, chosen);
        }
    }
}
