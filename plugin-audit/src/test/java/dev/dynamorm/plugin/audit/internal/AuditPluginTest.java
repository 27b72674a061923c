package dev.dynamorm.plugin.audit.internal;

import static dev.dynamorm.Condition.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Hook;
import dev.dynamorm.ItemAlreadyExistsException;
import dev.dynamorm.ItemContext;
import dev.dynamorm.Key;
import dev.dynamorm.Operation;
import dev.dynamorm.Plugin;
import dev.dynamorm.Table;
import dev.dynamorm.TransactionCanceledException;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.Encrypted;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.local.LocalDynamoDb;
import dev.dynamorm.plugin.audit.ActorProvider;
import dev.dynamorm.plugin.audit.AuditConfig;
import dev.dynamorm.plugin.audit.AuditEntry;
import dev.dynamorm.plugin.audit.AuditRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The audit plugin, discovered from its jar, against the embedded engine. */
final class AuditPluginTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static LocalDynamoDb local;
    private final List<AuditRecord> records = Collections.synchronizedList(new ArrayList<>());
    private DynamORM db;

    @DynamoTable("accounts")
    public record Account(@PartitionKey String id, String owner, String email, long balance) {}

    @DynamoTable("secrets")
    public record Secret(@PartitionKey String id, @Encrypted String pin, String label) {}

    /** Stands in for the encryption plugin: reverses the attribute on write and back on read. */
    public static final class FakeEncryption implements Plugin {
        @Override
        public String name() {
            return "encryption";
        }

        @Override
        public List<Hook> hooks() {
            return List.of(
                    new Hook() {
                        @Override
                        public Map<String, AttributeValue> beforeWrite(
                                ItemContext c, Map<String, AttributeValue> item) {
                            return flip(c, item, true);
                        }

                        @Override
                        public Map<String, AttributeValue> afterRead(
                                ItemContext c, Map<String, AttributeValue> item) {
                            return flip(c, item, false);
                        }

                        @Override
                        public java.util.Set<Class<? extends java.lang.annotation.Annotation>>
                                transformedFields() {
                            return java.util.Set.of(dev.dynamorm.annotations.Encrypted.class);
                        }
                    });
        }

        /**
         * Stores the reversed text as binary (the engine only lets encrypted fields be written as
         * B).
         */
        private static Map<String, AttributeValue> flip(
                ItemContext c, Map<String, AttributeValue> item, boolean write) {
            Map<String, AttributeValue> out = new HashMap<>(item);
            for (String a : c.model().orElseThrow().encryptedAttributes()) {
                if (item.containsKey(a)) {
                    String text = write ? item.get(a).s() : item.get(a).b().asUtf8String();
                    String reversed = new StringBuilder(text).reverse().toString();
                    out.put(
                            a,
                            write
                                    ? AttributeValue.fromB(
                                            software.amazon.awssdk.core.SdkBytes.fromUtf8String(
                                                    reversed))
                                    : AttributeValue.fromS(reversed));
                }
            }
            return out;
        }
    }

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private DynamORM open(AuditConfig.Builder config) {
        db =
                DynamORM.builder()
                        .client(local.client())
                        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                        .tableNamePrefix("a" + UUID.randomUUID().toString().substring(0, 8) + "_")
                        .plugin(new FakeEncryption())
                        .pluginConfig(config.sink(records::add).build())
                        .build();
        db.table(Account.class).createTable();
        db.table(Secret.class).createTable();
        return db;
    }

    @Test
    void eachSuccessfulWrite_producesOneRecordWithActorTimestampAndChangedFields() {
        open(AuditConfig.builder().logSink(true));
        assertThat(db.plugins()).containsExactly("encryption", "audit");
        Table<Account> accounts = db.table(Account.class);
        ActorProvider.runAs(
                "alice",
                () -> {
                    accounts.create(new Account("a1", "Alice", "a@x", 100));
                    accounts.update(new Account("a1", "Alice", "a@x", 150), "balance");
                });
        assertThatThrownBy(() -> accounts.create(new Account("a1", "Mallory", "m@x", 0)))
                .isInstanceOf(ItemAlreadyExistsException.class);
        accounts.delete(new Account("a1", "Alice", "a@x", 150));

        assertThat(records)
                .extracting(AuditRecord::operation)
                .containsExactly(Operation.CREATE, Operation.UPDATE, Operation.DELETE);
        AuditRecord create = records.get(0);
        assertThat(create.tableName()).isEqualTo(accounts.tableName());
        assertThat(create.model()).isEqualTo(Account.class.getName());
        assertThat(create.key()).isEqualTo(Map.of("id", "a1"));
        assertThat(create.actor()).isEqualTo("alice");
        assertThat(create.timestamp()).isEqualTo(NOW);
        assertThat(create.changedFields()).containsExactly("balance", "email", "owner");
        assertThat(create.before()).isEmpty();
        assertThat(records.get(1).changedFields()).containsExactly("balance");
        assertThat(records.get(2).actor()).isEqualTo("unknown");
    }

    @Test
    void images_showBeforeAndAfter_redactConfiguredFields_andNeverShowEncryptedValues() {
        open(AuditConfig.builder().images(true).redact("email"));
        Table<Account> accounts = db.table(Account.class);
        accounts.put(new Account("a2", "Bob", "b@x", 10));
        accounts.update(new Account("a2", "Bob", "b@x", 20), "balance");
        AuditRecord update = records.get(1);
        assertThat(update.before())
                .contains(
                        Map.of("id", "a2", "owner", "Bob", "email", "<redacted>", "balance", "10"));
        assertThat(update.after())
                .contains(
                        Map.of("id", "a2", "owner", "Bob", "email", "<redacted>", "balance", "20"));

        Table<Secret> secrets = db.table(Secret.class);
        secrets.put(new Secret("s1", "1234", "door"));
        secrets.put(new Secret("s1", "9999", "door"));
        assertThat(secrets.get("s1")).contains(new Secret("s1", "9999", "door"));
        AuditRecord second = records.get(3);
        assertThat(second.before())
                .contains(Map.of("id", "s1", "pin", "<encrypted>", "label", "door"));
        assertThat(second.after())
                .contains(Map.of("id", "s1", "pin", "<encrypted>", "label", "door"));
        assertThat(second.changedFields()).containsExactly("pin");
        assertThat(second.toJson()).doesNotContain("1234", "4321", "9999");
    }

    @Test
    void tableSink_writesAuditEntriesThroughDynamORM_andBatchItemsEachGetOne() {
        open(AuditConfig.builder().logSink(false).tableSink(true));
        Table<Account> accounts = db.table(Account.class);
        accounts.batchPut(List.of(new Account("b1", "x", "e", 1), new Account("b2", "y", "e", 2)));
        accounts.batchDelete(List.of(Key.of("b1")));
        assertThat(records)
                .extracting(AuditRecord::operation)
                .containsExactly(
                        Operation.BATCH_WRITE, Operation.BATCH_WRITE, Operation.BATCH_WRITE);
        Table<AuditEntry> audit = db.table(AuditEntry.class);
        assertThat(audit.tableName()).endsWith("dynamorm_audit");
        List<AuditEntry> history =
                audit.where(
                                "subject",
                                "=",
                                AuditEntry.subjectOf(accounts.tableName(), Map.of("id", "b1")))
                        .all();
        assertThat(history)
                .extracting(AuditEntry::operation)
                .containsExactly("BATCH_WRITE", "BATCH_WRITE");
        assertThat(history).extracting(AuditEntry::timestamp).containsOnly(NOW);
    }

    @Test
    void transactionalWrite_hasItsAuditEntriesInTheSameTransaction() {
        open(AuditConfig.builder().logSink(false).tableSink(true));
        Table<Account> accounts = db.table(Account.class);
        Table<AuditEntry> audit = db.table(AuditEntry.class);
        audit.createTableIfMissing();
        db.transaction(
                tx -> tx.put(new Account("t1", "Tx", "e", 5)).put(new Account("t2", "Tx", "e", 6)));
        assertThat(records).hasSize(2).allSatisfy(r -> assertThat(r.transactional()).isTrue());
        assertThat(
                        audit.where(
                                        "subject",
                                        "=",
                                        AuditEntry.subjectOf(
                                                accounts.tableName(), Map.of("id", "t1")))
                                .all())
                .singleElement()
                .satisfies(e -> assertThat(e.transactional()).isTrue());

        records.clear();
        assertThatThrownBy(
                        () ->
                                db.transaction(
                                        tx ->
                                                tx.put(new Account("t3", "Tx", "e", 7))
                                                        .put(
                                                                new Account("t1", "Tx", "e", 8),
                                                                when("balance", ">", 100))))
                .isInstanceOf(TransactionCanceledException.class);
        assertThat(records).isEmpty();
        assertThat(
                        audit.where(
                                        "subject",
                                        "=",
                                        AuditEntry.subjectOf(
                                                accounts.tableName(), Map.of("id", "t3")))
                                .all())
                .isEmpty();
        assertThat(accounts.get("t3")).isEmpty();
    }

    @Test
    void updateBuilder_changedFieldsAreTheAttributesItsExpressionWrites() {
        open(AuditConfig.builder().images(true));
        Table<Account> accounts = db.table(Account.class);
        accounts.put(new Account("u1", "U", "u@x", 10));
        accounts.update(
                new Account("u1", "U", "u@x", 10), u -> u.increment("balance", 5).remove("email"));
        AuditRecord update = records.get(1);
        assertThat(update.operation()).isEqualTo(Operation.UPDATE);
        assertThat(update.changedFields()).containsExactly("balance", "email");
        assertThat(update.after()).contains(Map.of("id", "u1", "owner", "U", "balance", "15"));
    }

    @Test
    void failingSink_neverFailsTheWrite() {
        db =
                DynamORM.builder()
                        .client(local.client())
                        .tableNamePrefix("f" + UUID.randomUUID().toString().substring(0, 8) + "_")
                        .pluginConfig(
                                AuditConfig.builder()
                                        .sink(
                                                r -> {
                                                    throw new IllegalStateException("sink down");
                                                })
                                        .build())
                        .build();
        Table<Account> accounts = db.table(Account.class);
        accounts.createTable();
        accounts.put(new Account("f1", "F", "e", 1));
        assertThat(accounts.get("f1")).isPresent();
    }

    @Test
    void properties_configureSinksImagesRedactionAndActor() {
        Properties p = new Properties();
        p.setProperty("dynamorm.plugin.audit.sinks", "log");
        p.setProperty("dynamorm.plugin.audit.images", "true");
        p.setProperty("dynamorm.plugin.audit.redact", "email");
        p.setProperty("dynamorm.plugin.audit.actor", "nightly-job");
        AuditConfig config =
                AuditPlugin.fromProperties(
                        Map.of(
                                "sinks",
                                "log,table",
                                "images",
                                "true",
                                "redact",
                                "email, owner",
                                "actor",
                                "nightly-job"));
        assertThat(config.logSink()).isTrue();
        assertThat(config.tableSink()).isTrue();
        assertThat(config.images()).isTrue();
        assertThat(config.redacted()).containsExactlyInAnyOrder("email", "owner");
        assertThat(config.actorProvider().orElseThrow().currentActor()).contains("nightly-job");
        assertThatThrownBy(() -> AuditPlugin.fromProperties(Map.of("sinks", "kafka")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown audit sink 'kafka' in sinks=kafka: use log and/or table");
        try (DynamORM withProps =
                DynamORM.builder().client(local.client()).pluginProperties(p).build()) {
            assertThat(withProps.plugins()).containsExactly("audit");
        }
    }
}
