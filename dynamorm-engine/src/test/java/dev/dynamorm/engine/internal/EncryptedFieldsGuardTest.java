package dev.dynamorm.engine.internal;

import static dev.dynamorm.Condition.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.Condition;
import dev.dynamorm.DynamORM;
import dev.dynamorm.Hook;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.ItemContext;
import dev.dynamorm.Key;
import dev.dynamorm.ModelDefinitionException;
import dev.dynamorm.Operation;
import dev.dynamorm.Operator;
import dev.dynamorm.Plugin;
import dev.dynamorm.PluginException;
import dev.dynamorm.ReturnValue;
import dev.dynamorm.Table;
import dev.dynamorm.WriteOptions;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.Encrypted;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.local.LocalDynamoDb;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Models with {@code @Encrypted} fields: refused on every read and write path unless an installed
 * hook declares {@link Hook#transformedFields()}; with one, write transforms see update values
 * (with the item's key), read transforms see items returned by writes, the engine refuses values a
 * capable hook left in plaintext, and encrypted fields never enter expressions.
 */
final class EncryptedFieldsGuardTest {

    private static LocalDynamoDb local;

    @DynamoTable("vault")
    record Vault(
            @PartitionKey String id,
            @Encrypted String pin,
            @Encrypted Address address,
            @Encrypted int score,
            @Encrypted List<String> tags,
            String label) {}

    record Address(String city) {}

    record Inner(@Encrypted String secret) {}

    @DynamoTable("holder")
    record Holder(@PartitionKey String id, Inner inner) {}

    @DynamoTable("stamped")
    record EncryptedStamp(
            @PartitionKey String id,
            @Encrypted @dev.dynamorm.annotations.UpdatedAt java.time.Instant at) {}

    @DynamoTable("versioned")
    record EncryptedVersion(
            @PartitionKey String id, @Encrypted @dev.dynamorm.annotations.Version long version) {}

    @DynamoTable("expiring")
    record EncryptedTtl(
            @PartitionKey String id, @Encrypted @dev.dynamorm.annotations.Ttl long expiresAt) {}

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    private static DynamORM db(Consumer<DynamORM.Builder> setup) {
        DynamORM.Builder b =
                DynamORM.builder()
                        .client(local.client())
                        .tableNamePrefix("eg" + UUID.randomUUID().toString().substring(0, 8) + "_");
        setup.accept(b);
        return b.build();
    }

    private static Vault vault(String id) {
        return new Vault(id, "1234", new Address("Springfield"), 7, List.of("a"), "plain");
    }

    private static int stored(Table<?> table) {
        return local.client().scan(r -> r.tableName(table.tableName())).count();
    }

    /** Every read and write path, with the operation it reports. */
    private static Map<String, Executable> paths(DynamORM db, Table<Vault> t) {
        Vault v = vault("v1");
        Condition c = when("label", "=", "plain");
        Map<String, Executable> p = new LinkedHashMap<>();
        p.put("create", () -> t.create(v));
        p.put("put", () -> t.put(v));
        p.put("update fields", () -> t.update(v, "label"));
        p.put("update builder", () -> t.update(v, u -> u.set("label", "x")));
        p.put("update by key", () -> t.where("id", "=", "v1").update(u -> u.set("label", "x")));
        p.put(
                "update changed",
                () -> t.updateChanged(v, new Vault("v1", "1234", null, 7, null, "other")));
        p.put("delete item", () -> t.delete(v));
        p.put("delete key", () -> t.delete(Key.of("v1")));
        p.put("delete by query", () -> t.where("id", "=", "v1").delete());
        p.put("get", () -> t.get("v1"));
        p.put("get key", () -> t.get(Key.of("v1")));
        p.put("query first", () -> t.where("id", "=", "v1").first());
        p.put("query stream", () -> t.where("id", "=", "v1").stream().count());
        p.put("query count", () -> t.where("id", "=", "v1").count());
        p.put("scan", () -> t.query().filter("label", "=", "plain").scan());
        p.put("parallel scan", () -> t.query().parallelScan(2));
        p.put("page", () -> t.query().filter("label", "=", "plain").allowScan().page());
        p.put("batch get", () -> t.batchGet(List.of(Key.of("v1"))));
        p.put("batch put", () -> t.batchPut(List.of(v)));
        p.put("batch delete", () -> t.batchDelete(List.of(Key.of("v1"))));
        p.put("transaction create", () -> db.transaction(tx -> tx.create(v)));
        p.put("transaction put", () -> db.transaction(tx -> tx.put(v, null)));
        p.put("transaction update fields", () -> db.transaction(tx -> tx.update(v, "label")));
        p.put(
                "transaction update builder",
                () -> db.transaction(tx -> tx.update(v, u -> u.set("label", "x"))));
        p.put(
                "transaction update by key",
                () ->
                        db.transaction(
                                tx ->
                                        tx.update(
                                                Vault.class,
                                                Key.of("v1"),
                                                u -> u.set("label", "x"))));
        p.put("transaction delete", () -> db.transaction(tx -> tx.delete(v, null)));
        p.put(
                "transaction delete key",
                () -> db.transaction(tx -> tx.delete(Vault.class, Key.of("v1"))));
        p.put("transaction check", () -> db.transaction(tx -> tx.conditionCheck(v, c)));
        p.put(
                "transaction check key",
                () -> db.transaction(tx -> tx.conditionCheck(Vault.class, Key.of("v1"), c)));
        p.put(
                "read transaction",
                () -> db.readTransaction(tx -> tx.get(Vault.class, Key.of("v1"))));
        p.put(
                "batch writer put",
                () -> {
                    try (var w = db.batchWriter()) {
                        w.put(v);
                    }
                });
        p.put(
                "batch writer delete",
                () -> {
                    try (var w = db.batchWriter()) {
                        w.delete(v);
                    }
                });
        p.put(
                "batch writer delete key",
                () -> {
                    try (var w = db.batchWriter()) {
                        w.delete(Vault.class, Key.of("v1"));
                    }
                });
        return p;
    }

    @Test
    void withoutACapablePlugin_everyPathIsRefused_andNothingReachesTheTable() {
        for (Consumer<DynamORM.Builder> setup :
                List.<Consumer<DynamORM.Builder>>of(
                        b -> b.discoverPlugins(false),
                        b -> b.plugin(new Named("encryption", new Hook() {})))) {
            try (DynamORM db = db(setup)) {
                Table<Vault> t = db.table(Vault.class);
                t.createTable();
                Map<String, AttributeValue> seeded =
                        Map.of(
                                "id",
                                AttributeValue.fromS("v1"),
                                "label",
                                AttributeValue.fromS("plain"));
                local.client().putItem(r -> r.tableName(t.tableName()).item(seeded));
                paths(db, t)
                        .forEach(
                                (name, call) ->
                                        assertThatThrownBy(call::execute)
                                                .as(name)
                                                .isInstanceOfSatisfying(
                                                        InvalidRequestException.class,
                                                        e -> {
                                                            assertThat(e.getMessage())
                                                                    .as(name)
                                                                    .startsWith(
                                                                            "model "
                                                                                    + Vault.class
                                                                                            .getName()
                                                                                    + " has fields [pin, address, score, tags] marked @Encrypted but no installed plugin ")
                                                                    .contains(
                                                                            "(it is absent or disabled): refusing",
                                                                            "on table '"
                                                                                    + t.tableName()
                                                                                    + "'",
                                                                            "dynamorm-plugin-encryption");
                                                            assertThat(e.modelType())
                                                                    .as(name)
                                                                    .contains(Vault.class);
                                                        }));
                assertThat(local.client().scan(r -> r.tableName(t.tableName())).items())
                        .containsExactly(seeded);
                // table management stays available: the table can still be inspected and dropped
                assertThat(t.tableExists()).isTrue();
            }
        }
    }

    @Test
    void refusal_namesTheOperation() {
        try (DynamORM db = db(b -> b.discoverPlugins(false))) {
            Table<Vault> t = db.table(Vault.class);
            assertThatThrownBy(() -> t.put(vault("x")))
                    .isInstanceOfSatisfying(
                            InvalidRequestException.class,
                            e -> {
                                assertThat(e.operation()).contains(Operation.PUT);
                                assertThat(e.getMessage())
                                        .isEqualTo(
                                                "model "
                                                        + Vault.class.getName()
                                                        + " has fields "
                                                        + "[pin, address, score, tags] marked @Encrypted but no installed plugin transforms them "
                                                        + "(it is absent or disabled): refusing put on table '"
                                                        + t.tableName()
                                                        + "' rather than "
                                                        + "writing them untransformed; put dynamorm-plugin-encryption on the path and configure "
                                                        + "it");
                            });
            assertThatThrownBy(() -> t.get("x"))
                    .isInstanceOfSatisfying(
                            InvalidRequestException.class,
                            e ->
                                    assertThat(e.getMessage())
                                            .contains(
                                                    "no installed plugin transforms them",
                                                    "refusing get",
                                                    "as they would be read back untransformed"));
        }
    }

    /** A plugin of one hook, under a given name. */
    static final class Named implements Plugin {
        private final String name;
        private final Hook hook;

        Named(String name, Hook hook) {
            this.name = name;
            this.hook = hook;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<Hook> hooks() {
            return List.of(hook);
        }
    }

    /** Claims to encrypt but writes everything as given. */
    static final class Liar implements Hook {
        @Override
        public java.util.Set<Class<? extends java.lang.annotation.Annotation>> transformedFields() {
            return java.util.Set.of(dev.dynamorm.annotations.Encrypted.class);
        }
    }

    @Test
    void aCapableHookThatLeavesValuesPlain_isRefusedBeforeSending() {
        try (DynamORM db =
                db(b -> b.discoverPlugins(false).plugin(new Named("liar", new Liar())))) {
            Table<Vault> t = db.table(Vault.class);
            t.createTable();
            assertThatThrownBy(() -> t.put(vault("v1")))
                    .isInstanceOfSatisfying(
                            PluginException.class,
                            e ->
                                    assertThat(e.getMessage())
                                            .startsWith("attribute '")
                                            .contains(
                                                    "of @Encrypted field of model "
                                                            + Vault.class.getName()
                                                            + " was not encrypted by any plugin before put on table '"
                                                            + t.tableName()
                                                            + "': refusing to write it in plaintext"));
            assertThatThrownBy(() -> t.where("id", "=", "v1").update(u -> u.set("pin", "9999")))
                    .isInstanceOf(PluginException.class)
                    .hasMessageContaining("attribute 'pin'");
            assertThatThrownBy(() -> db.transaction(tx -> tx.create(vault("v2"))))
                    .isInstanceOf(PluginException.class);
            assertThatThrownBy(() -> t.batchPut(List.of(vault("v3"))))
                    .isInstanceOf(PluginException.class);
            assertThat(stored(t)).isZero();
            // values not encrypted are untouched by the check
            t.where("id", "=", "v4").update(u -> u.set("label", "only plain").upsert());
            assertThat(stored(t)).isOne();
        }
    }

    /**
     * Reverses attribute bytes into B values: enough of an "encryption" to see what hooks are
     * given.
     */
    static final class Reverser implements Hook {
        final List<ItemContext> writes = new ArrayList<>();
        final List<ItemContext> reads = new ArrayList<>();

        @Override
        public java.util.Set<Class<? extends java.lang.annotation.Annotation>> transformedFields() {
            return java.util.Set.of(dev.dynamorm.annotations.Encrypted.class);
        }

        @Override
        public Map<String, AttributeValue> beforeWrite(
                ItemContext c, Map<String, AttributeValue> item) {
            writes.add(c);
            Map<String, AttributeValue> out = new HashMap<>(item);
            for (String a : c.model().orElseThrow().encryptedAttributes()) {
                if (item.containsKey(a)) {
                    byte[] b = item.get(a).toString().getBytes(StandardCharsets.UTF_8);
                    out.put(a, AttributeValue.fromB(SdkBytes.fromByteArray(reverse(b))));
                }
            }
            plain.putAll(item); // what afterRead hands back: the values last written
            return out;
        }

        /** The plaintext of the values last written, by attribute. */
        final Map<String, AttributeValue> plain = new HashMap<>();

        @Override
        public Map<String, AttributeValue> afterRead(
                ItemContext c, Map<String, AttributeValue> item) {
            reads.add(c);
            Map<String, AttributeValue> out = new HashMap<>(item);
            for (String a : c.model().orElseThrow().encryptedAttributes()) {
                if (item.containsKey(a)) {
                    assertThat(item.get(a).type()).isEqualTo(AttributeValue.Type.B);
                    out.put(a, plain.get(a));
                }
            }
            return out;
        }

        private static byte[] reverse(byte[] b) {
            byte[] out = new byte[b.length];
            for (int i = 0; i < b.length; i++) {
                out[i] = b[b.length - 1 - i];
            }
            return out;
        }
    }

    @Test
    void withACapableHook_updateValuesAndReturnedItemsPassTheTransformsWithTheirKey() {
        Reverser hook = new Reverser();
        try (DynamORM db = db(b -> b.discoverPlugins(false).plugin(new Named("reverser", hook)))) {
            Table<Vault> t = db.table(Vault.class);
            t.createTable();
            t.put(vault("v1"));
            hook.writes.clear();
            var r =
                    t.where("id", "=", "v1")
                            .update(
                                    u ->
                                            u.set("pin", "5678")
                                                    .set("label", "x")
                                                    .returnValue(ReturnValue.UPDATED_NEW));
            assertThat(hook.writes)
                    .singleElement()
                    .satisfies(
                            c -> {
                                assertThat(c.partial()).isTrue();
                                assertThat(c.operation()).isEqualTo(Operation.UPDATE);
                                assertThat(c.key())
                                        .isEqualTo(Map.of("id", AttributeValue.fromS("v1")));
                            });
            Map<String, AttributeValue> raw =
                    local.client()
                            .getItem(
                                    q ->
                                            q.tableName(t.tableName())
                                                    .key(Map.of("id", AttributeValue.fromS("v1"))))
                            .item();
            assertThat(raw.get("pin").type()).isEqualTo(AttributeValue.Type.B);
            assertThat(raw.get("label").s()).isEqualTo("x");
            assertThat(hook.reads)
                    .last()
                    .satisfies(
                            c -> {
                                assertThat(c.partial()).isTrue();
                                assertThat(c.key())
                                        .isEqualTo(Map.of("id", AttributeValue.fromS("v1")));
                            });
            assertThat(r.item()).map(Vault::pin).contains("5678");
            hook.reads.clear();
            var old =
                    t.put(
                            vault("v1"),
                            WriteOptions.builder().returnValue(ReturnValue.ALL_OLD).build());
            assertThat(hook.reads)
                    .singleElement()
                    .satisfies(c -> assertThat(c.partial()).isFalse());
            assertThat(old.item()).isPresent();
        }
    }

    @Test
    void encryptedFields_stayOutOfConditionsFiltersAndArithmetic() {
        try (DynamORM db =
                db(b -> b.discoverPlugins(false).plugin(new Named("reverser", new Reverser())))) {
            Table<Vault> t = db.table(Vault.class);
            t.createTable();
            t.put(vault("v1"));
            String model = Vault.class.getName();
            List<Map.Entry<String, Executable>> conditions =
                    List.of(
                            Map.entry("pin", () -> t.query().filter("pin", "=", "1234").scan()),
                            Map.entry(
                                    "pin",
                                    () ->
                                            t.where("id", "=", "v1")
                                                    .filter("pin", "=", "1234")
                                                    .all()),
                            Map.entry("pin", () -> t.where("pin", "=", "1234").allowScan().all()),
                            Map.entry(
                                    "address.city",
                                    () -> t.query().filter("address.city", "=", "x").scan()),
                            Map.entry(
                                    "tags",
                                    () ->
                                            t.query()
                                                    .filter(Condition.size("tags", Operator.GT, 0))
                                                    .scan()),
                            Map.entry(
                                    "score",
                                    () ->
                                            t.query()
                                                    .filter(
                                                            Condition.attributeType(
                                                                    "score", AttributeValue.Type.N))
                                                    .scan()));
            conditions.forEach(
                    e ->
                            assertThatThrownBy(e.getValue()::execute)
                                    .as(e.getKey())
                                    .isInstanceOf(InvalidRequestException.class)
                                    .hasMessage(
                                            "field '%s' of model %s is @Encrypted and cannot be used in a condition: its stored "
                                                    + "value is ciphertext",
                                            e.getKey(), model));
            Map<String, Executable> writes = new LinkedHashMap<>();
            writes.put(
                    "pin", () -> t.put(vault("v1"), WriteOptions.when(when("pin", "=", "1234"))));
            writes.put(
                    "address.city",
                    () ->
                            t.update(
                                    vault("v1"),
                                    u -> u.set("label", "x").when(when("address.city", "=", "x"))));
            writes.put(
                    "tags",
                    () -> t.delete(Key.of("v1"), WriteOptions.when(Condition.exists("tags"))));
            writes.put(
                    "score",
                    () ->
                            db.transaction(
                                    tx ->
                                            tx.conditionCheck(
                                                    Vault.class,
                                                    Key.of("v1"),
                                                    Condition.size("score", Operator.GT, 1))));
            writes.forEach(
                    (field, call) ->
                            assertThatThrownBy(call::execute)
                                    .as(field)
                                    .isInstanceOf(InvalidRequestException.class)
                                    .hasMessage(
                                            "field '%s' of model %s is @Encrypted and cannot be used in a condition: its stored "
                                                    + "value is ciphertext",
                                            field, model));
            Map<String, Executable> arithmetic = new LinkedHashMap<>();
            arithmetic.put(
                    "add(...)", () -> t.where("id", "=", "v1").update(u -> u.add("score", 1)));
            arithmetic.put(
                    "increment(...)",
                    () -> t.where("id", "=", "v1").update(u -> u.increment("score", 1)));
            arithmetic.put(
                    "decrement(...)",
                    () -> t.where("id", "=", "v1").update(u -> u.decrement("score", 1)));
            arithmetic.put(
                    "appendToList(...)",
                    () ->
                            t.where("id", "=", "v1")
                                    .update(u -> u.appendToList("tags", List.of("b"))));
            arithmetic.put(
                    "prependToList(...)",
                    () ->
                            t.where("id", "=", "v1")
                                    .update(u -> u.prependToList("tags", List.of("b"))));
            arithmetic.put(
                    "setListElement(...)",
                    () -> t.where("id", "=", "v1").update(u -> u.setListElement("tags", 0, "b")));
            arithmetic.put(
                    "removeFromList(...)",
                    () -> t.where("id", "=", "v1").update(u -> u.removeFromList("tags", 0)));
            arithmetic.forEach(
                    (action, call) ->
                            assertThatThrownBy(call::execute)
                                    .as(action)
                                    .isInstanceOf(InvalidRequestException.class)
                                    .hasMessageEndingWith(
                                            "is @Encrypted, so "
                                                    + action
                                                    + " cannot work on it: its stored value is "
                                                    + "ciphertext; set(...) or remove(...) the whole field instead"));
            assertThatThrownBy(
                            () -> t.where("id", "=", "v1").update(u -> u.set("address.city", "x")))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage(
                            "field 'address.city' of model "
                                    + model
                                    + " is @Encrypted, so an update of the nested "
                                    + "path 'address.city' cannot work on it: its stored value is ciphertext; set(...) or "
                                    + "remove(...) the whole field instead");
            assertThatThrownBy(() -> t.where("id", "=", "v1").select("address.city").all())
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage(
                            "select(\"address.city\") on model "
                                    + model
                                    + " reads into an @Encrypted field, "
                                    + "whose stored value is ciphertext: select the whole field");
            assertThatThrownBy(
                            () ->
                                    t.where("id", "=", "v1")
                                            .update(u -> u.set("score", "SECRET-VALUE")))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage(
                            "the value given for @Encrypted field 'score' of model "
                                    + model
                                    + " cannot be stored "
                                    + "in it: it is a java.lang.String and the field is int (the value is not shown, as the "
                                    + "field is encrypted)");
            // whole-field set and remove are allowed
            t.where("id", "=", "v1")
                    .update(u -> u.set("address", new Address("Shelbyville")).remove("tags"));
            assertThat(t.get("v1")).map(Vault::address).contains(new Address("Shelbyville"));
        }
    }

    @Test
    void encryptedFieldsOfNestedModelsAndManagedFields_areRefusedAtRegistration() {
        try (DynamORM db = db(b -> b.discoverPlugins(false))) {
            assertThatThrownBy(() -> db.table(Holder.class))
                    .isInstanceOf(ModelDefinitionException.class)
                    .hasMessageContaining(
                            "model "
                                    + Inner.class.getName()
                                    + ": field 'secret' is @Encrypted, but "
                                    + "Inner is stored nested inside another model, where no plugin transforms it: mark the field "
                                    + "of the table model that holds a Inner @Encrypted instead");
            assertThatThrownBy(() -> db.table(EncryptedStamp.class))
                    .isInstanceOf(ModelDefinitionException.class)
                    .hasMessageContaining(
                            "model "
                                    + EncryptedStamp.class.getName()
                                    + ": field 'at' is @Encrypted and "
                                    + "@UpdatedAt: DynamORM (or DynamoDB, for @Ttl) must read and write that value in plain "
                                    + "form; remove @Encrypted");
            assertThatThrownBy(() -> db.table(EncryptedVersion.class))
                    .isInstanceOf(ModelDefinitionException.class)
                    .hasMessageContaining("field 'version' is @Encrypted and @Version");
            assertThatThrownBy(() -> db.table(EncryptedTtl.class))
                    .isInstanceOf(ModelDefinitionException.class)
                    .hasMessageContaining("field 'expiresAt' is @Encrypted and @Ttl");
        }
    }
}
