package dev.dynamorm.plugin.encryption.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.ModelDefinitionException;
import dev.dynamorm.PluginException;
import dev.dynamorm.Statistic;
import dev.dynamorm.Table;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.Encrypted;
import dev.dynamorm.annotations.IndexKey;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.local.LocalDynamoDb;
import dev.dynamorm.plugin.encryption.DecryptionFailedException;
import dev.dynamorm.plugin.encryption.DecryptionFailedException.Reason;
import dev.dynamorm.plugin.encryption.EncryptionConfig;
import dev.dynamorm.plugin.encryption.KeyProvider;
import dev.dynamorm.plugin.encryption.LocalKeyring;
import dev.dynamorm.plugin.encryption.internal.Models.Note;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every fail-closed path: the plugin absent or disabled, no key provider, an unknown key, a failing
 * provider.
 */
final class MisconfigurationTest {

    private static final String K1 = LocalKeyring.newKeyBase64();
    private static LocalDynamoDb local;
    private final List<DynamORM> opened = new ArrayList<>();
    private final String prefix = "m" + UUID.randomUUID().toString().substring(0, 8) + "_";

    @DynamoTable("bad_key")
    public record EncryptedKey(@PartitionKey @Encrypted String id) {}

    @DynamoTable("bad_index")
    public record EncryptedIndexKey(
            @PartitionKey String id, @IndexKey(index = "by-x") @Encrypted String x) {}

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
        opened.forEach(DynamORM::close);
    }

    private DynamORM open(Consumer<DynamORM.Builder> setup) {
        DynamORM.Builder b = DynamORM.builder().client(local.client()).tableNamePrefix(prefix);
        setup.accept(b);
        DynamORM db = b.build();
        opened.add(db);
        db.table(Note.class).createTableIfMissing();
        return db;
    }

    private static DynamORM.Builder keyring(DynamORM.Builder b, KeyProvider provider) {
        return b.pluginConfig(EncryptionConfig.builder().keyProvider(provider).build());
    }

    private int stored() {
        return local.client().scan(r -> r.tableName(prefix + "enc_notes")).count();
    }

    @Test
    void discoveredPlugin_isInstalledFromItsJar() {
        DynamORM db = open(b -> {});
        assertThat(db.plugins()).contains("encryption");
    }

    @Test
    void disabledOrUndiscoveredPlugin_modelIsNeitherWrittenNorRead() {
        for (Consumer<DynamORM.Builder> setup :
                List.<Consumer<DynamORM.Builder>>of(
                        b -> b.disablePlugin("encryption"), b -> b.discoverPlugins(false))) {
            DynamORM db = open(setup);
            assertThat(db.plugins()).doesNotContain("encryption");
            Table<Note> notes = db.table(Note.class);
            assertThatThrownBy(() -> notes.put(new Note("n1", "plain secret", null, "t")))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageStartingWith(
                            "model "
                                    + Note.class.getName()
                                    + " has fields [secret, other] marked @Encrypted "
                                    + "but no installed plugin transforms them (it is absent or disabled)");
            assertThatThrownBy(() -> notes.where("id", "=", "n1").update(u -> u.set("tag", "x")))
                    .isInstanceOf(InvalidRequestException.class);
            assertThatThrownBy(() -> notes.get("n1"))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("no installed plugin transforms them");
            assertThatThrownBy(() -> notes.query().scan())
                    .isInstanceOf(InvalidRequestException.class);
            assertThat(stored()).isZero();
        }
    }

    @Test
    void noKeyProvider_writesFailBeforeAnythingIsSent() {
        DynamORM db = open(b -> {});
        Table<Note> notes = db.table(Note.class);
        assertThatThrownBy(() -> notes.put(new Note("n1", "plain secret", null, "t")))
                .isInstanceOfSatisfying(
                        PluginException.class,
                        e -> {
                            assertThat(e.pluginName()).contains("encryption");
                            assertThat(e.getMessage())
                                    .isEqualTo(
                                            "plugin 'encryption' failed to transform an item before "
                                                    + "writing it for put on table '"
                                                    + notes.tableName()
                                                    + "': no key provider is "
                                                    + "configured, so @Encrypted attributes [secret] of model "
                                                    + Note.class.getName()
                                                    + " cannot be encrypted: refusing to write them; configure "
                                                    + "EncryptionConfig.builder().keyProvider(...) or the dynamorm.plugin.encryption.keyring.* "
                                                    + "/ kms.* properties");
                        });
        assertThatThrownBy(
                        () ->
                                notes.where("id", "=", "n1")
                                        .update(u -> u.set("secret", "x").upsert()))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("no key provider is configured");
        assertThatThrownBy(() -> db.transaction(tx -> tx.create(new Note("n2", "x", null, "t"))))
                .isInstanceOf(PluginException.class);
        assertThatThrownBy(() -> notes.batchPut(List.of(new Note("n3", "x", null, "t"))))
                .isInstanceOf(PluginException.class);
        assertThat(stored()).isZero();
        // items without encrypted values need no key
        notes.put(new Note("n4", null, null, "only plain"));
        assertThat(notes.get("n4")).contains(new Note("n4", null, null, "only plain"));
    }

    @Test
    void noKeyProvider_readsOfEncryptedValuesFail() {
        open(b -> keyring(b, LocalKeyring.builder().key("k1", K1).build()))
                .table(Note.class)
                .put(new Note("n1", "written with a key", null, "t"));
        Table<Note> notes = open(b -> {}).table(Note.class);
        assertThatThrownBy(() -> notes.get("n1"))
                .isInstanceOfSatisfying(
                        DecryptionFailedException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(Reason.KEY_UNAVAILABLE);
                            assertThat(e.keyId()).contains("k1");
                            assertThat(e.getMessage())
                                    .isEqualTo(
                                            "attribute 'secret' of the item with key {id='n1'} in table '"
                                                    + notes.tableName()
                                                    + "' (model "
                                                    + Note.class.getName()
                                                    + ") was encrypted under key 'k1', but no "
                                                    + "key provider is configured: configure EncryptionConfig.builder().keyProvider(...) or the "
                                                    + "dynamorm.plugin.encryption.keyring.* / kms.* properties");
                        });
    }

    @Test
    void unknownKey_failsTheRead_orLeavesTheFieldUnsetAndMarkedWhenAsked() {
        String k2 = LocalKeyring.newKeyBase64();
        open(b -> keyring(b, LocalKeyring.builder().key("k1", K1).build()))
                .table(Note.class)
                .put(new Note("n1", "under k1", "also k1", "t"));
        Table<Note> strict =
                open(b -> keyring(b, LocalKeyring.builder().key("k2", k2).build()))
                        .table(Note.class);
        assertThatThrownBy(() -> strict.get("n1"))
                .isInstanceOfSatisfying(
                        DecryptionFailedException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(Reason.KEY_UNAVAILABLE);
                            assertThat(e.getMessage())
                                    .contains(
                                            "key 'k1' is not in the local keyring (it holds [k2]): add it back");
                        });

        List<DecryptionFailedException> marks = new ArrayList<>();
        DynamORM lenient =
                open(
                        b ->
                                b.pluginConfig(
                                        EncryptionConfig.builder()
                                                .keyProvider(
                                                        LocalKeyring.builder()
                                                                .key("k2", k2)
                                                                .build())
                                                .leaveUnreadableFieldsUnset(marks::add)
                                                .build()));
        Table<Note> notes = lenient.table(Note.class);
        assertThat(notes.get("n1")).contains(new Note("n1", null, null, "t"));
        assertThat(marks)
                .extracting(e -> e.attribute().orElseThrow())
                .containsExactlyInAnyOrder("secret", "other");
        assertThat(marks)
                .allSatisfy(
                        e -> {
                            assertThat(e.keyId()).contains("k1");
                            assertThat(e.tableName()).contains(notes.tableName());
                        });
        assertThat(
                        lenient.statistics().stream()
                                .filter(s -> s.name().equals("dynamorm.encryption.values.unset"))
                                .mapToDouble(Statistic::value)
                                .sum())
                .isEqualTo(2);

        // altered values still fail, whatever the option
        Map<String, AttributeValue> item =
                new java.util.HashMap<>(
                        local.client()
                                .getItem(
                                        r ->
                                                r.tableName(notes.tableName())
                                                        .key(
                                                                Map.of(
                                                                        "id",
                                                                        AttributeValue.fromS(
                                                                                "n1"))))
                                .item());
        byte[] envelope = item.get("secret").b().asByteArray();
        envelope[envelope.length - 1] ^= 1;
        item.put("secret", AttributeValue.fromB(SdkBytes.fromByteArray(envelope)));
        local.client().putItem(r -> r.tableName(notes.tableName()).item(item));
        Table<Note> withK1 =
                open(b ->
                                b.pluginConfig(
                                        EncryptionConfig.builder()
                                                .keyProvider(
                                                        LocalKeyring.builder()
                                                                .key("k1", K1)
                                                                .build())
                                                .leaveUnreadableFieldsUnset(marks::add)
                                                .build()))
                        .table(Note.class);
        assertThatThrownBy(() -> withK1.get("n1"))
                .isInstanceOfSatisfying(
                        DecryptionFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TAMPERED));
    }

    @Test
    void failingKeyProvider_failsTheWriteBeforeSending() {
        KeyProvider broken =
                new KeyProvider() {
                    @Override
                    public String activeKeyId() {
                        return "hsm-1";
                    }

                    @Override
                    public DataKey generateDataKey(Map<String, String> encryptionContext) {
                        throw new IllegalStateException("the HSM is offline");
                    }

                    @Override
                    public byte[] decryptDataKey(
                            String keyId,
                            byte[] encryptedKey,
                            Map<String, String> encryptionContext) {
                        throw new IllegalStateException("the HSM is offline");
                    }

                    @Override
                    public String toString() {
                        return "BrokenHsm";
                    }
                };
        Table<Note> notes = open(b -> keyring(b, broken)).table(Note.class);
        assertThatThrownBy(() -> notes.put(new Note("n1", "secret", null, "t")))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining(
                        "key provider BrokenHsm could not make a data key for table '"
                                + notes.tableName()
                                + "', so @Encrypted attributes [secret] of model "
                                + Note.class.getName()
                                + " were not written: the HSM is offline");
        assertThat(stored()).isZero();
    }

    @Test
    void encryptedKeysAndIndexKeys_areRegistrationErrors() {
        DynamORM db = open(b -> keyring(b, LocalKeyring.builder().key("k1", K1).build()));
        assertThatThrownBy(() -> db.table(EncryptedKey.class))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("field 'id' is the partition key and cannot be @Encrypted");
        assertThatThrownBy(() -> db.table(EncryptedIndexKey.class))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining(
                        "field 'x' is the partition key of index 'by-x' and cannot be @Encrypted");
    }
}
