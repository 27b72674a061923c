package dev.dynamorm.plugin.encryption.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Table;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.plugin.encryption.DecryptionFailedException;
import dev.dynamorm.plugin.encryption.EncryptionConfig;
import dev.dynamorm.plugin.encryption.KeyProvider;
import dev.dynamorm.plugin.encryption.LocalKeyring;
import dev.dynamorm.plugin.encryption.internal.Models.Account;
import dev.dynamorm.plugin.encryption.internal.Models.Address;
import dev.dynamorm.plugin.encryption.internal.Models.Note;
import dev.dynamorm.plugin.encryption.rotation.Reencryption;
import dev.dynamorm.test.BackendContext;
import dev.dynamorm.test.DynamoBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Key rotation: values written under k1 stay readable once k2 is active, {@link Reencryption} moves
 * them to k2 without overwriting concurrent writers, and k1 can then be removed.
 */
@DynamoBackend(models = {Note.class, Account.class, RotationSuite.Plain.class})
abstract class RotationSuite {

    private static final String K1 = LocalKeyring.newKeyBase64();
    private static final String K2 = LocalKeyring.newKeyBase64();

    /** A model without encrypted fields. */
    @DynamoTable("enc_plain")
    public record Plain(@PartitionKey String id, String value) {}

    private DynamoDbClient raw;
    private BackendContext backend;
    private final List<DynamORM> opened = new ArrayList<>();

    @BeforeEach
    void setUp(DynamoDbClient raw, BackendContext backend) {
        this.raw = raw;
        this.backend = backend;
    }

    @AfterEach
    void tearDown() {
        opened.forEach(DynamORM::close);
    }

    private DynamORM open(KeyProvider provider) {
        return open(provider, "");
    }

    /**
     * An instance on tables of their own ({@code subPrefix} after the class's prefix, cleaned with
     * it).
     */
    private DynamORM open(KeyProvider provider, String subPrefix) {
        DynamORM db =
                DynamORM.builder()
                        .client(raw)
                        .tableNamePrefix(backend.tableNamePrefix() + subPrefix)
                        .pluginConfig(EncryptionConfig.builder().keyProvider(provider).build())
                        .build();
        opened.add(db);
        return db;
    }

    private static LocalKeyring k1() {
        return LocalKeyring.builder().key("k1", K1).build();
    }

    private static LocalKeyring k1k2() {
        return LocalKeyring.builder().key("k1", K1).key("k2", K2).active("k2").build();
    }

    private static LocalKeyring k2() {
        return LocalKeyring.builder().key("k2", K2).build();
    }

