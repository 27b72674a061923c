package dev.dynamorm.engine.internal.query;

import dev.dynamorm.InvalidCursorException;
import dev.dynamorm.Operation;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Encodes and checks pagination cursors.
 *
 * <p>A cursor is the URL-safe Base64 (RFC 4648 section 5, no padding) of, in version 1:
 *
 * <pre>
 * byte     version        1
 * byte     flags          bit 0: descending order
 * 8 bytes  query id       the first 8 bytes of the query fingerprint (below)
 * u16+utf8 index name     empty for the table
 * byte     n              number of key attributes
 * n times  u16+utf8 name, byte type ('S', 'N' or 'B'), u32+bytes value (UTF-8 text for S and N)
 * 16 bytes check          HMAC-SHA256 over every byte before it, keyed by the full fingerprint, truncated
 * </pre>
 *
 * (u16 and u32 are big-endian lengths.) The <em>fingerprint</em> is the SHA-256 of the model class,
 * the table name, the query shape (fields, operators, groups, projection, order, read mode, index
 * override), the chosen index and direction, and every bound value. So a cursor only continues the
 * query that made it: another model, table, index, direction, condition or value gives another
 * fingerprint, and any altered byte fails the check; both raise {@link InvalidCursorException}
 * before anything is sent. The check detects mistakes and tampering, but it is keyed by the query
 * itself, not by a secret: anyone who knows the query can make a valid cursor, and the key values
 * in a cursor are readable. A forged cursor can only move the start of the same query, whose key
 * condition and filter still apply.
 */
final class CursorCodec {

    static final byte VERSION = 1;
    private static final int ID_BYTES = 8;
    private static final int CHECK_BYTES = 16;

    private CursorCodec() {}

    /** The fingerprint of a bound query. */
    static byte[] fingerprint(
            Class<?> model,
            String tableName,
            String shape,
            String index,
            boolean descending,
            Map<String, AttributeValue> values) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
        StringBuilder canonical =
                new StringBuilder(256)
                        .append("dynamorm-cursor-v1\n")
                        .append(model.getName())
                        .append('\n')
                        .append(tableName)
                        .append('\n')
                        .append(shape)
                        .append('\n')
                        .append(index == null ? "" : index)
                        .append('\n')
                        .append(descending ? "DESC" : "ASC")
                        .append('\n');
        if (values != null) {
            for (Map.Entry<String, AttributeValue> e : values.entrySet()) {
                canonical.append(e.getKey()).append('=');
                canonical(e.getValue(), canonical);
                canonical.append('\n');
            }
        }
        return sha.digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void canonical(AttributeValue v, StringBuilder out) {
        switch (v.type()) {
            case S -> text("S", v.s(), out);
            case N -> text("N", v.n(), out);
            case B -> text("B", Base64.getEncoder().encodeToString(v.b().asByteArrayUnsafe()), out);
            case BOOL -> out.append("BOOL:").append(v.bool());
            case NUL -> out.append("NULL");
            case SS -> v.ss().stream().sorted().forEach(s -> text("SS", s, out));
            case NS -> v.ns().stream().sorted().forEach(s -> text("NS", s, out));
            case BS ->
                    v.bs().stream()
                            .map(b -> Base64.getEncoder().encodeToString(b.asByteArrayUnsafe()))
                            .sorted()
                            .forEach(s -> text("BS", s, out));
            case L -> {
                out.append("L[");
                v.l().forEach(
                                e -> {
                                    canonical(e, out);
                                    out.append(',');
                                });
                out.append(']');
            }
            case M -> {
                out.append("M{");
                new TreeMap<>(v.m())
                        .forEach(
                                (k, e) -> {
                                    text("K", k, out);
                                    canonical(e, out);
                                    out.append(',');
                                });
                out.append('}');
            }
            default -> out.append("?");
        }
    }

    private static void text(String tag, String s, StringBuilder out) {
        out.append(tag).append(s.length()).append(':').append(s);
    }

    /** Encodes a cursor. */
    static String encode(
            byte[] fingerprint,
            String index,
            boolean descending,
            List<String> keyAttributes,
            Map<String, AttributeValue> item) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        out.write(VERSION);
        out.write(descending ? 1 : 0);
        out.write(fingerprint, 0, ID_BYTES);
        writeText(out, index == null ? "" : index, 2);
        out.write(keyAttributes.size());
        for (String name : keyAttributes) {
            AttributeValue v = item.get(name);
            if (v == null) {
                throw new IllegalStateException(
                        "item lacks key attribute " + name + " for a cursor");
            }
            writeText(out, name, 2);
            if (v.s() != null) {
                out.write('S');
                writeBytes(out, v.s().getBytes(StandardCharsets.UTF_8), 4);
            } else if (v.n() != null) {
                out.write('N');
                writeBytes(out, v.n().getBytes(StandardCharsets.UTF_8), 4);
            } else if (v.b() != null) {
                out.write('B');
                writeBytes(out, v.b().asByteArray(), 4);
            } else {
                throw new IllegalStateException("key attribute " + name + " is not S, N or B");
            }
        }
        byte[] body = out.toByteArray();
        byte[] check = check(fingerprint, body);
        byte[] all = Arrays.copyOf(body, body.length + CHECK_BYTES);
        System.arraycopy(check, 0, all, body.length, CHECK_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(all);
    }

