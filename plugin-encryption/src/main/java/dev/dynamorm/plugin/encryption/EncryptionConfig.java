package dev.dynamorm.plugin.encryption;

import dev.dynamorm.PluginConfig;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The encryption plugin's configuration: the {@link KeyProvider} that makes and unwraps data keys,
 * and what a read does with a value whose key is unavailable. Immutable.
 *
 * <pre>{@code
 * DynamORM db = DynamORM.builder().client(client)
 *         .pluginConfig(EncryptionConfig.builder()
 *                 .keyProvider(LocalKeyring.builder().key("k1", base64Key).build())
 *                 .build())
 *         .build();
 * }</pre>
 *
 * <p>Without a key provider the plugin is still installed (so models with {@code @Encrypted} fields
 * are never written in plaintext), but every write of an encrypted value fails before anything is
 * sent and every read of one fails with {@link DecryptionFailedException}. The same can be
 * configured with properties ({@code dynamorm.plugin.encryption.*}, see the module's README); a
 * typed configuration replaces the properties.
 */
public final class EncryptionConfig implements PluginConfig {

    private final KeyProvider keyProvider;
    private final Consumer<? super DecryptionFailedException> unreadableFieldMarker;

    private EncryptionConfig(Builder b) {
        this.keyProvider = b.keyProvider;
        this.unreadableFieldMarker = b.marker;
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
     * The key provider.
     *
     * @return the provider, or empty when none is configured (encrypted values can then be neither
     *     written nor read)
     */
    public Optional<KeyProvider> keyProvider() {
        return Optional.ofNullable(keyProvider);
    }

    /**
     * What is told about fields left unset because their key is unavailable; when present, such
     * reads return the model with the field unset instead of failing.
     *
     * @return the marker, or empty when such reads fail (the default)
     */
    public Optional<Consumer<? super DecryptionFailedException>> unreadableFieldMarker() {
        return Optional.ofNullable(unreadableFieldMarker);
    }

    @Override
    public String pluginName() {
        return "encryption";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncryptionConfig c
                && Objects.equals(keyProvider, c.keyProvider)
                && Objects.equals(unreadableFieldMarker, c.unreadableFieldMarker);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyProvider, unreadableFieldMarker);
    }

    /** The provider (which shows no key material) and the read policy. */
    @Override
    public String toString() {
        return "EncryptionConfig[keyProvider="
                + keyProvider
                + ", unreadableFields="
                + (unreadableFieldMarker == null ? "fail" : "leave unset")
                + "]";
    }

    /** Builds an {@link EncryptionConfig}. Not thread-safe; {@link #build()} leaves it reusable. */
    public static final class Builder {
        private KeyProvider keyProvider;
        private Consumer<? super DecryptionFailedException> marker;

        private Builder() {}

        /**
         * The key provider: a {@link LocalKeyring}, a {@link KmsKeyProvider} or your own.
         *
         * @param keyProvider the provider
         * @return this builder
         * @throws IllegalStateException if a provider was already set
         */
        public Builder keyProvider(KeyProvider keyProvider) {
            Objects.requireNonNull(keyProvider, "keyProvider");
            if (this.keyProvider != null) {
                throw new IllegalStateException(
                        "key provider was already set to " + this.keyProvider);
            }
            this.keyProvider = keyProvider;
            return this;
        }

        /**
         * Lets reads succeed when the key of an encrypted value is unavailable (unknown key id, no
         * key provider, KMS unreachable): the field is left unset (null, or zero/false for
         * primitives) and {@code marker} receives the {@link DecryptionFailedException} naming the
         * table, attribute and key id. Values that were altered or moved still fail the read.
         *
         * @param marker told about each field left unset, on the reading thread
         * @return this builder
         */
        public Builder leaveUnreadableFieldsUnset(
                Consumer<? super DecryptionFailedException> marker) {
            this.marker = Objects.requireNonNull(marker, "marker");
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         */
        public EncryptionConfig build() {
            return new EncryptionConfig(this);
        }
    }
}
