package dev.dynamorm.plugin.encryption.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dynamorm.DynamORM;
import dev.dynamorm.ItemAlreadyExistsException;
import dev.dynamorm.Key;
import dev.dynamorm.OptimisticLockException;
import dev.dynamorm.ReturnValue;
import dev.dynamorm.Table;
import dev.dynamorm.WriteOptions;
import dev.dynamorm.WriteResult;
import dev.dynamorm.plugin.encryption.EncryptionConfig;
import dev.dynamorm.plugin.encryption.LocalKeyring;
import dev.dynamorm.plugin.encryption.internal.Models.Account;
import dev.dynamorm.plugin.encryption.internal.Models.Address;
import dev.dynamorm.plugin.encryption.internal.Models.Note;
import dev.dynamorm.plugin.encryption.internal.Models.Sealed;
import dev.dynamorm.test.BackendContext;
import dev.dynamorm.test.DynamoBackend;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Encrypted fields through every read and write path of a real backend: values round-trip, and the
 * stored items hold binary envelopes only. Run on each backend by the subclasses.
 */
@DynamoBackend(models = {Sealed.class, Account.class, Note.class})
abstract class EncryptionRoundTripSuite {

    private static final LocalKeyring KEYRING =
            LocalKeyring.builder().key("k1", LocalKeyring.newKeyBase64()).build();

    private DynamORM db;
    private DynamoDbClient raw;
    private BackendContext backend;

