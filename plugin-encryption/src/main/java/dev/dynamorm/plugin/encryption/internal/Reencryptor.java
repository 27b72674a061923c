package dev.dynamorm.plugin.encryption.internal;

import dev.dynamorm.DynamORM;
import dev.dynamorm.ModelInfo;
import dev.dynamorm.Operation;
import dev.dynamorm.PluginException;
import dev.dynamorm.plugin.encryption.KeyProvider;
import dev.dynamorm.plugin.encryption.internal.crypto.Aead;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Implements {@code rotation.Reencryption}: scans the table and rewrites stale envelopes with
 * conditional updates.
 */
public final class Reencryptor {

    /**
     * What a run did; {@code Reencryption} answers it as its public result (this package does not
     * depend on the exported ones).
     *
     * @param tableName the physical table
     * @param scanned items read
     * @param rewritten items whose envelopes were rewritten under the active key
     * @param alreadyCurrent items already under the active key
     * @param conflicts items changed by a concurrent writer and read again
     */
    public record Counts(
            String tableName, long scanned, long rewritten, long alreadyCurrent, long conflicts) {}

    private static final Logger LOG = LoggerFactory.getLogger(Reencryptor.class);

    /** Items per Scan page. */
    static final int PAGE_SIZE = 100;

    /** Conditional writes tried per item before giving up (each after reading the item again). */
    static final int MAX_ATTEMPTS = 10;

    private enum Outcome {
        REWRITTEN,
        CURRENT,
        CHANGED,
        GONE
    }

    private final EncryptionHook hook;
    private final KeyProvider provider;
    private final ModelInfo model;
    private final DynamoDbClient client;
    private final String table;
    private final Map<String, String> names = new LinkedHashMap<>();
    private final String projection;
    private long conflicts;

    private Reencryptor(EncryptionHook hook, ModelInfo model, DynamoDbClient client) {
        this.hook = hook;
        this.provider = hook.provider();
        this.model = model;
        this.client = client;
        this.table = model.tableName();
        List<String> attributes = new ArrayList<>();
        attributes.add(model.partitionKeyAttribute());
        model.sortKeyAttribute().ifPresent(attributes::add);
        model.versionAttribute().ifPresent(attributes::add);
        attributes.addAll(EncryptionHook.encrypted(model));
        StringJoiner p = new StringJoiner(", ");
        for (String a : attributes) {
            p.add(name(a));
        }
        this.projection = p.toString();
    }

    private String name(String attribute) {
        for (Map.Entry<String, String> e : names.entrySet()) {
            if (e.getValue().equals(attribute)) {
                return e.getKey();
            }
        }
        String placeholder = "#a" + names.size();
        names.put(placeholder, attribute);
        return placeholder;
    }

