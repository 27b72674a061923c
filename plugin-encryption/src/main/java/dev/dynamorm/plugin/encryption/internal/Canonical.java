package dev.dynamorm.plugin.encryption.internal;

import dev.dynamorm.plugin.encryption.internal.crypto.Aead;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The canonical binary form of an {@link AttributeValue}: the plaintext of an envelope, and the key
 * values bound into its associated data. One tag byte, then the body:
 *
 * <pre>
 * 0x01 S    u32 length, UTF-8 bytes
 * 0x02 N    u32 length, the number's text as given (ASCII)
 * 0x03 B    u32 length, bytes
 * 0x04 SS   u32 count, members as u32 length + UTF-8, sorted by their bytes (unsigned)
 * 0x05 NS   u32 count, members as u32 length + text, sorted likewise
 * 0x06 BS   u32 count, members as u32 length + bytes, sorted likewise
 * 0x07 M    u32 count, entries sorted by the key's UTF-8 bytes: u32 length + key, then the value
 * 0x08 L    u32 count, the values in order
 * 0x09 BOOL one byte, 0x00 or 0x01
 * 0x0A NULL nothing
 * </pre>
 *
 * All integers are unsigned 32-bit big-endian. Equal values (sets and maps in any order) encode to
 * equal bytes. Decoding is strict: unknown tags, lengths past the end, trailing bytes, invalid
 * UTF-8 and nesting deeper than {@value #MAX_DEPTH} fail.
 */
final class Canonical {

    static final int MAX_DEPTH = 64;

    private static final byte S = 0x01;
    private static final byte N = 0x02;
    private static final byte B = 0x03;
    private static final byte SS = 0x04;
    private static final byte NS = 0x05;
    private static final byte BS = 0x06;
    private static final byte M = 0x07;
    private static final byte L = 0x08;
    private static final byte BOOL = 0x09;
    private static final byte NUL = 0x0A;

    private Canonical() {}

    /** A value that cannot be encoded or decoded. */
    static final class FormatException extends Exception {
        private static final long serialVersionUID = 1L;

        FormatException(String message) {
            super(message);
        }
    }

    // ---- encoding ----

    static byte[] encode(AttributeValue value) {
        Out out = new Out();
        write(out, value, 0);
        return out.toByteArray();
    }

    /** Appends a length-prefixed UTF-8 string (the framing {@link Aead} defines). */
    static void writeString(ByteArrayOutputStream out, String s) {
        Aead.writeString(out, s);
    }

    /** Appends length-prefixed bytes. */
    static void writeBytes(ByteArrayOutputStream out, byte[] bytes) {
        Aead.writeBytes(out, bytes);
    }

    static void writeInt(ByteArrayOutputStream out, int v) {
        Aead.writeInt(out, v);
    }

    /** Appends the canonical encoding of a value. */
    static void writeValue(ByteArrayOutputStream out, AttributeValue value) {
        write(out, value, 0);
    }

    private static final class Out extends ByteArrayOutputStream {
        Out() {
            super(64);
        }
    }

    private static void write(ByteArrayOutputStream out, AttributeValue v, int depth) {
        if (v == null) {
            throw new IllegalArgumentException("null attribute value");
        }
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException(
                    "attribute value nested deeper than " + MAX_DEPTH + " levels");
        }
        switch (v.type()) {
            case S -> {
                out.write(S);
                writeString(out, v.s());
            }
            case N -> {
                out.write(N);
                writeString(out, v.n());
            }
            case B -> {
                out.write(B);
                writeBytes(out, v.b().asByteArrayUnsafe());
            }
            case SS -> {
                out.write(SS);
                writeSorted(
                        out, v.ss().stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList());
            }
            case NS -> {
                out.write(NS);
                writeSorted(
                        out, v.ns().stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList());
            }
            case BS -> {
                out.write(BS);
                writeSorted(out, v.bs().stream().map(SdkBytes::asByteArrayUnsafe).toList());
            }
            case M -> {
                out.write(M);
                List<Map.Entry<byte[], AttributeValue>> entries = new ArrayList<>(v.m().size());
                v.m().forEach(
                                (k, value) ->
                                        entries.add(
                                                Map.entry(
                                                        k.getBytes(StandardCharsets.UTF_8),
                                                        value)));
                entries.sort((a, b) -> Arrays.compareUnsigned(a.getKey(), b.getKey()));
                writeInt(out, entries.size());
                for (Map.Entry<byte[], AttributeValue> e : entries) {
                    writeBytes(out, e.getKey());
                    write(out, e.getValue(), depth + 1);
                }
            }
            case L -> {
                out.write(L);
                writeInt(out, v.l().size());
                for (AttributeValue element : v.l()) {
                    write(out, element, depth + 1);
                }
            }
            case BOOL -> {
                out.write(BOOL);
                out.write(v.bool() ? 1 : 0);
            }
            case NUL -> out.write(NUL);
            default ->
                    throw new IllegalArgumentException(
                            "attribute value of unknown type " + v.type());
        }
    }

    private static void writeSorted(ByteArrayOutputStream out, List<byte[]> members) {
        List<byte[]> sorted = new ArrayList<>(members);
        sorted.sort(Arrays::compareUnsigned);
        writeInt(out, sorted.size());
        for (byte[] m : sorted) {
            writeBytes(out, m);
        }
    }

    /**
     * A number's canonical text, as DynamoDB stores it: the same value always gives the same text
     * ({@code 1.50}, {@code 1.5} and {@code 15E-1} all give {@code 1.5}; {@code 3.0} gives {@code
     * 3}; {@code -0} gives {@code 0}). Text that is not a number is returned unchanged (DynamoDB
     * refuses it before anything is stored).
     */
    static String number(String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return text;
        }
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    /**
     * Whether a key holds a number whose text differs from its {@linkplain #number canonical} form.
     */
    static boolean hasUnnormalisedNumber(List<Map.Entry<String, AttributeValue>> key) {
        for (Map.Entry<String, AttributeValue> e : key) {
            AttributeValue v = e.getValue();
            if (v.type() == AttributeValue.Type.N && !number(v.n()).equals(v.n())) {
                return true;
            }
        }
        return false;
    }

    // ---- decoding ----

    static AttributeValue decode(byte[] bytes) throws FormatException {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        AttributeValue v = read(in, 0);
        if (in.hasRemaining()) {
            throw new FormatException(
                    String.format(Locale.ROOT, "%d bytes after the value", in.remaining()));
        }
        return v;
    }

    private static AttributeValue read(ByteBuffer in, int depth) throws FormatException {
        if (depth > MAX_DEPTH) {
            throw new FormatException("value nested deeper than " + MAX_DEPTH + " levels");
        }
        byte tag = need(in, 1).get();
        switch (tag) {
            case S -> {
                return AttributeValue.createS(readString(in));
            }
            case N -> {
                return AttributeValue.createN(readString(in));
            }
            case B -> {
                return AttributeValue.createB(SdkBytes.fromByteArrayUnsafe(readBytes(in)));
            }
            case SS -> {
                int n = count(in, 4);
                List<String> out = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    out.add(readString(in));
                }
                return AttributeValue.createSs(out);
            }
            case NS -> {
                int n = count(in, 4);
                List<String> out = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    out.add(readString(in));
                }
                return AttributeValue.createNs(out);
            }
            case BS -> {
                int n = count(in, 4);
                List<SdkBytes> out = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    out.add(SdkBytes.fromByteArrayUnsafe(readBytes(in)));
                }
                return AttributeValue.createBs(out);
            }
            case M -> {
                int n = count(in, 5);
                Map<String, AttributeValue> out = new LinkedHashMap<>(n * 2);
                for (int i = 0; i < n; i++) {
                    String key = readString(in);
                    if (out.put(key, read(in, depth + 1)) != null) {
                        throw new FormatException("map key '" + key + "' appears twice");
                    }
                }
                return AttributeValue.createM(out);
            }
            case L -> {
                int n = count(in, 1);
                List<AttributeValue> out = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    out.add(read(in, depth + 1));
                }
                return AttributeValue.createL(out);
            }
            case BOOL -> {
                byte b = need(in, 1).get();
                if (b != 0 && b != 1) {
                    throw new FormatException("boolean byte " + b);
                }
                return AttributeValue.createBool(b == 1);
            }
            case NUL -> {
                return AttributeValue.createNul(true);
            }
            default ->
                    throw new FormatException(
                            String.format(Locale.ROOT, "unknown type tag 0x%02x", tag));
        }
    }

    private static ByteBuffer need(ByteBuffer in, int n) throws FormatException {
        if (in.remaining() < n) {
            throw new FormatException(
                    String.format(
                            Locale.ROOT, "truncated: %d bytes needed, %d left", n, in.remaining()));
        }
        return in;
    }

    /** A count, checked against the bytes left (each element takes at least {@code minBytes}). */
    private static int count(ByteBuffer in, int minBytes) throws FormatException {
        int n = need(in, 4).getInt();
        if (n < 0 || (long) n * minBytes > in.remaining()) {
            throw new FormatException(
                    String.format(
                            Locale.ROOT,
                            "count %d exceeds the %d bytes left",
                            Integer.toUnsignedLong(n),
                            in.remaining()));
        }
        return n;
    }

    private static byte[] readBytes(ByteBuffer in) throws FormatException {
        int n = need(in, 4).getInt();
        if (n < 0 || n > in.remaining()) {
            throw new FormatException(
                    String.format(
                            Locale.ROOT,
                            "length %d exceeds the %d bytes left",
                            Integer.toUnsignedLong(n),
                            in.remaining()));
        }
        byte[] out = new byte[n];
        in.get(out);
        return out;
    }

    private static String readString(ByteBuffer in) throws FormatException {
        byte[] bytes = readBytes(in);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new FormatException("invalid UTF-8 text");
        }
    }
}
