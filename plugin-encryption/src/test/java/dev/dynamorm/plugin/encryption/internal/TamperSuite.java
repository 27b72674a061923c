package dev.dynamorm.plugin.encryption.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Operation;
import dev.dynamorm.Table;
import dev.dynamorm.plugin.encryption.DecryptionFailedException;
import dev.dynamorm.plugin.encryption.DecryptionFailedException.Reason;
import dev.dynamorm.plugin.encryption.EncryptionConfig;
import dev.dynamorm.plugin.encryption.LocalKeyring;
import dev.dynamorm.plugin.encryption.internal.Models.Note;
import dev.dynamorm.test.BackendContext;
import dev.dynamorm.test.DynamoBackend;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The tamper matrix: a bit flipped in each part of an envelope, and envelopes moved between
 * attributes, items and tables; every read fails with {@link DecryptionFailedException}, never with
 * garbage or ciphertext in the model.
 */
@DynamoBackend(models = Note.class)
abstract class TamperSuite {

    private static final LocalKeyring KEYRING =
            LocalKeyring.builder().key("k1", LocalKeyring.newKeyBase64()).build();
    private static final String SECRET = "the launch code is 0000";

    private DynamORM db;
    private DynamoDbClient raw;
    private Table<Note> notes;
    private BackendContext backend;

    @BeforeEach
    void setUp(DynamoDbClient raw, BackendContext backend) {
        this.raw = raw;
        this.backend = backend;
        this.db = open(backend.tableNamePrefix());
        this.notes = db.table(Note.class);
    }

    private DynamORM open(String prefix) {
        return DynamORM.builder()
                .client(raw)
                .tableNamePrefix(prefix)
                .pluginConfig(EncryptionConfig.builder().keyProvider(KEYRING).build())
                .build();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("id", AttributeValue.fromS(id));
    }

    private Map<String, AttributeValue> stored(Table<?> table, String id) {
        return new HashMap<>(
                raw.getItem(b -> b.tableName(table.tableName()).key(key(id)).consistentRead(true))
                        .item());
    }

    private void store(Table<?> table, Map<String, AttributeValue> item) {
        raw.putItem(b -> b.tableName(table.tableName()).item(item));
    }

    private String written() {
        String id = UUID.randomUUID().toString();
        notes.put(new Note(id, SECRET, "another secret", "t"));
        return id;
    }