    /** Runs a reencryption of a model's table through {@code db}'s encryption plugin. */
    public static Counts run(DynamORM db, Class<?> modelType) {
        EncryptionPlugin plugin = Instances.of(db);
        if (plugin == null || plugin.hook() == null) {
            throw new IllegalStateException(
                    String.format(
                            Locale.ROOT,
                            "the encryption plugin is not installed in this DynamORM instance (plugins: %s): reencryption "
                                    + "needs it and its key provider",
                            db.plugins()));
        }
        if (plugin.hook().provider() == null) {
            throw new IllegalStateException(
                    "the encryption plugin has no key provider: configure "
                            + "EncryptionConfig.builder().keyProvider(...) before reencrypting");
        }
        ModelInfo model =
                plugin.context()
                        .model(modelType)
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                String.format(
                                                        Locale.ROOT,
                                                        "%s is not a valid table model of this DynamORM instance: reencrypt the "
                                                                + "model class of a table",
                                                        modelType.getName())));
        if (EncryptionHook.encrypted(model).isEmpty()) {
            throw new IllegalArgumentException(
                    String.format(
                            Locale.ROOT,
                            "model %s has no @Encrypted fields: there is nothing to reencrypt",
                            modelType.getName()));
        }
        return new Reencryptor(plugin.hook(), model, db.client()).run();
    }

    private Counts run() {
        long scanned = 0;
        long rewritten = 0;
        long current = 0;
        Map<String, AttributeValue> start = null;
        try {
            do {
                Map<String, AttributeValue> from = start;
                ScanResponse page =
                        client.scan(
                                b ->
                                        b.tableName(table)
                                                .consistentRead(true)
                                                .limit(PAGE_SIZE)
                                                .projectionExpression(projection)
                                                .expressionAttributeNames(names)
                                                .exclusiveStartKey(from));
                for (Map<String, AttributeValue> item : page.items()) {
                    scanned++;
                    switch (reencrypt(item)) {
                        case REWRITTEN -> rewritten++;
                        case CURRENT -> current++;
                        default -> {}
                    }
                }
                start =
                        page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                                ? page.lastEvaluatedKey()
                                : null;
            } while (start != null);
        } catch (SdkException e) {
            throw new PluginException(
                    String.format(
                            Locale.ROOT,
                            "reencryption of table '%s' (model %s) failed after %d items (%d rewritten): %s; run it again to "
                                    + "continue",
                            table,
                            model.type().getName(),
                            scanned,
                            rewritten,
                            e.getMessage()),
                    EncryptionPlugin.NAME,
                    Operation.SCAN,
                    model.type(),
                    e);
        }
        LOG.info(
                "reencrypted table '{}' (model {}) under key '{}': {} items read, {} rewritten, {} already current, "
                        + "{} conflicts with concurrent writers",
                table,
                model.type().getName(),
                provider.activeKeyId(),
                scanned,
                rewritten,
                current,
                conflicts);
        return new Counts(table, scanned, rewritten, current, conflicts);
    }

    private Outcome reencrypt(Map<String, AttributeValue> first) {
        Map<String, AttributeValue> item = first;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Map<String, AttributeValue> read = item;
            Map<String, AttributeValue> stale = new LinkedHashMap<>();
            for (String a : EncryptionHook.encrypted(model)) {
                AttributeValue v = item.get(a);
                if (v != null) {
                    String keyId = EncryptionHook.keyIdOf(v);
                    if (keyId == null || !provider.isActive(keyId)) {
                        stale.put(a, v);
                    }
                }
            }
            if (stale.isEmpty()) {
                return attempt == 0 ? Outcome.CURRENT : Outcome.CHANGED;
            }
            List<Map.Entry<String, AttributeValue>> key = EncryptionHook.key(model, Map.of(), item);
            Map<String, AttributeValue> keyMap = new LinkedHashMap<>();
            key.forEach(e -> keyMap.put(e.getKey(), e.getValue()));
            Map<String, AttributeValue> plain = new LinkedHashMap<>();
            Map<ByteBuffer, byte[]> unwrapped = new HashMap<>(4);
            try {
                stale.forEach(
                        (a, v) ->
                                plain.put(
                                        a,
                                        hook.decrypt(
                                                model,
                                                table,
                                                key,
                                                a,
                                                v,
                                                Operation.UPDATE,
                                                unwrapped)));
            } finally {
                unwrapped.values().forEach(Aead::wipe);
            }
            Map<String, AttributeValue> sealed =
                    hook.encrypt(model, table, key, plain, Operation.UPDATE);
            Map<String, AttributeValue> values = new HashMap<>();
            Map<String, String> used = new HashMap<>();
            java.util.function.Function<String, String> n =
                    a -> {
                        String placeholder = name(a);
                        used.put(placeholder, a);
                        return placeholder;
                    };
            StringJoiner set = new StringJoiner(", ", "SET ", "");
            StringJoiner condition = new StringJoiner(" AND ");
            int i = 0;
            for (Map.Entry<String, AttributeValue> e : stale.entrySet()) {
                String placeholder = n.apply(e.getKey());
                set.add(placeholder + " = :n" + i);
                condition.add(placeholder + " = :o" + i);
                values.put(":n" + i, sealed.get(e.getKey()));
                values.put(":o" + i, e.getValue());
                i++;
            }
            model.versionAttribute()
                    .ifPresent(
                            v -> {
                                AttributeValue version = read.get(v);
                                if (version == null) {
                                    condition.add("attribute_not_exists(" + n.apply(v) + ")");
                                } else {
                                    condition.add(n.apply(v) + " = :ver");
                                    values.put(":ver", version);
                                }
                            });
            try {
                client.updateItem(
                        b ->
                                b.tableName(table)
                                        .key(keyMap)
                                        .updateExpression(set.toString())
                                        .conditionExpression(condition.toString())
                                        .expressionAttributeNames(used)
                                        .expressionAttributeValues(values));
                return Outcome.REWRITTEN;
            } catch (ConditionalCheckFailedException e) {
                conflicts++;
                GetItemResponse again =
                        client.getItem(
                                b ->
                                        b.tableName(table)
                                                .key(keyMap)
                                                .consistentRead(true)
                                                .projectionExpression(projection)
                                                .expressionAttributeNames(names));
                if (!again.hasItem() || again.item().isEmpty()) {
                    return Outcome.GONE;
                }
                item = again.item();
            }
        }
        throw new IllegalStateException(
                String.format(
                        Locale.ROOT,
                        "item with key %s in table '%s' changed %d times while it was being reencrypted: run the "
                                + "reencryption again when writes calm down",
                        EncryptionHook.describe(EncryptionHook.key(model, Map.of(), first)),
                        table,
                        MAX_ATTEMPTS));
    }
}
