package dev.dynamorm.plugin.encryption.internal;

import dev.dynamorm.Hook;
import dev.dynamorm.ItemContext;
import dev.dynamorm.ModelInfo;
import dev.dynamorm.Operation;
import dev.dynamorm.annotations.Encrypted;
import dev.dynamorm.plugin.encryption.DecryptionFailedException;
import dev.dynamorm.plugin.encryption.DecryptionFailedException.Reason;
import dev.dynamorm.plugin.encryption.KeyProvider;
import dev.dynamorm.plugin.encryption.KeyProvider.DataKey;
import dev.dynamorm.plugin.encryption.internal.crypto.Aead;
import java.lang.annotation.Annotation;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import javax.crypto.AEADBadTagException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Encrypts the attributes of {@code @Encrypted} fields of every item written (one data key per item
 * write, a fresh nonce per value) and decrypts them in every item read. Models without encrypted
 * fields pass through untouched. Thread-safe.
 */
final class EncryptionHook implements Hook {

    /** The encryption-context key naming the table a data key is bound to. */
    static final String CONTEXT_TABLE = "dynamorm:table";

    private final KeyProvider provider;
    private final Consumer<? super DecryptionFailedException> marker;
    final LongAdder encryptedValues = new LongAdder();
    final LongAdder decryptedValues = new LongAdder();
    final LongAdder failedValues = new LongAdder();
    final LongAdder unsetValues = new LongAdder();
    final LongAdder dataKeys = new LongAdder();

    EncryptionHook(KeyProvider provider, Consumer<? super DecryptionFailedException> marker) {
        this.provider = provider;
        this.marker = marker;
    }

    KeyProvider provider() {
        return provider;
    }

    /** Declares {@code @Encrypted} as the field transform this hook performs. */
    @Override
    public Set<Class<? extends Annotation>> transformedFields() {
        return Set.of(Encrypted.class);
    }

    /** The attributes of the model's {@code @Encrypted} fields. */
    static Set<String> encrypted(ModelInfo model) {
        return model.transformedAttributes(Encrypted.class);
    }

    @Override
    public Map<String, AttributeValue> beforeWrite(
            ItemContext context, Map<String, AttributeValue> item) {
        ModelInfo model = context.model().orElse(null);
        if (model == null || encrypted(model).isEmpty()) {
            return item;
        }
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        for (String attribute : encrypted(model)) {
            if (item.get(attribute) != null) {
                values.put(attribute, item.get(attribute));
            }
        }
        if (values.isEmpty()) {
            return item;
        }
        List<Map.Entry<String, AttributeValue>> key = writeKey(model, context, item);
        Map<String, AttributeValue> out = new LinkedHashMap<>(item);
        out.putAll(encrypt(model, context.tableName(), key, values, context.operation()));
        return out;
    }

    @Override
    public Map<String, AttributeValue> afterRead(
            ItemContext context, Map<String, AttributeValue> item) {
        ModelInfo model = context.model().orElse(null);
        if (model == null || encrypted(model).isEmpty()) {
            return item;
        }
        Map<String, AttributeValue> out = null;
        Map<ByteBuffer, byte[]> unwrapped = new HashMap<>(4);
        try {
            for (String attribute : encrypted(model)) {
                AttributeValue stored = item.get(attribute);
                if (stored == null) {
                    continue;
                }
                if (out == null) {
                    out = new LinkedHashMap<>(item);
                }
                try {
                    out.put(
                            attribute,
                            decrypt(
                                    model,
                                    context.tableName(),
                                    readKey(model, context, item, attribute),
                                    attribute,
                                    stored,
                                    context.operation(),
                                    unwrapped));
                } catch (DecryptionFailedException e) {
                    if (marker == null || e.reason() != Reason.KEY_UNAVAILABLE) {
                        throw e;
                    }
                    out.remove(attribute);
                    unsetValues.increment();
                    marker.accept(e);
                }
            }
        } finally {
            unwrapped.values().forEach(Aead::wipe);
        }
        return out == null ? item : out;
    }

    // ---- encryption ----

