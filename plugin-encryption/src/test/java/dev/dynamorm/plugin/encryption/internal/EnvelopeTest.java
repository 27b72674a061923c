package dev.dynamorm.plugin.encryption.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.plugin.encryption.internal.crypto.Aead;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The envelope layout, byte by byte, as the README documents it. */
final class EnvelopeTest {

    private static final byte[] DATA_KEY = Aead.random(32);
    private static final byte[] WRAPPED = Aead.random(60);
    private static final List<Map.Entry<String, AttributeValue>> KEY =
            List.of(
                    Map.entry("pk", AttributeValue.fromS("a")),
                    Map.entry("sk", AttributeValue.fromN("1")));

    @Test
    void layout_isVersionKeyIdWrappedKeyNonceCiphertext() throws Exception {
        AttributeValue value = AttributeValue.fromS("secret");
        byte[] bytes = Envelope.seal(DATA_KEY, "key-1", WRAPPED, "orders", KEY, "pin", value);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        assertThat(in.get()).isEqualTo((byte) 1);
        assertThat(in.getShort()).isEqualTo((short) 5);
        byte[] id = new byte[5];
        in.get(id);
        assertThat(new String(id, StandardCharsets.UTF_8)).isEqualTo("key-1");
        assertThat(in.getShort()).isEqualTo((short) 60);
        byte[] wrapped = new byte[60];
        in.get(wrapped);
        assertThat(wrapped).isEqualTo(WRAPPED);
        byte[] nonce = new byte[12];
        in.get(nonce);
        assertThat(in.remaining()).isEqualTo(Canonical.encode(value).length + 16);
        assertThat(bytes.length).isEqualTo(1 + 2 + 5 + 2 + 60 + 12 + (1 + 4 + 6) + 16);

        Envelope e = Envelope.parse(bytes);
        assertThat(e.keyId()).isEqualTo("key-1");
        assertThat(e.encryptedKey()).isEqualTo(WRAPPED);
        assertThat(e.nonce()).isEqualTo(nonce);
        assertThat(e.header()).isEqualTo(Arrays.copyOf(bytes, 1 + 2 + 5 + 2 + 60 + 12));
        assertThat(e.open(DATA_KEY, "orders", KEY, "pin")).isEqualTo(value);
    }

    @Test
    void everyValue_getsAFreshNonce() throws Exception {
        byte[] a =
                Envelope.seal(
                        DATA_KEY, "k", WRAPPED, "t", KEY, "pin", AttributeValue.fromS("same"));
        byte[] b =
                Envelope.seal(
                        DATA_KEY, "k", WRAPPED, "t", KEY, "pin", AttributeValue.fromS("same"));
        assertThat(Envelope.parse(a).nonce()).isNotEqualTo(Envelope.parse(b).nonce());
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void associatedData_bindsTableKeyAttributeAndHeader() throws Exception {
        Envelope e =
                Envelope.parse(
                        Envelope.seal(
                                DATA_KEY,
                                "k",
                                WRAPPED,
                                "t",
                                KEY,
                                "pin",
                                AttributeValue.fromS("x")));
        assertThatThrownBy(() -> e.open(DATA_KEY, "t2", KEY, "pin"))
                .isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> e.open(DATA_KEY, "t", KEY, "other"))
                .isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> e.open(DATA_KEY, "t", List.of(KEY.get(0)), "pin"))
                .isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(
                        () ->
                                e.open(
                                        DATA_KEY,
                                        "t",
                                        List.of(
                                                KEY.get(0),
                                                Map.entry("sk", AttributeValue.fromS("1"))),
                                        "pin"))
                .isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> e.open(Aead.random(32), "t", KEY, "pin"))
                .isInstanceOf(AEADBadTagException.class);
        byte[] header = Envelope.header("k", WRAPPED, new byte[12]);
        assertThat(Envelope.associatedData("t", KEY, "pin", header))
                .startsWith(
                        0, 0, 0, 22, 'd', 'y', 'n', 'a', 'm', 'o', 'r', 'm', ':', 'e', 'n', 'c',
                        'r', 'y', 'p', 't', 'i', 'o', 'n', ':', 'v', '1', 0, 0, 0, 1, 't', 0, 0, 0,
                        2, 0, 0, 0, 2, 'p', 'k', 1, 0, 0, 0, 1, 'a');
    }

    @Test
    void parse_rejectsWhatIsNotAnEnvelope() {
        assertThatThrownBy(() -> Envelope.parse(new byte[0]))
                .isInstanceOf(Envelope.MalformedException.class)
                .hasMessage("it is empty");
        assertThatThrownBy(() -> Envelope.parse(new byte[] {2, 0}))
                .isInstanceOf(Envelope.MalformedException.class)
                .hasMessage("its format version is 2; this plugin reads version 1");
        assertThatThrownBy(() -> Envelope.parse(new byte[] {1, 0, 0}))
                .isInstanceOf(Envelope.MalformedException.class)
                .hasMessage("its key id length 0 does not fit");
        assertThatThrownBy(() -> Envelope.parse(new byte[] {1, 0, 1, 'k', 0, 1, 9}))
                .isInstanceOf(Envelope.MalformedException.class)
                .hasMessage(
                        "it is truncated: 0 bytes after the encrypted data key, at least 28 needed");
        assertThatThrownBy(() -> Envelope.parse(new byte[] {1, 0, 1, (byte) 0xff}))
                .isInstanceOf(Envelope.MalformedException.class)
                .hasMessage("its key id is not UTF-8");
    }

    @Test
    void toString_redactsTheNonceAndCiphertext() throws Exception {
        byte[] bytes =
                Envelope.seal(
                        DATA_KEY,
                        "k1",
                        WRAPPED,
                        "t",
                        KEY,
                        "pin",
                        AttributeValue.fromS("top secret"));
        assertThat(Envelope.parse(bytes).toString())
                .isEqualTo(
                        "Envelope[v1, keyId=k1, encryptedKey=60 bytes, ciphertext=<31 bytes redacted>]");
    }
}
