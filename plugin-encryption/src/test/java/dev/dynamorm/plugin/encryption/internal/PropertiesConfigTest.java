package dev.dynamorm.plugin.encryption.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.PluginException;
import dev.dynamorm.Table;
import dev.dynamorm.local.LocalDynamoDb;
import dev.dynamorm.plugin.encryption.LocalKeyring;
import dev.dynamorm.plugin.encryption.internal.Models.Note;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin configured from {@code dynamorm.plugin.encryption.*} properties. */
final class PropertiesConfigTest {

    private static LocalDynamoDb local;

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    private static DynamORM open(Properties p) {
        return DynamORM.builder()
                .client(local.client())
                .tableNamePrefix("p" + UUID.randomUUID().toString().substring(0, 8) + "_")
                .pluginProperties(p)
                .build();
    }

    private static void roundTrip(DynamORM db) {
        Table<Note> notes = db.table(Note.class);
        notes.createTable();
        notes.put(new Note("n1", "from properties", null, "t"));
        assertThat(notes.get("n1")).map(Note::secret).contains("from properties");
    }

    @Test
    void keyringFromInlineKeysAndAKeyFile(@TempDir Path dir) throws Exception {
        Properties p = new Properties();
        p.setProperty("dynamorm.plugin.encryption.keyring.key.k1", LocalKeyring.newKeyBase64());
        try (DynamORM db = open(p)) {
            roundTrip(db);
        }
        Path file = dir.resolve("keys.properties");
        Files.writeString(
                file,
                "key.a="
                        + LocalKeyring.newKeyBase64()
                        + "\nkey.b="
                        + LocalKeyring.newKeyBase64()
                        + "\nactive=a\n");
        Properties fromFile = new Properties();
        fromFile.setProperty("dynamorm.plugin.encryption.keyring.file", file.toString());
        fromFile.setProperty("dynamorm.plugin.encryption.keyring.active", "b");
        fromFile.setProperty("dynamorm.plugin.encryption.unreadableFields", "unset");
        try (DynamORM db = open(fromFile)) {
            roundTrip(db);
            String stored =
                    local.client()
                            .scan(r -> r.tableName(db.table(Note.class).tableName()))
                            .items()
                            .get(0)
                            .get("secret")
                            .toString();
            assertThat(stored).doesNotContain("from properties");
            assertThat(
                            EncryptionHook.keyIdOf(
                                    local.client()
                                            .scan(
                                                    r ->
                                                            r.tableName(
                                                                    db.table(Note.class)
                                                                            .tableName()))
                                            .items()
                                            .get(0)
                                            .get("secret")))
                    .isEqualTo("b");
        }
    }

    @Test
    void kmsFromProperties() {
        try (FakeKms kms = FakeKms.start()) {
            String arn = kms.createKey("props");
            Properties p = new Properties();
            p.setProperty("dynamorm.plugin.encryption.kms.keyId", "alias/props");
            p.setProperty("dynamorm.plugin.encryption.kms.region", "us-east-1");
            p.setProperty("dynamorm.plugin.encryption.kms.endpoint", kms.endpoint().toString());
            p.setProperty("dynamorm.plugin.encryption.kms.cacheMaxAge", "PT1M");
            p.setProperty("dynamorm.plugin.encryption.kms.cacheMaxUses", "10");
            String oldId = System.getProperty("aws.accessKeyId");
            String oldSecret = System.getProperty("aws.secretAccessKey");
            System.setProperty("aws.accessKeyId", "test");
            System.setProperty("aws.secretAccessKey", "test");
            try (DynamORM db = open(p)) {
                roundTrip(db);
                assertThat(kms.generateCalls).hasValue(1);
                assertThat(
                                EncryptionHook.keyIdOf(
                                        local.client()
                                                .scan(
                                                        r ->
                                                                r.tableName(
                                                                        db.table(Note.class)
                                                                                .tableName()))
                                                .items()
                                                .get(0)
                                                .get("secret")))
                        .isEqualTo(arn);
            } finally {
                restore("aws.accessKeyId", oldId);
                restore("aws.secretAccessKey", oldSecret);
            }
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Test
    void badProperties_failTheBuildNamingThePlugin() {
        Properties unknown = new Properties();
        unknown.setProperty("dynamorm.plugin.encryption.keyring.keys", "x");
        assertThatThrownBy(() -> open(unknown))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("plugin 'encryption'")
                .hasMessageContaining(
                        "unknown encryption property 'keyring.keys': use keyring.file, keyring.active, "
                                + "keyring.key.<id>, kms.keyId, kms.region, kms.endpoint, kms.cacheMaxAge, kms.cacheMaxUses, "
                                + "kms.cacheMaxEntries or unreadableFields");
        Properties both = new Properties();
        both.setProperty("dynamorm.plugin.encryption.keyring.key.k1", LocalKeyring.newKeyBase64());
        both.setProperty("dynamorm.plugin.encryption.kms.keyId", "alias/x");
        assertThatThrownBy(() -> open(both))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining(
                        "encryption properties configure both a local keyring (keyring.*) and KMS "
                                + "(kms.*): choose one");
        Properties noActive = new Properties();
        noActive.setProperty(
                "dynamorm.plugin.encryption.keyring.key.k1", LocalKeyring.newKeyBase64());
        noActive.setProperty(
                "dynamorm.plugin.encryption.keyring.key.k2", LocalKeyring.newKeyBase64());
        assertThatThrownBy(() -> open(noActive))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("a local keyring with keys [k1, k2] needs active(id)");
        Properties kmsWithoutKey = new Properties();
        kmsWithoutKey.setProperty("dynamorm.plugin.encryption.kms.region", "us-east-1");
        assertThatThrownBy(() -> open(kmsWithoutKey))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("encryption property kms.keyId is required");
        Properties badPolicy = new Properties();
        badPolicy.setProperty("dynamorm.plugin.encryption.unreadableFields", "ignore");
        assertThatThrownBy(() -> open(badPolicy))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining(
                        "encryption property unreadableFields must be fail or unset, got 'ignore'");
    }
}
