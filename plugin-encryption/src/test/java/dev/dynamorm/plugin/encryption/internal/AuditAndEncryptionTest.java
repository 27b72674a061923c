package dev.dynamorm.plugin.encryption.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Key;
import dev.dynamorm.Operation;
import dev.dynamorm.Table;
import dev.dynamorm.local.LocalDynamoDb;
import dev.dynamorm.plugin.audit.AuditConfig;
import dev.dynamorm.plugin.audit.AuditRecord;
import dev.dynamorm.plugin.encryption.EncryptionConfig;
import dev.dynamorm.plugin.encryption.LocalKeyring;
import dev.dynamorm.plugin.encryption.internal.Models.Account;
import dev.dynamorm.plugin.encryption.internal.Models.Address;
import dev.dynamorm.plugin.encryption.internal.Models.Note;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit plugin next to the encryption plugin: its records never hold plaintext of encrypted
 * fields.
 */
final class AuditAndEncryptionTest {

    private static LocalDynamoDb local;

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @Test
    void auditRecordsAndImages_showEncryptedFieldsAsEncrypted_only() {
        List<AuditRecord> records = new CopyOnWriteArrayList<>();
        try (DynamORM db =
                DynamORM.builder()
                        .client(local.client())
                        .tableNamePrefix("a" + UUID.randomUUID().toString().substring(0, 8) + "_")
                        .pluginConfig(
                                EncryptionConfig.builder()
                                        .keyProvider(
                                                LocalKeyring.builder()
                                                        .key("k1", LocalKeyring.newKeyBase64())
                                                        .build())
                                        .build())
                        .pluginConfig(
                                AuditConfig.builder()
                                        .logSink(true)
                                        .images(true)
                                        .sink(records::add)
                                        .build())
                        .build()) {
            assertThat(db.plugins()).containsExactly("audit", "encryption");
            Table<Note> notes = db.table(Note.class);
            notes.createTable();
            Table<Account> accounts = db.table(Account.class);
            accounts.createTable();

            notes.put(new Note("n1", "PLAINTEXT-ONE", "PLAINTEXT-TWO", "tag"));
            notes.where("id", "=", "n1").update(u -> u.set("secret", "PLAINTEXT-THREE"));
            notes.put(new Note("n1", "PLAINTEXT-FOUR", null, "tag"));
            notes.batchPut(List.of(new Note("n2", "PLAINTEXT-FIVE", null, "tag")));
            Account a =
                    accounts.create(
                                    new Account(
                                            "a1",
                                            "o",
                                            "PIN-SIX",
                                            new Address("PLAINTEXT-STREET", "c", 1),
                                            1,
                                            0))
                            .written()
                            .orElseThrow();
            accounts.update(a.withPin("PIN-SEVEN"), "pin");
            db.transaction(tx -> tx.create(new Note("n3", "PLAINTEXT-EIGHT", null, "tag")));
            notes.delete(Key.of("n2"));
            assertThat(notes.get("n1")).map(Note::secret).contains("PLAINTEXT-FOUR");

            assertThat(records)
                    .extracting(AuditRecord::operation)
                    .contains(
                            Operation.PUT,
                            Operation.UPDATE,
                            Operation.CREATE,
                            Operation.BATCH_WRITE,
                            Operation.TRANSACT_WRITE,
                            Operation.DELETE);
            for (AuditRecord r : records) {
                assertThat(r.toJson()).doesNotContain("PLAINTEXT", "PIN-");
                for (Map<String, String> image :
                        List.of(r.before().orElse(Map.of()), r.after().orElse(Map.of()))) {
                    for (String encrypted : List.of("secret", "other", "pin", "address")) {
                        if (image.containsKey(encrypted)) {
                            assertThat(image.get(encrypted))
                                    .as(r.toJson())
                                    .isEqualTo("<encrypted>");
                        }
                    }
                }
            }
            AuditRecord update = records.get(1);
            assertThat(update.operation()).isEqualTo(Operation.UPDATE);
            assertThat(update.before())
                    .hasValueSatisfying(
                            b ->
                                    assertThat(b)
                                            .containsEntry("secret", "<encrypted>")
                                            .containsEntry("tag", "tag"));
            assertThat(update.changedFields()).contains("secret");
        }
    }
}