    private void assertReadFails(String id, String attribute, Reason reason) {
        assertThatThrownBy(() -> notes.get(id))
                .isInstanceOfSatisfying(
                        DecryptionFailedException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(reason);
                            assertThat(e.tableName()).contains(notes.tableName());
                            assertThat(e.attribute()).contains(attribute);
                            assertThat(e.operation()).contains(Operation.GET);
                            assertThat(e.modelType()).contains(Note.class);
                            assertThat(e.getMessage())
                                    .contains(
                                            "'" + attribute + "'",
                                            id,
                                            notes.tableName(),
                                            Note.class.getName())
                                    .doesNotContain(SECRET);
                        });
        assertThatThrownBy(() -> notes.query().scan())
                .isInstanceOf(DecryptionFailedException.class);
    }

    /** Flips the lowest bit of one byte of the secret's envelope, found by its offset function. */
    private void flip(String id, java.util.function.ToIntFunction<byte[]> offset) {
        Map<String, AttributeValue> item = stored(notes, id);
        byte[] envelope = item.get("secret").b().asByteArray();
        envelope[offset.applyAsInt(envelope)] ^= 1;
        item.put("secret", AttributeValue.fromB(SdkBytes.fromByteArray(envelope)));
        store(notes, item);
    }

    private static int idLength(byte[] e) {
        return ((e[1] & 0xff) << 8) | (e[2] & 0xff);
    }

    private static int keyLength(byte[] e) {
        int n = idLength(e);
        return ((e[3 + n] & 0xff) << 8) | (e[4 + n] & 0xff);
    }

    @Test
    void untampered_reads() {
        String id = written();
        assertThat(notes.get(id)).contains(new Note(id, SECRET, "another secret", "t"));
    }

    @Test
    void flippedVersion_failsAsMalformed() {
        String id = written();
        flip(id, e -> 0);
        assertReadFails(id, "secret", Reason.MALFORMED);
    }

    @Test
    void flippedKeyIdLength_fails() {
        String id = written();
        flip(id, e -> 2);
        assertThatThrownBy(() -> notes.get(id)).isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void flippedKeyId_failsAsUnknownKey() {
        String id = written();
        flip(id, e -> 3);
        assertReadFails(id, "secret", Reason.KEY_UNAVAILABLE);
    }

    @Test
    void flippedEncryptedKeyLength_fails() {
        String id = written();
        flip(id, e -> 4 + idLength(e));
        assertThatThrownBy(() -> notes.get(id)).isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void flippedEncryptedKey_failsAuthentication() {
        String id = written();
        flip(id, e -> 5 + idLength(e) + 7);
        assertReadFails(id, "secret", Reason.TAMPERED);
    }

    @Test
    void flippedNonce_failsAuthentication() {
        String id = written();
        flip(id, e -> 5 + idLength(e) + keyLength(e) + 3);
        assertReadFails(id, "secret", Reason.TAMPERED);
    }

    @Test
    void flippedCiphertext_failsAuthentication() {
        String id = written();
        flip(id, e -> 17 + idLength(e) + keyLength(e));
        assertReadFails(id, "secret", Reason.TAMPERED);
    }

    @Test
    void flippedTag_failsAuthentication() {
        String id = written();
        flip(id, e -> e.length - 1);
        assertReadFails(id, "secret", Reason.TAMPERED);
    }

    @Test
    void truncatedOrPlainValues_failAsMalformed() {
        String id = written();
        Map<String, AttributeValue> item = stored(notes, id);
        byte[] envelope = item.get("secret").b().asByteArray();
        item.put(
                "secret",
                AttributeValue.fromB(
                        SdkBytes.fromByteArray(java.util.Arrays.copyOf(envelope, 20))));
        store(notes, item);
        assertReadFails(id, "secret", Reason.MALFORMED);

        item.put("secret", AttributeValue.fromS(SECRET));
        store(notes, item);
        assertThatThrownBy(() -> notes.get(id))
                .isInstanceOfSatisfying(
                        DecryptionFailedException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
                            assertThat(e.getMessage())
                                    .contains("holds a S value, not an encryption envelope");
                        });
    }

    @Test
    void envelopeSwappedBetweenAttributes_failsAuthentication() {
        String id = written();
        Map<String, AttributeValue> item = stored(notes, id);
        AttributeValue secret = item.get("secret");
        item.put("secret", item.get("other"));
        item.put("other", secret);
        store(notes, item);
        assertThatThrownBy(() -> notes.get(id))
                .isInstanceOfSatisfying(
                        DecryptionFailedException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(Reason.TAMPERED);
                            assertThat(e.attribute().orElseThrow()).isIn("secret", "other");
                        });
    }

    @Test
    void envelopeCopiedToAnotherItem_failsAuthentication() {
        String victim = written();
        String attacker = UUID.randomUUID().toString();
        notes.put(new Note(attacker, "mine", null, "t"));
        Map<String, AttributeValue> item = stored(notes, attacker);
        item.put("secret", stored(notes, victim).get("secret"));
        store(notes, item);
        assertThatThrownBy(() -> notes.get(attacker))
                .isInstanceOfSatisfying(
                        DecryptionFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TAMPERED));

        Map<String, AttributeValue> whole = stored(notes, victim);
        whole.put("id", AttributeValue.fromS("copy-" + victim));
        store(notes, whole);
        assertThatThrownBy(() -> notes.get("copy-" + victim))
                .isInstanceOfSatisfying(
                        DecryptionFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TAMPERED));
        assertThat(notes.get(victim)).map(Note::secret).contains(SECRET);
    }

    @Test
    void itemCopiedToAnotherTable_failsAuthentication() {
        String id = written();
        try (DynamORM other = open(backend.tableNamePrefix() + "copy_")) {
            Table<Note> copies = other.table(Note.class);
            copies.createTable();
            store(copies, stored(notes, id));
            assertThatThrownBy(() -> copies.get(id))
                    .isInstanceOfSatisfying(
                            DecryptionFailedException.class,
                            e -> {
                                assertThat(e.reason()).isEqualTo(Reason.TAMPERED);
                                assertThat(e.tableName()).contains(copies.tableName());
                            });
            copies.put(new Note(id, "fresh", null, "t"));
            assertThat(copies.get(id)).map(Note::secret).contains("fresh");
        }
    }

    @Test
    void readsThroughEveryPath_failLikeGet() {
        String id = written();
        flip(id, e -> e.length - 1);
        assertThatThrownBy(() -> notes.where("id", "=", id).first())
                .isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> notes.batchGet(java.util.List.of(dev.dynamorm.Key.of(id))))
                .isInstanceOf(DecryptionFailedException.class);
        if (backend.supportsTransactions()) {
            assertThatThrownBy(
                            () ->
                                    db.readTransaction(
                                            tx -> tx.get(Note.class, dev.dynamorm.Key.of(id))))
                    .isInstanceOf(DecryptionFailedException.class);
        }
    }
}
