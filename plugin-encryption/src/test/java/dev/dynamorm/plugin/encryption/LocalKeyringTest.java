package dev.dynamorm.plugin.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local keyring: building it, wrapping and unwrapping data keys, and what it never shows. */
final class LocalKeyringTest {

    private static final Map<String, String> CONTEXT = Map.of("dynamorm:table", "orders");

    @Test
    void dataKeys_areWrappedUnderTheActiveKey_andUnwrapUnderAnyKeyOfTheRing() {
        String k1 = LocalKeyring.newKeyBase64();
        LocalKeyring old = LocalKeyring.builder().key("k1", k1).build();
        KeyProvider.DataKey fromOld = old.generateDataKey(CONTEXT);
        assertThat(fromOld.keyId()).isEqualTo("k1");
        assertThat(fromOld.plaintext()).hasSize(32);
        assertThat(fromOld.encryptedKey()).hasSize(60);

        LocalKeyring rotated =
                LocalKeyring.builder()
                        .key("k1", k1)
                        .key("k2", LocalKeyring.newKeyBase64())
                        .active("k2")
                        .build();
        assertThat(rotated.activeKeyId()).isEqualTo("k2");
        assertThat(rotated.keyIds()).containsExactly("k1", "k2");
        assertThat(rotated.isActive("k2")).isTrue();
        assertThat(rotated.isActive("k1")).isFalse();
        assertThat(rotated.generateDataKey(CONTEXT).keyId()).isEqualTo("k2");
        assertThat(rotated.decryptDataKey("k1", fromOld.encryptedKey(), CONTEXT))
                .isEqualTo(fromOld.plaintext());
        assertThat(rotated.generateDataKey(CONTEXT).plaintext())
                .isNotEqualTo(rotated.generateDataKey(CONTEXT).plaintext());
    }

    @Test
    void unwrapping_failsForUnknownKeysAlteredKeysAndOtherContexts() {
        LocalKeyring ring = LocalKeyring.builder().key("k1", LocalKeyring.newKeyBase64()).build();
        KeyProvider.DataKey key = ring.generateDataKey(CONTEXT);
        assertThatThrownBy(() -> ring.decryptDataKey("k9", key.encryptedKey(), CONTEXT))
                .isInstanceOfSatisfying(
                        DecryptionFailedException.class,
                        e -> {
                            assertThat(e.reason())
                                    .isEqualTo(DecryptionFailedException.Reason.KEY_UNAVAILABLE);
                            assertThat(e.getMessage())
                                    .isEqualTo(
                                            "key 'k9' is not in the local keyring (it holds [k1]): add "
                                                    + "it back to read values written under it");
                        });
        byte[] altered = key.encryptedKey();
        altered[30] ^= 1;
        assertThatThrownBy(() -> ring.decryptDataKey("k1", altered, CONTEXT))
                .isInstanceOfSatisfying(
                        DecryptionFailedException.class,
                        e ->
                                assertThat(e.reason())
                                        .isEqualTo(DecryptionFailedException.Reason.TAMPERED));
        assertThatThrownBy(
                        () ->
                                ring.decryptDataKey(
                                        "k1",
                                        key.encryptedKey(),
                                        Map.of("dynamorm:table", "other")))
                .isInstanceOfSatisfying(
                        DecryptionFailedException.class,
                        e ->
                                assertThat(e.reason())
                                        .isEqualTo(DecryptionFailedException.Reason.TAMPERED));
        assertThatThrownBy(() -> ring.decryptDataKey("k1", new byte[10], CONTEXT))
                .isInstanceOf(DecryptionFailedException.class)
                .hasMessage(
                        "the data key wrapped under key 'k1' has 10 bytes, not 60: it was altered");
    }

