package dev.dynamorm.plugin.encryption.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.PluginException;
import dev.dynamorm.Table;
import dev.dynamorm.local.LocalDynamoDb;
import dev.dynamorm.plugin.encryption.DecryptionFailedException;
import dev.dynamorm.plugin.encryption.DecryptionFailedException.Reason;
import dev.dynamorm.plugin.encryption.EncryptionConfig;
import dev.dynamorm.plugin.encryption.KeyProvider;
import dev.dynamorm.plugin.encryption.KmsKeyProvider;
import dev.dynamorm.plugin.encryption.internal.Models.Note;
import dev.dynamorm.plugin.encryption.rotation.Reencryption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The KMS key provider against a KMS-compatible fake on loopback, through DynamORM on the embedded
 * engine.
 */
final class KmsKeyProviderTest {

    private static LocalDynamoDb local;
    private FakeKms kms;
    private KmsClient client;
    private String k1;
    private final List<AutoCloseable> opened = new ArrayList<>();

    /** The providers' clock: the tests advance it instead of sleeping. */
    private final AtomicReference<Instant> now =
            new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

    private final String prefix = "k" + UUID.randomUUID().toString().substring(0, 8) + "_";

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @BeforeEach
    void startKms() {
        kms = FakeKms.start();
        client = kms.client();
        k1 = kms.createKey("k1");
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
        client.close();
        kms.close();
    }

    private KmsKeyProvider provider(String keyId, Duration maxAge, long maxUses) {
        KmsKeyProvider p =
                KmsKeyProvider.builder()
                        .client(client)
                        .keyId(keyId)
                        .cacheMaxAge(maxAge)
                        .cacheMaxUses(maxUses)
                        .clock(now::get)
                        .build();
        opened.add(p);
        return p;
    }

    private Table<Note> notes(KeyProvider provider) {
        DynamORM db =
                DynamORM.builder()
                        .client(local.client())
                        .tableNamePrefix(prefix)
                        .pluginConfig(EncryptionConfig.builder().keyProvider(provider).build())
                        .build();
        opened.add(db);
        Table<Note> notes = db.table(Note.class);
        notes.createTableIfMissing();
        return notes;
    }

    private Map<String, AttributeValue> raw(Table<?> table, String id) {
        return local.client()
                .getItem(
                        r ->
                                r.tableName(table.tableName())
                                        .key(Map.of("id", AttributeValue.fromS(id)))
                                        .consistentRead(true))
                .item();
    }

    @Test
    void dataKeysComeFromKms_boundToTheTable_andEnvelopesNameTheKeyArn() {
        Table<Note> notes = notes(provider("alias/k1", Duration.ofMinutes(5), 1));
        notes.put(new Note("n1", "kms secret", "more", "t"));
        assertThat(notes.get("n1")).contains(new Note("n1", "kms secret", "more", "t"));
        assertThat(EncryptionHook.keyIdOf(raw(notes, "n1").get("secret"))).isEqualTo(k1);
        assertThat(kms.contexts).containsExactly(Map.of("dynamorm:table", notes.tableName()));
        assertThat(kms.generateCalls).hasValue(1);
    }

    @Test
    void generatedDataKeys_areReusedForAtMostMaxUsesWrites() {
        Table<Note> notes = notes(provider(k1, Duration.ofMinutes(5), 3));
        for (int i = 0; i < 7; i++) {
            notes.put(new Note("n" + i, "s" + i, null, "t"));
        }
        assertThat(kms.generateCalls).hasValue(3);

        Table<Note> uncached = notes(provider(k1, Duration.ofMinutes(5), 1));
        for (int i = 0; i < 7; i++) {
            assertThat(uncached.get("n" + i)).map(Note::secret).contains("s" + i);
        }
        assertThat(kms.decryptCalls).hasValue(7);
    }

    @Test
    void unwrappedDataKeys_areReusedForAtMostMaxUsesReads() {
        Table<Note> writer = notes(provider(k1, Duration.ofMinutes(5), 5));
        for (int i = 0; i < 5; i++) {
            writer.put(new Note("n" + i, "s" + i, null, "t"));
        }
        assertThat(kms.generateCalls).hasValue(1);
        Table<Note> reader = notes(provider(k1, Duration.ofMinutes(5), 2));
        for (int i = 0; i < 5; i++) {
            assertThat(reader.get("n" + i)).map(Note::secret).contains("s" + i);
        }
        assertThat(kms.decryptCalls).hasValue(3);
    }

    @Test
    void cachedDataKeys_expireAfterMaxAge() {
        Table<Note> notes = notes(provider(k1, Duration.ofMillis(300), 1000));
        notes.put(new Note("a", "1", null, "t"));
        notes.put(new Note("b", "2", null, "t"));
        now.set(now.get().plusMillis(299));
        notes.put(new Note("c", "3", null, "t"));
        assertThat(kms.generateCalls).hasValue(1);
        now.set(now.get().plusMillis(1));
        notes.put(new Note("d", "4", null, "t"));
        assertThat(kms.generateCalls).hasValue(2);
    }