    @BeforeEach
    void setUp(DynamoDbClient raw, BackendContext backend) {
        this.raw = raw;
        this.backend = backend;
        this.db =
                DynamORM.builder()
                        .client(raw)
                        .tableNamePrefix(backend.tableNamePrefix())
                        .pluginConfig(EncryptionConfig.builder().keyProvider(KEYRING).build())
                        .build();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static String unique() {
        return UUID.randomUUID().toString();
    }

    private Map<String, AttributeValue> rawItem(Table<?> table, Map<String, AttributeValue> key) {
        return raw.getItem(b -> b.tableName(table.tableName()).key(key).consistentRead(true))
                .item();
    }

    /**
     * Every attribute but the plain ones is a version-1 envelope under k1 that holds none of the
     * plaintext.
     */
    private static void assertOnlyEnvelopes(
            Map<String, AttributeValue> stored, Set<String> plain, String... secrets) {
        assertThat(stored).isNotEmpty();
        stored.forEach(
                (name, value) -> {
                    if (plain.contains(name)) {
                        return;
                    }
                    assertThat(value.type())
                            .as("attribute %s", name)
                            .isEqualTo(AttributeValue.Type.B);
                    byte[] bytes = value.b().asByteArray();
                    assertThat(bytes[0]).as("format version of %s", name).isEqualTo((byte) 1);
                    assertThat(EncryptionHook.keyIdOf(value))
                            .as("key id of %s", name)
                            .isEqualTo("k1");
                    String latin = new String(bytes, StandardCharsets.ISO_8859_1);
                    for (String secret : secrets) {
                        assertThat(latin).doesNotContain(secret);
                        assertThat(new String(bytes, StandardCharsets.UTF_8))
                                .doesNotContain(secret);
                    }
                });
    }

    @Test
    void everyConverterType_roundTripsEncrypted_andStoresOnlyEnvelopes() {
        Table<Sealed> table = db.table(Sealed.class);
        Sealed item = Sealed.typical(unique(), "p1");
        table.put(item);

        Sealed back = table.get(item.id(), "p1").orElseThrow();
        // sets come back in canonical (sorted) member order, as DynamoDB promises no order for sets
        assertThat(back)
                .usingRecursiveComparison()
                .ignoringCollectionOrderInFields("stringSet", "numberSet", "binarySet", "colorSet")
                .ignoringFields("zonedDateTime", "offsetDateTime", "decimal", "document")
                .isEqualTo(item);
        assertThat(back.zonedDateTime().toInstant()).isEqualTo(item.zonedDateTime().toInstant());
        assertThat(back.offsetDateTime().toInstant()).isEqualTo(item.offsetDateTime().toInstant());
        assertThat(back.decimal()).isEqualByComparingTo(item.decimal());
        assertThat(back.document())
                .containsEntry("s", "text")
                .containsEntry("b", true)
                .containsEntry("m", Map.of("k", "v"));

        Map<String, AttributeValue> stored =
                rawItem(
                        table,
                        Map.of(
                                "id",
                                AttributeValue.fromS(item.id()),
                                "part",
                                AttributeValue.fromS("p1")));
        assertThat(stored.keySet()).hasSize(Sealed.class.getRecordComponents().length);
        assertOnlyEnvelopes(
                stored,
                Set.of("id", "part", "label"),
                "SECRET-TEXT",
                "Springfield",
                "present",
                "example.com",
                "123e4567");
        assertThat(stored.get("label").s()).isEqualTo("visible");
    }

    @Test
    void absentValues_areNotStored_andEmptyValuesAreEncrypted() {
        Table<Note> notes = db.table(Note.class);
        notes.put(new Note("n1", "", null, "t"));
        Map<String, AttributeValue> stored =
                rawItem(notes, Map.of("id", AttributeValue.fromS("n1")));
        assertThat(stored).containsOnlyKeys("id", "secret", "tag");
        assertOnlyEnvelopes(stored, Set.of("id", "tag"));
        assertThat(notes.get("n1")).contains(new Note("n1", "", null, "t"));
    }

    @Test
    void queriesScansAndBatches_decryptEveryItem() {
        Table<Account> accounts = db.table(Account.class);
        String owner = unique();
        for (int i = 0; i < 3; i++) {
            accounts.create(
                    new Account(
                            "q" + i + owner,
                            owner,
                            "pin-" + i,
                            new Address("s", "c" + i, i),
                            i,
                            0));
        }
        List<Account> byOwner = accounts.where("owner", "=", owner).all();
        assertThat(byOwner)
                .extracting(Account::pin)
                .containsExactlyInAnyOrder("pin-0", "pin-1", "pin-2");
        assertThat(byOwner)
                .extracting(a -> a.address().city())
                .containsExactlyInAnyOrder("c0", "c1", "c2");
        assertThat(accounts.where("owner", "=", owner).select("id", "pin").all())
                .extracting(Account::pin)
                .containsExactlyInAnyOrder("pin-0", "pin-1", "pin-2");
        assertThat(accounts.query().where("owner", "=", owner).scan()).hasSize(3);
        assertThat(accounts.batchGet(List.of(Key.of("q0" + owner), Key.of("q2" + owner))).items())
                .extracting(Account::pin)
                .containsExactlyInAnyOrder("pin-0", "pin-2");
        assertOnlyEnvelopes(
                rawItem(accounts, Map.of("id", AttributeValue.fromS("q1" + owner))),
                Set.of("id", "owner", "balance", "version"),
                "pin-1");

        Table<Note> notes = db.table(Note.class);
        notes.batchPut(
                List.of(
                        new Note("b1" + owner, "s1", "o1", "t"),
                        new Note("b2" + owner, "s2", null, "t")));
        assertOnlyEnvelopes(
                rawItem(notes, Map.of("id", AttributeValue.fromS("b1" + owner))),
                Set.of("id", "tag"));
        try (var writer = db.batchWriter()) {
            writer.put(new Note("w1" + owner, "writer-secret", null, "t"));
        }
        assertThat(notes.get("w1" + owner)).map(Note::secret).contains("writer-secret");
        assertOnlyEnvelopes(
                rawItem(notes, Map.of("id", AttributeValue.fromS("w1" + owner))),
                Set.of("id", "tag"),
                "writer-secret");
    }

    @Test
    void transactions_encryptWrites_andDecryptReads() {
        assumeTrue(
                backend.supportsTransactions(),
                () -> backend.backend() + " does not support transactions (TransactWriteItems)");
        Table<Note> notes = db.table(Note.class);
        String id = unique();
        db.transaction(tx -> tx.create(new Note(id, "tx-secret", "tx-other", "t")));
        assertOnlyEnvelopes(
                rawItem(notes, Map.of("id", AttributeValue.fromS(id))),
                Set.of("id", "tag"),
                "tx-secret");
        db.transaction(tx -> tx.update(Note.class, Key.of(id), u -> u.set("secret", "tx-updated")));
        assertOnlyEnvelopes(
                rawItem(notes, Map.of("id", AttributeValue.fromS(id))),
                Set.of("id", "tag"),
                "tx-updated");
        var read = db.readTransaction(tx -> tx.get(Note.class, Key.of(id)));
        assertThat(read.get(0, Note.class)).contains(new Note(id, "tx-updated", "tx-other", "t"));
    }

    @Test
    void updates_encryptTheValuesTheySet_andReturnDecryptedItems() {
        Table<Account> accounts = db.table(Account.class);
        String id = unique();
        Account created =
                accounts.create(new Account(id, "o", "1111", new Address("a", "b", 1), 10, 0))
                        .written()
                        .orElseThrow();
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.pin()).isEqualTo("1111");

        WriteResult<Account> r =
                accounts.update(
                        created, u -> u.set("pin", "2222").returnValue(ReturnValue.ALL_NEW));
        assertThat(r.item()).map(Account::pin).contains("2222");
        assertThat(r.written()).map(Account::pin).contains("2222");
        Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS(id));
        assertOnlyEnvelopes(
                rawItem(accounts, key), Set.of("id", "owner", "balance", "version"), "2222");