    /**
     * Decodes a cursor for a bound query, checking that it was made by this query.
     *
     * @return the exclusive start key
     * @throws InvalidCursorException when the cursor does not fit
     */
    static Map<String, AttributeValue> decode(
            String cursor,
            byte[] fingerprint,
            String index,
            boolean descending,
            List<String> keyAttributes,
            Class<?> model,
            Operation op) {
        byte[] all;
        try {
            all = Base64.getUrlDecoder().decode(cursor.trim());
        } catch (IllegalArgumentException e) {
            throw invalid(model, op, "is not a DynamORM cursor (not URL-safe Base64)");
        }
        if (all.length < 2 + ID_BYTES + 2 + 1 + CHECK_BYTES) {
            throw invalid(model, op, "is not a DynamORM cursor (too short)");
        }
        if (all[0] == CursorSeal.VERSION) {
            throw invalid(
                    model,
                    op,
                    "is encrypted: continue it with an instance built with the same"
                            + " cursorKey(..)");
        }
        if (all[0] != VERSION) {
            throw invalid(
                    model,
                    op,
                    String.format(
                            Locale.ROOT,
                            "has format version %d; this version of DynamORM "
                                    + "reads version %d: start the query again without after(..)",
                            all[0] & 0xff,
                            VERSION));
        }
        ByteBuffer in = ByteBuffer.wrap(all, 0, all.length - CHECK_BYTES);
        try {
            boolean cursorDescending = (in.get(1) & 1) != 0;
            in.position(2 + ID_BYTES);
            String cursorIndex = readText(in, 2);
            String expectedIndex = index == null ? "" : index;
            if (!cursorIndex.equals(expectedIndex)) {
                throw invalid(
                        model,
                        op,
                        String.format(
                                Locale.ROOT,
                                "was made by a query on %s, but this query reads "
                                        + "%s: a cursor only continues the query that returned it",
                                where(cursorIndex),
                                where(expectedIndex)));
            }
            if (cursorDescending != descending) {
                throw invalid(
                        model,
                        op,
                        String.format(
                                Locale.ROOT,
                                "was made by a query in %s order, but this query "
                                        + "reads in %s order: a cursor only continues the query that returned it",
                                cursorDescending ? "DESC" : "ASC",
                                descending ? "DESC" : "ASC"));
            }
            if (!Arrays.equals(all, 2, 2 + ID_BYTES, fingerprint, 0, ID_BYTES)) {
                throw invalid(
                        model,
                        op,
                        "was made by another query (other model, conditions, values, projection or "
                                + "read mode): a cursor only continues the query that returned it");
            }
            byte[] body = Arrays.copyOf(all, all.length - CHECK_BYTES);
            byte[] expected = check(fingerprint, body);
            if (!MessageDigest.isEqual(
                    Arrays.copyOfRange(all, all.length - CHECK_BYTES, all.length),
                    Arrays.copyOf(expected, CHECK_BYTES))) {
                throw invalid(model, op, "was altered (its check does not match)");
            }
            int n = in.get() & 0xff;
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                String name = readText(in, 2);
                int tag = in.get();
                byte[] value = readBytes(in, 4);
                AttributeValue v =
                        switch (tag) {
                            case 'S' ->
                                    AttributeValue.createS(
                                            new String(value, StandardCharsets.UTF_8));
                            case 'N' ->
                                    AttributeValue.createN(
                                            new String(value, StandardCharsets.UTF_8));
                            case 'B' -> AttributeValue.createB(SdkBytes.fromByteArray(value));
                            default -> throw invalid(model, op, "has an unknown key type");
                        };
                key.put(name, v);
            }
            if (in.hasRemaining()
                    || !key.keySet().equals(new java.util.LinkedHashSet<>(keyAttributes))) {
                throw invalid(model, op, "does not carry the key of this query's table or index");
            }
            return key;
        } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
            throw invalid(model, op, "is not a DynamORM cursor (truncated)");
        }
    }

    private static String where(String index) {
        return index.isEmpty() ? "the table" : "index '" + index + "'";
    }

    static InvalidCursorException invalid(Class<?> model, Operation op, String what) {
        return new InvalidCursorException(
                String.format(Locale.ROOT, "cursor for model %s %s", model.getName(), what),
                op,
                model);
    }

    private static byte[] check(byte[] fingerprint, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(fingerprint, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    private static void writeText(ByteArrayOutputStream out, String text, int lengthBytes) {
        writeBytes(out, text.getBytes(StandardCharsets.UTF_8), lengthBytes);
    }

    private static void writeBytes(ByteArrayOutputStream out, byte[] bytes, int lengthBytes) {
        int n = bytes.length;
        if (lengthBytes == 2 && n > 0xffff) {
            throw new IllegalStateException("cursor field longer than 65535 bytes");
        }
        for (int shift = (lengthBytes - 1) * 8; shift >= 0; shift -= 8) {
            out.write((n >>> shift) & 0xff);
        }
        out.write(bytes, 0, n);
    }

    private static String readText(ByteBuffer in, int lengthBytes) {
        return new String(readBytes(in, lengthBytes), StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(ByteBuffer in, int lengthBytes) {
        int n = lengthBytes == 2 ? in.getShort() & 0xffff : in.getInt();
        if (n < 0 || n > in.remaining()) {
            throw new IllegalArgumentException("length out of range");
        }
        byte[] out = new byte[n];
        in.get(out);
        return out;
    }
}