    @Test
    void builder_rejectsBadKeysAndMissingChoices() {
        assertThatThrownBy(() -> LocalKeyring.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "a local keyring needs at least one key: add key(id, bytes) or keyFile(path)");
        assertThatThrownBy(() -> LocalKeyring.builder().key("k1", new byte[16]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("keyring key 'k1' must have 32 bytes (AES-256), got 16");
        assertThatThrownBy(() -> LocalKeyring.builder().key("k1", "not base64!"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("keyring key 'k1' is not valid Base64");
        assertThatThrownBy(() -> LocalKeyring.builder().key(" ", new byte[32]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () ->
                                LocalKeyring.builder()
                                        .key("k1", new byte[32])
                                        .key("k1", new byte[32]))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("keyring key 'k1' was already added");
        assertThatThrownBy(
                        () ->
                                LocalKeyring.builder()
                                        .key("a", new byte[32])
                                        .key("b", new byte[32])
                                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "a local keyring with keys [a, b] needs active(id): the key new values are encrypted "
                                + "under");
        assertThatThrownBy(() -> LocalKeyring.builder().key("a", new byte[32]).active("c").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "active key 'c' is not in the local keyring (it holds [a]): add it or choose another");
    }

    @Test
    void keyFile_holdsKeysAndTheActiveOne(@TempDir Path dir) throws Exception {
        String k1 = LocalKeyring.newKeyBase64();
        String k2 = LocalKeyring.newKeyBase64();
        Path file = dir.resolve("keys.properties");
        Files.writeString(file, "# test keys\nkey.k1=" + k1 + "\nkey.k2=" + k2 + "\nactive=k2\n");
        LocalKeyring ring = LocalKeyring.fromFile(file);
        assertThat(ring.activeKeyId()).isEqualTo("k2");
        assertThat(ring.keyIds()).containsExactlyInAnyOrder("k1", "k2");
        KeyProvider.DataKey key =
                LocalKeyring.builder()
                        .key("k1", Base64.getDecoder().decode(k1))
                        .build()
                        .generateDataKey(CONTEXT);
        assertThat(ring.decryptDataKey("k1", key.encryptedKey(), CONTEXT))
                .isEqualTo(key.plaintext());

        Files.writeString(file, "key.k1=" + k1 + "\nsecret=x\n");
        assertThatThrownBy(() -> LocalKeyring.fromFile(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "keyring file "
                                + file
                                + " has unknown entry 'secret': use key.<id>=<base64> and "
                                + "active=<id>");
        assertThatThrownBy(() -> LocalKeyring.fromFile(dir.resolve("missing")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot read keyring file ");
    }

    @Test
    void toString_andConfig_showIdsButNoKeyMaterial() {
        String k1 = LocalKeyring.newKeyBase64();
        LocalKeyring ring = LocalKeyring.builder().key("k1", k1).build();
        KeyProvider.DataKey key = ring.generateDataKey(CONTEXT);
        assertThat(ring.toString()).isEqualTo("LocalKeyring[active=k1, keys=[k1]]");
        assertThat(key.toString())
                .isEqualTo("DataKey[keyId=k1, plaintext=<redacted>, encryptedKey=60 bytes]")
                .doesNotContain(Base64.getEncoder().encodeToString(key.plaintext()));
        EncryptionConfig config = EncryptionConfig.builder().keyProvider(ring).build();
        assertThat(config.toString())
                .isEqualTo(
                        "EncryptionConfig[keyProvider=LocalKeyring[active=k1, keys=[k1]], "
                                + "unreadableFields=fail]")
                .doesNotContain(k1);
        assertThat(config.pluginName()).isEqualTo("encryption");
        assertThatThrownBy(() -> EncryptionConfig.builder().keyProvider(ring).keyProvider(ring))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("key provider was already set to LocalKeyring[active=k1, keys=[k1]]");
        assertThat(EncryptionConfig.builder().build().keyProvider()).isEmpty();
    }

    @Test
    void dataKey_copiesItsBytes_andChecksThem() {
        byte[] plain = new byte[32];
        KeyProvider.DataKey key = new KeyProvider.DataKey("k", plain, new byte[] {1});
        plain[0] = 9;
        assertThat(key.plaintext()[0]).isZero();
        key.plaintext()[1] = 9;
        assertThat(key.plaintext()[1]).isZero();
        assertThatThrownBy(() -> new KeyProvider.DataKey("k", new byte[31], new byte[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data key of key 'k' must have 32 bytes (AES-256), got 31");
        assertThatThrownBy(() -> new KeyProvider.DataKey("k", new byte[32], new byte[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("wrapped data key of key 'k' must have 1 to 4096 bytes, got 0");
    }
}
