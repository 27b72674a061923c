package dev.dynamorm.plugin.encryption.internal;

import dev.dynamorm.plugin.encryption.internal.crypto.Aead;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The stored form of one encrypted value (format version 1), held in a binary (B) attribute:
 *
 * <pre>
 * offset     bytes  field
 * 0          1      format version: 0x01
 * 1          2      key id length n (unsigned, big-endian), 1..2048
 * 3          n      key id (UTF-8)
 * 3+n        2      encrypted data key length m (unsigned, big-endian), 1..4096
 * 5+n        m      encrypted data key (as the key provider wrapped it)
 * 5+n+m      12     nonce (random, fresh for every value)
 * 17+n+m     c+16   AES-256-GCM ciphertext of the canonical value ({@link Canonical}), then the tag
 * </pre>
 *
 * The header is every byte before the ciphertext. The associated data of the ciphertext is {@link
 * #associatedData}: the table name, the item's primary key, the attribute name and the header, so
 * an envelope decrypts only in the attribute, item and table it was written for. {@link
 * #toString()} never shows the ciphertext.
 */
final class Envelope {

    static final byte VERSION = 1;
    static final String AAD_LABEL = "dynamorm:encryption:v1";

    private final byte[] bytes;
    private final String keyId;
    private final int keyOffset;
    private final int keyLength;
    private final int nonceOffset;
    private final int ciphertextOffset;

    private Envelope(byte[] bytes, String keyId, int keyOffset, int keyLength, int nonceOffset) {
        this.bytes = bytes;
        this.keyId = keyId;
        this.keyOffset = keyOffset;
        this.keyLength = keyLength;
        this.nonceOffset = nonceOffset;
        this.ciphertextOffset = nonceOffset + Aead.NONCE_BYTES;
    }

    /** An envelope that cannot be parsed. */
    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message);
        }
    }

    /** The header of a new envelope: version, key id, encrypted data key, nonce. */
    static byte[] header(String keyId, byte[] encryptedKey, byte[] nonce) {
        byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out =
                new ByteArrayOutputStream(5 + id.length + encryptedKey.length + nonce.length);
        out.write(VERSION);
        out.write(id.length >>> 8);
        out.write(id.length);
        out.write(id, 0, id.length);
        out.write(encryptedKey.length >>> 8);
        out.write(encryptedKey.length);
        out.write(encryptedKey, 0, encryptedKey.length);
        out.write(nonce, 0, nonce.length);
        return out.toByteArray();
    }

    /** Encrypts a value under a data key into envelope bytes. */
    static byte[] seal(
            byte[] dataKey,
            String keyId,
            byte[] encryptedKey,
            String table,
            List<Map.Entry<String, AttributeValue>> key,
            String attribute,
            AttributeValue value) {
        byte[] nonce = Aead.random(Aead.NONCE_BYTES);
        byte[] header = header(keyId, encryptedKey, nonce);
        byte[] plaintext = Canonical.encode(value);
        byte[] ciphertext;
        try {
            ciphertext =
                    Aead.seal(
                            dataKey,
                            nonce,
                            plaintext,
                            associatedData(table, key, attribute, header));
        } finally {
            Aead.wipe(plaintext);
        }
        byte[] out = Arrays.copyOf(header, header.length + ciphertext.length);
        System.arraycopy(ciphertext, 0, out, header.length, ciphertext.length);
        return out;
    }

    /**
     * Decrypts this envelope with its unwrapped data key.
     *
     * @throws AEADBadTagException when the envelope or what it is bound to differ
     * @throws Canonical.FormatException when the authentic plaintext is not a canonical value
     */
    AttributeValue open(
            byte[] dataKey,
            String table,
            List<Map.Entry<String, AttributeValue>> key,
            String attribute)
            throws AEADBadTagException, Canonical.FormatException {
        byte[] ciphertext = Arrays.copyOfRange(bytes, ciphertextOffset, bytes.length);
        byte[] plaintext;
        try {
            plaintext =
                    Aead.open(
                            dataKey,
                            nonce(),
                            ciphertext,
                            associatedData(table, key, attribute, header()));
        } catch (AEADBadTagException e) {
            if (!Canonical.hasUnnormalisedNumber(key)) {
                throw e;
            }
            // written by an earlier version, which bound the number's text as given; only a
            // backend that keeps that text (none that normalises like DynamoDB) can hold these
            plaintext =
                    Aead.open(
                            dataKey,
                            nonce(),
                            ciphertext,
                            associatedData(table, key, attribute, header(), true));
        }
        try {
            return Canonical.decode(plaintext);
        } finally {
            Aead.wipe(plaintext);
        }
    }

    /**
     * The associated data binding a ciphertext to its place: a label, the table name, the primary
     * key attributes (partition key first) with their canonical values (a number in its normalised
     * form, see {@link Canonical#number}), the attribute name, and the envelope header; strings and
     * byte strings are 32-bit length-prefixed.
     */
    static byte[] associatedData(
            String table,
            List<Map.Entry<String, AttributeValue>> key,
            String attribute,
            byte[] header) {
        return associatedData(table, key, attribute, header, false);
    }

    /**
     * The associated data, with key numbers bound as their text ({@code asWritten}, the binding of
     * envelopes written before numbers were normalised) or as their canonical form.
     */
    static byte[] associatedData(
            String table,
            List<Map.Entry<String, AttributeValue>> key,
            String attribute,
            byte[] header,
            boolean asWritten) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 + header.length);
        Canonical.writeString(out, AAD_LABEL);
        Canonical.writeString(out, table);
        Canonical.writeInt(out, key.size());
        for (Map.Entry<String, AttributeValue> e : key) {
            Canonical.writeString(out, e.getKey());
            AttributeValue v = e.getValue();
            // DynamoDB stores a key number in its normalised form (1.50 reads back as 1.5), so
            // the binding uses the number's value, never the text it was written with
            Canonical.writeValue(
                    out,
                    v.type() == AttributeValue.Type.N && !asWritten
                            ? AttributeValue.fromN(Canonical.number(v.n()))
                            : v);
        }
        Canonical.writeString(out, attribute);
        Canonical.writeBytes(out, header);
        return out.toByteArray();
    }

    /** Parses envelope bytes, checking the version and every length. */
    static Envelope parse(byte[] bytes) throws MalformedException {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (bytes.length < 1 || bytes[0] != VERSION) {
            throw new MalformedException(
                    bytes.length == 0
                            ? "it is empty"
                            : String.format(
                                    Locale.ROOT,
                                    "its format version is %d; this plugin reads version %d",
                                    bytes[0] & 0xff,
                                    VERSION));
        }
        in.get();
        int idLength = unsignedShort(in, "key id length");
        if (idLength == 0
                || idLength > dev.dynamorm.plugin.encryption.KeyProvider.DataKey.MAX_KEY_ID_BYTES
                || in.remaining() < idLength) {
            throw new MalformedException(
                    String.format(Locale.ROOT, "its key id length %d does not fit", idLength));
        }
        byte[] id = new byte[idLength];
        in.get(id);
        String keyId;
        try {
            keyId =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(id))
                            .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedException("its key id is not UTF-8");
        }
        int keyLength = unsignedShort(in, "encrypted data key length");
        if (keyLength == 0
                || keyLength
                        > dev.dynamorm.plugin.encryption.KeyProvider.DataKey.MAX_ENCRYPTED_KEY_BYTES
                || in.remaining() < keyLength) {
            throw new MalformedException(
                    String.format(
                            Locale.ROOT,
                            "its encrypted data key length %d does not fit",
                            keyLength));
        }
        int keyOffset = in.position();
        in.position(keyOffset + keyLength);
        if (in.remaining() < Aead.NONCE_BYTES + Aead.TAG_BYTES) {
            throw new MalformedException(
                    String.format(
                            Locale.ROOT,
                            "it is truncated: %d bytes after the encrypted data key, at least %d needed",
                            in.remaining(),
                            Aead.NONCE_BYTES + Aead.TAG_BYTES));
        }
        return new Envelope(bytes, keyId, keyOffset, keyLength, in.position());
    }

    private static int unsignedShort(ByteBuffer in, String what) throws MalformedException {
        if (in.remaining() < 2) {
            throw new MalformedException("it is truncated in the " + what);
        }
        return in.getShort() & 0xffff;
    }

    String keyId() {
        return keyId;
    }

    byte[] encryptedKey() {
        return Arrays.copyOfRange(bytes, keyOffset, keyOffset + keyLength);
    }

    byte[] nonce() {
        return Arrays.copyOfRange(bytes, nonceOffset, ciphertextOffset);
    }

    byte[] header() {
        return Arrays.copyOfRange(bytes, 0, ciphertextOffset);
    }

    /** Bytes of ciphertext and tag. */
    int ciphertextLength() {
        return bytes.length - ciphertextOffset;
    }

    /** The format version, key id and lengths; never the nonce or ciphertext. */
    @Override
    public String toString() {
        return "Envelope[v"
                + VERSION
                + ", keyId="
                + keyId
                + ", encryptedKey="
                + keyLength
                + " bytes, ciphertext=<"
                + ciphertextLength()
                + " bytes redacted>]";
    }
}