    private Map<String, String> keyIds(Table<?> table, String attribute) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (Map<String, AttributeValue> item :
                raw.scanPaginator(b -> b.tableName(table.tableName()).consistentRead(true))
                        .items()) {
            if (item.containsKey(attribute)) {
                out.put(item.get("id").s(), EncryptionHook.keyIdOf(item.get(attribute)));
            }
        }
        return out;
    }

    @Test
    void rotation_oldKeysStillDecrypt_reencryptMovesItems_thenTheOldKeyCanGo() {
        Table<Note> before = open(k1(), "rot_").table(Note.class);
        before.createTable();
        List<Note> written = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            written.add(new Note("n" + i, "secret " + i, i % 2 == 0 ? "other " + i : null, "t"));
        }
        before.batchPut(written);
        assertThat(keyIds(before, "secret").values()).containsOnly("k1").hasSize(130);

        DynamORM rotated = open(k1k2(), "rot_");
        Table<Note> notes = rotated.table(Note.class);
        assertThat(notes.get("n7")).contains(written.get(7));
        notes.put(new Note("fresh", "new secret", null, "t"));
        assertThat(keyIds(notes, "secret")).containsEntry("fresh", "k2").containsEntry("n7", "k1");

        Reencryption.Result result = Reencryption.reencrypt(rotated, Note.class);
        assertThat(result).isEqualTo(new Reencryption.Result(notes.tableName(), 131, 130, 1, 0));
        assertThat(keyIds(notes, "secret").values()).containsOnly("k2").hasSize(131);
        assertThat(keyIds(notes, "other").values()).containsOnly("k2").hasSize(65);
        assertThat(Reencryption.reencrypt(rotated, notes).rewritten()).isZero();

        Table<Note> after = open(k2(), "rot_").table(Note.class);
        assertThat(after.query().scan()).hasSize(131).containsAll(written);
        assertThatThrownBy(() -> before.get("n1"))
                .isInstanceOfSatisfying(
                        DecryptionFailedException.class,
                        e ->
                                assertThat(e.reason())
                                        .isEqualTo(
                                                DecryptionFailedException.Reason.KEY_UNAVAILABLE));
    }

    @Test
    void reencrypt_keepsTheVersion_soWritersHoldingItStillSucceed() {
        Account account =
                open(k1())
                        .table(Account.class)
                        .create(new Account("a1", "o", "1234", new Address("s", "c", 1), 5, 0))
                        .written()
                        .orElseThrow();
        DynamORM rotated = open(k1k2());
        Reencryption.Result result = Reencryption.reencrypt(rotated, Account.class);
        assertThat(result.rewritten()).isEqualTo(1);
        Table<Account> accounts = rotated.table(Account.class);
        assertThat(keyIds(accounts, "pin")).containsEntry("a1", "k2");
        assertThat(keyIds(accounts, "address")).containsEntry("a1", "k2");
        Account read = accounts.get("a1").orElseThrow();
        assertThat(read).isEqualTo(account);
        assertThat(accounts.put(account.withPin("9999")).written())
                .map(Account::version)
                .contains(2L);
    }

    /**
     * A key provider that runs another write the first time reencryption asks it for a data key.
     */
    private static final class Interfering implements KeyProvider {
        private final KeyProvider delegate;
        private final AtomicBoolean armed = new AtomicBoolean();
        private Runnable interference = () -> {};

        Interfering(KeyProvider delegate) {
            this.delegate = delegate;
        }

        void arm(Runnable r) {
            interference = r;
            armed.set(true);
        }

        @Override
        public String activeKeyId() {
            return delegate.activeKeyId();
        }

        @Override
        public DataKey generateDataKey(Map<String, String> encryptionContext) {
            if (armed.compareAndSet(true, false)) {
                interference.run();
            }
            return delegate.generateDataKey(encryptionContext);
        }

        @Override
        public byte[] decryptDataKey(
                String keyId, byte[] encryptedKey, Map<String, String> encryptionContext) {
            return delegate.decryptDataKey(keyId, encryptedKey, encryptionContext);
        }
    }

    @Test
    void reencrypt_neverOverwritesAConcurrentWriteOfTheEncryptedValue() {
        open(k1()).table(Note.class).put(new Note("c1", "old value", null, "t"));
        Interfering provider = new Interfering(k1k2());
        DynamORM rotated = open(provider);
        Table<Note> notes = rotated.table(Note.class);
        DynamORM writer = open(k1k2());
        provider.arm(
                () ->
                        writer.table(Note.class)
                                .put(new Note("c1", "written meanwhile", null, "t2")));

        Reencryption.Result result = Reencryption.reencrypt(rotated, Note.class);
        assertThat(result.conflicts()).isEqualTo(1);
        assertThat(result.rewritten()).isZero();
        assertThat(notes.get("c1")).contains(new Note("c1", "written meanwhile", null, "t2"));
        assertThat(keyIds(notes, "secret")).containsEntry("c1", "k2");
    }

    @Test
    void reencrypt_retriesAfterAConcurrentVersionedWrite_andKeepsIt() {
        Account account =
                open(k1())
                        .table(Account.class)
                        .create(new Account("v1", "o", "4321", null, 5, 0))
                        .written()
                        .orElseThrow();
        Interfering provider = new Interfering(k1k2());
        DynamORM rotated = open(provider);
        DynamORM writer = open(k1());
        provider.arm(
                () ->
                        writer.table(Account.class)
                                .update(new Account("v1", "o", null, null, 77, 1), "balance"));

        Reencryption.Result result = Reencryption.reencrypt(rotated, Account.class);
        assertThat(result.conflicts()).isEqualTo(1);
        assertThat(result.rewritten()).isEqualTo(1);
        Account now = rotated.table(Account.class).get("v1").orElseThrow();
        assertThat(now.balance()).isEqualTo(77);
        assertThat(now.pin()).isEqualTo(account.pin());
        assertThat(now.version()).isEqualTo(2);
        assertThat(keyIds(rotated.table(Account.class), "pin")).containsEntry("v1", "k2");
    }

    @Test
    void reencrypt_refusesWhatItCannotDo() {
        DynamORM plain =
                DynamORM.builder()
                        .client(raw)
                        .tableNamePrefix(backend.tableNamePrefix())
                        .disablePlugin("encryption")
                        .build();
        opened.add(plain);
        assertThatThrownBy(() -> Reencryption.reencrypt(plain, Note.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(
                        "the encryption plugin is not installed in this DynamORM instance");
        DynamORM noKeys =
                DynamORM.builder().client(raw).tableNamePrefix(backend.tableNamePrefix()).build();
        opened.add(noKeys);
        assertThatThrownBy(() -> Reencryption.reencrypt(noKeys, Note.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "the encryption plugin has no key provider: configure "
                                + "EncryptionConfig.builder().keyProvider(...) before reencrypting");
        assertThatThrownBy(() -> Reencryption.reencrypt(open(k1k2()), Plain.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "model "
                                + Plain.class.getName()
                                + " has no @Encrypted fields: there is nothing to "
                                + "reencrypt");
        assertThatThrownBy(() -> Reencryption.reencrypt(open(k1k2()), String.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String is not a valid table model");
    }
}
