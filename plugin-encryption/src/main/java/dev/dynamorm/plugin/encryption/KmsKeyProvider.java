package dev.dynamorm.plugin.encryption;

import dev.dynamorm.plugin.encryption.internal.crypto.Aead;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * A {@link KeyProvider} backed by AWS KMS: data keys come from {@code GenerateDataKey} (AES_256)
 * under the configured KMS key, and are unwrapped with {@code Decrypt}; the encryption context (the
 * table name) is passed to both, so KMS binds each wrapped key to its table and records it in
 * CloudTrail. The id stored in envelopes is the key ARN KMS reports, so values stay readable after
 * an alias moves to another key.
 *
 * <p>Data keys are cached to spare KMS calls, each entry bounded by age and by use count: a
 * generated data key wraps the values of at most {@code cacheMaxUses} item writes within {@code
 * cacheMaxAge}, and an unwrapped data key serves at most {@code cacheMaxUses} reads within {@code
 * cacheMaxAge} (at most {@code cacheMaxEntries} unwrapped keys are kept, least recently used first
 * out). {@code cacheMaxUses(1)} or a zero age turns caching off. Thread-safe; {@link #close()}
 * wipes the cached keys (the client stays the caller's).
 *
 * <pre>{@code
 * KmsKeyProvider kms = KmsKeyProvider.builder().client(KmsClient.create())
 *         .keyId("arn:aws:kms:eu-west-1:111122223333:key/1234abcd-...")
 *         .cacheMaxAge(Duration.ofMinutes(5)).cacheMaxUses(1_000).build();
 * }</pre>
 */
public final class KmsKeyProvider implements KeyProvider, AutoCloseable {

    /** The default longest time a data key is cached. */
    public static final Duration DEFAULT_CACHE_MAX_AGE = Duration.ofMinutes(5);

    /** The default number of uses of one cached data key. */
    public static final long DEFAULT_CACHE_MAX_USES = 1_000;

    /** The default number of unwrapped data keys kept. */
    public static final int DEFAULT_CACHE_MAX_ENTRIES = 1_000;

    private final KmsClient client;
    private final String keyId;
    private final long maxAgeNanos;
    private final long maxUses;
    private final int maxEntries;
    private final Duration maxAge;
    private final LongSupplier nanoTime;
    private volatile String resolvedKeyId;
    private final Map<Map<String, String>, Cached> generated = new HashMap<>();
    private final LinkedHashMap<CacheKey, Cached> unwrapped = new LinkedHashMap<>(16, 0.75f, true);

    private KmsKeyProvider(Builder b) {
        this.client = b.client;
        this.keyId = b.keyId;
        this.maxAge = b.maxAge;
        this.maxAgeNanos = b.maxAge.toNanos();
        this.maxUses = b.maxUses;
        this.maxEntries = b.maxEntries;
        this.nanoTime = b.nanoTime;
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A cached data key: its plaintext, when it was made and how often it was used. */
    private static final class Cached {
        final DataKey key;
        final byte[] plaintext;
        final long created;
        long uses;

        Cached(DataKey key, byte[] plaintext, long created) {
            this.key = key;
            this.plaintext = plaintext;
            this.created = created;
        }
    }

    /** What an unwrapped data key is cached under. */
    private record CacheKey(String keyId, ByteBuffer encryptedKey, Map<String, String> context) {}

    private boolean caching() {
        return maxUses > 1 && maxAgeNanos > 0;
    }

    private boolean usable(Cached c) {
        return c.uses < maxUses && nanoTime.getAsLong() - c.created < maxAgeNanos;
    }

    /** The configured KMS key id (or alias) that wraps new data keys. */
    @Override
    public String activeKeyId() {
        return keyId;
    }

    /** True for the configured key id and for the key ARN KMS reported for it. */
    @Override
    public boolean isActive(String id) {
        return keyId.equals(id) || id.equals(resolvedKeyId);
    }

    @Override
    public DataKey generateDataKey(Map<String, String> encryptionContext) {
        Map<String, String> context =
                Map.copyOf(Objects.requireNonNull(encryptionContext, "encryptionContext"));
        if (caching()) {
            synchronized (generated) {
                Cached c = generated.get(context);
                if (c != null && usable(c)) {
                    c.uses++;
                    return c.key;
                }
                if (c != null) {
                    generated.remove(context);
                    Aead.wipe(c.plaintext);
                }
            }
        }
        GenerateDataKeyResponse r;
        try {
            r =
                    client.generateDataKey(
                            b ->
                                    b.keyId(keyId)
                                            .keySpec(DataKeySpec.AES_256)
                                            .encryptionContext(context));
        } catch (SdkException e) {
            throw new IllegalStateException(
                    String.format(
                            Locale.ROOT,
                            "KMS GenerateDataKey under key '%s' failed, so nothing was encrypted: %s",
                            keyId,
                            e.getMessage()),
                    e);
        }
        byte[] plaintext = r.plaintext() == null ? new byte[0] : r.plaintext().asByteArray();
        try {
            String arn = r.keyId() == null || r.keyId().isBlank() ? keyId : r.keyId();
            byte[] blob =
                    r.ciphertextBlob() == null ? new byte[0] : r.ciphertextBlob().asByteArray();
            DataKey key = new DataKey(arn, plaintext, blob);
            resolvedKeyId = arn;
            if (caching()) {
                Cached fresh = new Cached(key, key.plaintext(), nanoTime.getAsLong());
                fresh.uses = 1;
                synchronized (generated) {
                    Cached old = generated.put(context, fresh);
                    if (old != null) {
                        Aead.wipe(old.plaintext);
                    }
                }
                remember(new CacheKey(arn, ByteBuffer.wrap(blob), context), key.plaintext(), 0);
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    String.format(
                            Locale.ROOT,
                            "KMS GenerateDataKey under key '%s' returned an unusable data key: %s",
                            keyId,
                            e.getMessage()),
                    e);
        } finally {
            Aead.wipe(plaintext);
        }
    }

    @Override
    public byte[] decryptDataKey(
            String id, byte[] encryptedKey, Map<String, String> encryptionContext) {
        Objects.requireNonNull(id, "keyId");
        Map<String, String> context =
                Map.copyOf(Objects.requireNonNull(encryptionContext, "encryptionContext"));
        CacheKey cacheKey = new CacheKey(id, ByteBuffer.wrap(encryptedKey.clone()), context);
        if (caching()) {
            synchronized (unwrapped) {
                Cached c = unwrapped.get(cacheKey);
                if (c != null && usable(c)) {
                    c.uses++;
                    return c.plaintext.clone();
                }
                if (c != null) {
                    unwrapped.remove(cacheKey);
                    Aead.wipe(c.plaintext);
                }
            }
        }
        DecryptResponse r;
        try {
            r =
                    client.decrypt(
                            b ->
                                    b.keyId(id)
                                            .ciphertextBlob(SdkBytes.fromByteArray(encryptedKey))
                                            .encryptionContext(context));
        } catch (InvalidCiphertextException | IncorrectKeyException e) {
            throw new DecryptionFailedException(
                    String.format(
                            Locale.ROOT,
                            "KMS rejected the data key wrapped under key '%s' (%s): it was altered, or it was wrapped for "
                                    + "another table",
                            id,
                            e.awsErrorDetails() == null
                                    ? e.getMessage()
                                    : e.awsErrorDetails().errorCode()),
                    DecryptionFailedException.Reason.TAMPERED,
                    null,
                    null,
                    null,
                    null,
                    id,
                    false,
                    e);
        } catch (KmsException e) {
            int status = e.statusCode();
            throw new DecryptionFailedException(
                    String.format(
                            Locale.ROOT,
                            "KMS could not decrypt the data key under key '%s': %s",
                            id,
                            e.getMessage()),
                    DecryptionFailedException.Reason.KEY_UNAVAILABLE,
                    null,
                    null,
                    null,
                    null,
                    id,
                    status >= 500 || status == 429 || e.isThrottlingException(),
                    e);
        } catch (SdkClientException e) {
            throw new DecryptionFailedException(
                    String.format(
                            Locale.ROOT,
                            "KMS could not be reached to decrypt the data key under key '%s': %s",
                            id,
                            e.getMessage()),
                    DecryptionFailedException.Reason.KEY_UNAVAILABLE,
                    null,
                    null,
                    null,
                    null,
                    id,
                    true,
                    e);
        }
        byte[] plaintext = r.plaintext() == null ? new byte[0] : r.plaintext().asByteArray();
        if (plaintext.length != DataKey.KEY_BYTES) {
            Aead.wipe(plaintext);
            throw new DecryptionFailedException(
                    String.format(
                            Locale.ROOT,
                            "KMS returned a %d-byte data key for key '%s', not %d",
                            plaintext.length,
                            id,
                            DataKey.KEY_BYTES),
                    DecryptionFailedException.Reason.TAMPERED,
                    null);
        }
        if (caching()) {
            remember(cacheKey, plaintext.clone(), 1);
        }
        return plaintext;
    }

    /** Caches an unwrapped data key that has served {@code uses} reads. */
    private void remember(CacheKey key, byte[] plaintext, long uses) {
        if (maxEntries == 0) {
            Aead.wipe(plaintext);
            return;
        }
        synchronized (unwrapped) {
            Cached fresh = new Cached(null, plaintext, nanoTime.getAsLong());
            fresh.uses = uses;
            Cached old = unwrapped.put(key, fresh);
            if (old != null) {
                Aead.wipe(old.plaintext);
            }
            Iterator<Cached> it = unwrapped.values().iterator();
            while (unwrapped.size() > maxEntries && it.hasNext()) {
                Aead.wipe(it.next().plaintext);
                it.remove();
            }
        }
    }

    /** Wipes and drops every cached data key; later calls ask KMS again. */
    @Override
    public void close() {
        synchronized (generated) {
            generated.values().forEach(c -> Aead.wipe(c.plaintext));
            generated.clear();
        }
        synchronized (unwrapped) {
            unwrapped.values().forEach(c -> Aead.wipe(c.plaintext));
            unwrapped.clear();
        }
    }

    /** The key id and cache bounds; never key material. */
    @Override
    public String toString() {
        return "KmsKeyProvider[keyId="
                + keyId
                + ", cacheMaxAge="
                + maxAge
                + ", cacheMaxUses="
                + maxUses
                + ", cacheMaxEntries="
                + maxEntries
                + "]";
    }

    /** Builds a {@link KmsKeyProvider}. Not thread-safe; {@link #build()} leaves it reusable. */
    public static final class Builder {
        private KmsClient client;
        private String keyId;
        private Duration maxAge = DEFAULT_CACHE_MAX_AGE;
        private long maxUses = DEFAULT_CACHE_MAX_USES;
        private int maxEntries = DEFAULT_CACHE_MAX_ENTRIES;
        private LongSupplier nanoTime = System::nanoTime;

        private Builder() {}

        /**
         * The client that calls KMS; it stays the caller's to close.
         *
         * @param client the client
         * @return this builder
         */
        public Builder client(KmsClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * The KMS key that wraps new data keys: key id, key ARN, alias name or alias ARN.
         *
         * @param keyId the key
         * @return this builder
         * @throws IllegalArgumentException if it is blank
         */
        public Builder keyId(String keyId) {
            Objects.requireNonNull(keyId, "keyId");
            if (keyId.isBlank()) {
                throw new IllegalArgumentException("KMS key id must not be blank");
            }
            this.keyId = keyId;
            return this;
        }

        /**
         * How long a data key is cached.
         *
         * @param maxAge zero or more; zero turns caching off
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder cacheMaxAge(Duration maxAge) {
            Objects.requireNonNull(maxAge, "maxAge");
            if (maxAge.isNegative()) {
                throw new IllegalArgumentException(
                        "KMS data key cache max age must not be negative, got " + maxAge);
            }
            this.maxAge = maxAge;
            return this;
        }

        /**
         * How many item writes (or reads) one cached data key serves.
         *
         * @param maxUses at least 1; 1 turns caching off
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder cacheMaxUses(long maxUses) {
            if (maxUses < 1) {
                throw new IllegalArgumentException(
                        "KMS data key cache max uses must be at least 1, got " + maxUses);
            }
            this.maxUses = maxUses;
            return this;
        }

        /**
         * How many unwrapped data keys are kept.
         *
         * @param maxEntries zero or more
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder cacheMaxEntries(int maxEntries) {
            if (maxEntries < 0) {
                throw new IllegalArgumentException(
                        "KMS data key cache max entries must not be negative, got " + maxEntries);
            }
            this.maxEntries = maxEntries;
            return this;
        }

        /**
         * The time source that ages cached data keys (see {@link #cacheMaxAge}); by default the
         * JVM's monotonic clock ({@link System#nanoTime()}). Meant for tests that advance time
         * themselves instead of sleeping.
         *
         * @param clock the time source; its instants must not go backwards
         * @return this builder
         */
        public Builder clock(InstantSource clock) {
            Objects.requireNonNull(clock, "clock");
            this.nanoTime =
                    () -> {
                        Instant now = clock.instant();
                        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
                    };
            return this;
        }

        /**
         * Builds the provider.
         *
         * @return the provider
         * @throws IllegalStateException if the client or key id is missing
         */
        public KmsKeyProvider build() {
            if (client == null || keyId == null) {
                throw new IllegalStateException(
                        "a KMS key provider needs client(kmsClient) and keyId(keyIdOrArn)");
            }
            return new KmsKeyProvider(this);
        }
    }
}