    @Test
    void unreachableKms_failsWritesBeforeSending_andReadsWithKeyUnavailable() {
        Table<Note> writer = notes(provider(k1, Duration.ofMinutes(5), 1));
        writer.put(new Note("n1", "before the outage", null, "t"));
        kms.close();
        assertThatThrownBy(() -> writer.put(new Note("n2", "during the outage", null, "t")))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining(
                        "KMS GenerateDataKey under key '"
                                + k1
                                + "' failed, so nothing was encrypted");
        assertThat(raw(writer, "n2")).isEmpty();
        assertThatThrownBy(() -> writer.get("n1"))
                .isInstanceOfSatisfying(
                        DecryptionFailedException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(Reason.KEY_UNAVAILABLE);
                            assertThat(e.isRetryable()).isTrue();
                            assertThat(e.getMessage())
                                    .contains(
                                            "KMS could not be reached to decrypt the data key under key '"
                                                    + k1);
                        });
    }

    @Test
    void disabledKeysAndAlteredBlobs_failTheRead() {
        Table<Note> notes = notes(provider(k1, Duration.ofMinutes(5), 1));
        notes.put(new Note("n1", "secret", null, "t"));
        Map<String, AttributeValue> item = new java.util.HashMap<>(raw(notes, "n1"));
        byte[] envelope = item.get("secret").b().asByteArray();
        int idLength = ((envelope[1] & 0xff) << 8) | (envelope[2] & 0xff);
        envelope[5 + idLength + 20] ^= 1; // inside the KMS ciphertext blob
        item.put(
                "secret",
                AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromByteArray(envelope)));
        item.put("id", AttributeValue.fromS("altered"));
        local.client().putItem(r -> r.tableName(notes.tableName()).item(item));
        assertThatThrownBy(() -> notes.get("altered"))
                .isInstanceOfSatisfying(
                        DecryptionFailedException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(Reason.TAMPERED);
                            assertThat(e.getMessage())
                                    .contains(
                                            "KMS rejected the data key wrapped under key '"
                                                    + k1
                                                    + "' (InvalidCiphertextException)");
                        });
        kms.disable(k1);
        assertThatThrownBy(() -> notes.get("n1"))
                .isInstanceOfSatisfying(
                        DecryptionFailedException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(Reason.KEY_UNAVAILABLE);
                            assertThat(e.isRetryable()).isFalse();
                        });
    }

    @Test
    void rotationByAlias_oldKeyStillDecrypts_andReencryptMovesToTheNewArn() {
        kms.alias("alias/current", k1);
        KmsKeyProvider provider = provider("alias/current", Duration.ofMinutes(5), 1);
        Table<Note> notes = notes(provider);
        notes.put(new Note("n1", "under k1", null, "t"));
        String k2 = kms.createKey("k2");
        kms.alias("alias/current", k2);
        notes.put(new Note("n2", "under k2", null, "t"));
        assertThat(EncryptionHook.keyIdOf(raw(notes, "n1").get("secret"))).isEqualTo(k1);
        assertThat(EncryptionHook.keyIdOf(raw(notes, "n2").get("secret"))).isEqualTo(k2);
        assertThat(notes.get("n1")).map(Note::secret).contains("under k1");
        assertThat(provider.isActive(k2)).isTrue();
        assertThat(provider.isActive(k1)).isFalse();

        DynamORM db = (DynamORM) opened.get(opened.size() - 1);
        Reencryption.Result result = Reencryption.reencrypt(db, Note.class);
        assertThat(result.rewritten()).isEqualTo(1);
        assertThat(result.alreadyCurrent()).isEqualTo(1);
        assertThat(EncryptionHook.keyIdOf(raw(notes, "n1").get("secret"))).isEqualTo(k2);
        kms.disable(k1);
        assertThat(notes.get("n1")).map(Note::secret).contains("under k1");
    }

    @Test
    void builder_checksItsSettings_andToStringShowsNoKeys() {
        assertThatThrownBy(() -> KmsKeyProvider.builder().keyId(k1).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a KMS key provider needs client(kmsClient) and keyId(keyIdOrArn)");
        assertThatThrownBy(() -> KmsKeyProvider.builder().keyId(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("KMS key id must not be blank");
        assertThatThrownBy(() -> KmsKeyProvider.builder().cacheMaxUses(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("KMS data key cache max uses must be at least 1, got 0");
        assertThatThrownBy(() -> KmsKeyProvider.builder().cacheMaxAge(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("KMS data key cache max age must not be negative, got PT-1S");
        KmsKeyProvider p = provider(k1, Duration.ofMinutes(1), 10);
        KeyProvider.DataKey key = p.generateDataKey(Map.of("dynamorm:table", "t"));
        assertThat(p.toString())
                .isEqualTo(
                        "KmsKeyProvider[keyId="
                                + k1
                                + ", cacheMaxAge=PT1M, cacheMaxUses=10, "
                                + "cacheMaxEntries=1000]");
        assertThat(key.toString())
                .isEqualTo(
                        "DataKey[keyId="
                                + k1
                                + ", plaintext=<redacted>, encryptedKey="
                                + key.encryptedKey().length
                                + " bytes]");
        assertThat(p.decryptDataKey(key.keyId(), key.encryptedKey(), Map.of("dynamorm:table", "t")))
                .isEqualTo(key.plaintext());
        assertThatThrownBy(
                        () ->
                                p.decryptDataKey(
                                        key.keyId(),
                                        key.encryptedKey(),
                                        Map.of("dynamorm:table", "other")))
                .isInstanceOfSatisfying(
                        DecryptionFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TAMPERED));
    }
}