    /**
     * Encrypts values under one fresh data key.
     *
     * @return attribute name to its envelope (a B value)
     * @throws IllegalStateException when there is no key provider or it fails (nothing is written)
     */
    Map<String, AttributeValue> encrypt(
            ModelInfo model,
            String table,
            List<Map.Entry<String, AttributeValue>> key,
            Map<String, AttributeValue> values,
            Operation op) {
        if (provider == null) {
            throw new IllegalStateException(
                    String.format(
                            Locale.ROOT,
                            "no key provider is configured, so @Encrypted attributes %s of model %s cannot be encrypted: "
                                    + "refusing to write them; configure EncryptionConfig.builder().keyProvider(...) or the "
                                    + "dynamorm.plugin.encryption.keyring.* / kms.* properties",
                            values.keySet(),
                            model.type().getName()));
        }
        DataKey dataKey;
        try {
            dataKey = provider.generateDataKey(Map.of(CONTEXT_TABLE, table));
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    String.format(
                            Locale.ROOT,
                            "key provider %s could not make a data key for table '%s', so @Encrypted attributes %s of model "
                                    + "%s were not written: %s",
                            provider,
                            table,
                            values.keySet(),
                            model.type().getName(),
                            e.getMessage()),
                    e);
        }
        if (dataKey == null) {
            throw new IllegalStateException(
                    String.format(
                            Locale.ROOT,
                            "key provider %s returned no data key for table '%s': refusing to write @Encrypted attributes %s",
                            provider,
                            table,
                            values.keySet()));
        }
        dataKeys.increment();
        byte[] plaintextKey = dataKey.plaintext();
        byte[] wrapped = dataKey.encryptedKey();
        try {
            Map<String, AttributeValue> out = new LinkedHashMap<>();
            values.forEach(
                    (attribute, value) ->
                            out.put(
                                    attribute,
                                    AttributeValue.createB(
                                            SdkBytes.fromByteArrayUnsafe(
                                                    Envelope.seal(
                                                            plaintextKey,
                                                            dataKey.keyId(),
                                                            wrapped,
                                                            table,
                                                            key,
                                                            attribute,
                                                            value)))));
            encryptedValues.add(out.size());
            return out;
        } finally {
            Aead.wipe(plaintextKey);
        }
    }

    // ---- decryption ----

    /** The key id an envelope names, or null when the value is not a readable envelope. */
    static String keyIdOf(AttributeValue stored) {
        if (stored == null || stored.type() != AttributeValue.Type.B) {
            return null;
        }
        try {
            return Envelope.parse(stored.b().asByteArrayUnsafe()).keyId();
        } catch (Envelope.MalformedException e) {
            return null;
        }
    }

    /**
     * Decrypts one stored value.
     *
     * @param unwrapped data keys already unwrapped for this item, by wrapped key (filled here)
     * @throws DecryptionFailedException naming the table, key, attribute and what went wrong
     */
    AttributeValue decrypt(
            ModelInfo model,
            String table,
            List<Map.Entry<String, AttributeValue>> key,
            String attribute,
            AttributeValue stored,
            Operation op,
            Map<ByteBuffer, byte[]> unwrapped) {
        String where =
                String.format(
                        Locale.ROOT,
                        "attribute '%s' of the item with key %s in table '%s' (model %s)",
                        attribute,
                        describe(key),
                        table,
                        model.type().getName());
        if (stored.type() != AttributeValue.Type.B) {
            throw fail(
                    Reason.MALFORMED,
                    op,
                    model,
                    table,
                    attribute,
                    null,
                    false,
                    null,
                    "%s holds a %s value, not an "
                            + "encryption envelope: it was written without the encryption plugin or changed outside "
                            + "DynamORM; write it again through DynamORM with the plugin installed",
                    where,
                    stored.type());
        }
        Envelope envelope;
        try {
            envelope = Envelope.parse(stored.b().asByteArrayUnsafe());
        } catch (Envelope.MalformedException e) {
            throw fail(
                    Reason.MALFORMED,
                    op,
                    model,
                    table,
                    attribute,
                    null,
                    false,
                    null,
                    "%s is not a valid encryption envelope: %s",
                    where,
                    e.getMessage());
        }
        String keyId = envelope.keyId();
        if (provider == null) {
            throw fail(
                    Reason.KEY_UNAVAILABLE,
                    op,
                    model,
                    table,
                    attribute,
                    keyId,
                    false,
                    null,
                    "%s was encrypted under key '%s', but no key provider is configured: configure "
                            + "EncryptionConfig.builder().keyProvider(...) or the dynamorm.plugin.encryption.keyring.* "
                            + "/ kms.* properties",
                    where,
                    keyId);
        }
        byte[] encryptedKey = envelope.encryptedKey();
        ByteBuffer cacheKey =
                ByteBuffer.wrap(
                        (keyId
                                        + "\u0000"
                                        + java.util.Base64.getEncoder()
                                                .encodeToString(encryptedKey))
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] dataKey = unwrapped.get(cacheKey);
        if (dataKey == null) {
            try {
                dataKey =
                        provider.decryptDataKey(keyId, encryptedKey, Map.of(CONTEXT_TABLE, table));
            } catch (DecryptionFailedException e) {
                failedValues.increment();
                throw new DecryptionFailedException(
                        String.format(Locale.ROOT, "cannot decrypt %s: %s", where, e.getMessage()),
                        e.reason(),
                        op,
                        model.type(),
                        table,
                        attribute,
                        keyId,
                        e.isRetryable(),
                        e);
            } catch (RuntimeException e) {
                throw fail(
                        Reason.KEY_UNAVAILABLE,
                        op,
                        model,
                        table,
                        attribute,
                        keyId,
                        false,
                        e,
                        "cannot decrypt %s: key provider %s failed to unwrap its data key under key '%s': %s",
                        where,
                        provider,
                        keyId,
                        e.getMessage());
            }
            if (dataKey == null || dataKey.length != Aead.KEY_BYTES) {
                throw fail(
                        Reason.KEY_UNAVAILABLE,
                        op,
                        model,
                        table,
                        attribute,
                        keyId,
                        false,
                        null,
                        "cannot decrypt %s: key provider %s returned no 32-byte data key for key '%s'",
                        where,
                        provider,
                        keyId);
            }
            unwrapped.put(cacheKey, dataKey);
        }
        try {
            AttributeValue value = envelope.open(dataKey, table, key, attribute);
            decryptedValues.increment();
            return value;
        } catch (AEADBadTagException e) {
            throw fail(
                    Reason.TAMPERED,
                    op,
                    model,
                    table,
                    attribute,
                    keyId,
                    false,
                    null,
                    "%s failed authentication: "
                            + "its envelope was altered, or it was moved here from another attribute, item or table",
                    where);
        } catch (Canonical.FormatException e) {
            throw fail(
                    Reason.MALFORMED,
                    op,
                    model,
                    table,
                    attribute,
                    keyId,
                    false,
                    null,
                    "%s decrypted to no valid value: %s",
                    where,
                    e.getMessage());
        }
    }

    private DecryptionFailedException fail(
            Reason reason,
            Operation op,
            ModelInfo model,
            String table,
            String attribute,
            String keyId,
            boolean retryable,
            Throwable cause,
            String format,
            Object... args) {
        failedValues.increment();
        return new DecryptionFailedException(
                String.format(Locale.ROOT, format, args),
                reason,
                op,
                model.type(),
                table,
                attribute,
                keyId,
                retryable,
                cause);
    }

    // ---- keys ----

    /** The key of an item being written: from the context, or the item. */
    private static List<Map.Entry<String, AttributeValue>> writeKey(
            ModelInfo model, ItemContext context, Map<String, AttributeValue> item) {
        List<Map.Entry<String, AttributeValue>> key = key(model, context.key(), item);
        if (key == null) {
            throw new IllegalStateException(
                    String.format(
                            Locale.ROOT,
                            "the primary key of the item written to table '%s' (model %s) is unknown, so its @Encrypted "
                                    + "attributes cannot be bound to it: refusing to write them",
                            context.tableName(),
                            model.type().getName()));
        }
        return key;
    }

    private List<Map.Entry<String, AttributeValue>> readKey(
            ModelInfo model,
            ItemContext context,
            Map<String, AttributeValue> item,
            String attribute) {
        List<Map.Entry<String, AttributeValue>> key = key(model, context.key(), item);
        if (key == null) {
            failedValues.increment();
            throw new DecryptionFailedException(
                    String.format(
                            Locale.ROOT,
                            "attribute '%s' read from table '%s' (model %s) cannot be decrypted without the item's primary "
                                    + "key, which was not read with it: include the key attributes",
                            attribute,
                            context.tableName(),
                            model.type().getName()),
                    Reason.MALFORMED,
                    context.operation(),
                    model.type(),
                    context.tableName(),
                    attribute,
                    null,
                    false,
                    null);
        }
        return key;
    }

    /** The primary key in order (partition key first), or null when incomplete. */
    static List<Map.Entry<String, AttributeValue>> key(
            ModelInfo model, Map<String, AttributeValue> given, Map<String, AttributeValue> item) {
        List<Map.Entry<String, AttributeValue>> out = new ArrayList<>(2);
        String pk = model.partitionKeyAttribute();
        AttributeValue pkValue = given.get(pk) != null ? given.get(pk) : item.get(pk);
        if (pkValue == null) {
            return null;
        }
        out.add(Map.entry(pk, pkValue));
        if (model.sortKeyAttribute().isPresent()) {
            String sk = model.sortKeyAttribute().get();
            AttributeValue skValue = given.get(sk) != null ? given.get(sk) : item.get(sk);
            if (skValue == null) {
                return null;
            }
            out.add(Map.entry(sk, skValue));
        }
        return out;
    }

    static String describe(List<Map.Entry<String, AttributeValue>> key) {
        StringJoiner out = new StringJoiner(", ", "{", "}");
        for (Map.Entry<String, AttributeValue> e : key) {
            AttributeValue v = e.getValue();
            out.add(
                    e.getKey()
                            + "="
                            + (v.s() != null
                                    ? "'" + v.s() + "'"
                                    : v.n() != null ? v.n() : v.type().name()));
        }
        return out.toString();
    }
}