        WriteResult<Account> partial =
                accounts.where("id", "=", id)
                        .update(
                                u ->
                                        u.set(
                                                        "address",
                                                        new Address("new street", "Shelbyville", 2))
                                                .setIfNotExists("pin", "never")
                                                .returnValue(ReturnValue.UPDATED_NEW));
        assertThat(partial.item())
                .map(Account::address)
                .contains(new Address("new street", "Shelbyville", 2));
        assertOnlyEnvelopes(
                rawItem(accounts, key),
                Set.of("id", "owner", "balance", "version"),
                "Shelbyville",
                "never");
        assertThat(accounts.get(id)).map(Account::pin).contains("2222");

        Account current = accounts.get(id).orElseThrow();
        Account written = accounts.update(current.withPin("3333"), "pin").written().orElseThrow();
        assertThat(written.pin()).isEqualTo("3333");
        WriteResult<Account> old =
                accounts.put(
                        written.withPin("4444"),
                        WriteOptions.builder().returnValue(ReturnValue.ALL_OLD).build());
        assertThat(old.item()).map(Account::pin).contains("3333");
        assertThat(old.written()).map(Account::pin).contains("4444");
        assertOnlyEnvelopes(
                rawItem(accounts, key),
                Set.of("id", "owner", "balance", "version"),
                "3333",
                "4444");
        assertThat(accounts.get(id)).map(Account::pin).contains("4444");
        Account latest = accounts.get(id).orElseThrow();
        assertThat(accounts.updateChanged(latest, latest.withPin("5555")).written())
                .map(Account::pin)
                .contains("5555");
        assertOnlyEnvelopes(
                rawItem(accounts, key), Set.of("id", "owner", "balance", "version"), "5555");
        assertThat(accounts.get(id)).map(Account::pin).contains("5555");
        accounts.where("id", "=", id).update(u -> u.remove("pin"));
        assertThat(rawItem(accounts, key)).doesNotContainKey("pin");
    }

    @Test
    void conditionFailures_carryTheStoredItemDecrypted() {
        Table<Account> accounts = db.table(Account.class);
        String id = unique();
        Account first =
                accounts.create(new Account(id, "o", "5555", null, 1, 0)).written().orElseThrow();
        assertThatThrownBy(() -> accounts.create(new Account(id, "o", "6666", null, 1, 0)))
                .isInstanceOfSatisfying(
                        ItemAlreadyExistsException.class,
                        e -> {
                            assertThat(e.storedModel(Account.class))
                                    .map(Account::pin)
                                    .contains("5555");
                            assertThat(e.getMessage()).doesNotContain("5555", "6666");
                        });
        accounts.put(first.withPin("7777"));
        assertThatThrownBy(() -> accounts.put(first.withPin("8888")))
                .isInstanceOfSatisfying(
                        OptimisticLockException.class,
                        e -> {
                            assertThat(e.storedModel(Account.class))
                                    .map(Account::pin)
                                    .contains("7777");
                            assertThat(e.getMessage()).doesNotContain("7777", "8888");
                        });
        assertThat(accounts.get(id)).map(Account::pin).contains("7777");
    }

    @Test
    void deletes_returnTheOldItemDecrypted() {
        Table<Note> notes = db.table(Note.class);
        String id = unique();
        notes.put(new Note(id, "gone", "too", "t"));
        WriteResult<Note> r =
                notes.delete(
                        Key.of(id),
                        WriteOptions.builder().returnValue(ReturnValue.ALL_OLD).build());
        assertThat(r.item()).contains(new Note(id, "gone", "too", "t"));
        assertThat(r.attributes().get("secret").type()).isEqualTo(AttributeValue.Type.B);
        assertThat(notes.get(id)).isEmpty();
    }

    @Test
    void numbersAndDocuments_keepTheirExactText() {
        Table<Sealed> table = db.table(Sealed.class);
        Sealed item = Sealed.typical(unique(), "p2");
        table.put(item);
        Sealed back =
                table.where("id", "=", item.id()).where("part", "=", "p2").first().orElseThrow();
        assertThat(back.decimal())
                .isEqualByComparingTo(new BigDecimal("12345678901234567890.123456789012345678"));
        assertThat(back.big()).isEqualTo(Long.MAX_VALUE);
        assertThat(back.huge()).isEqualTo(item.huge());
    }
}
