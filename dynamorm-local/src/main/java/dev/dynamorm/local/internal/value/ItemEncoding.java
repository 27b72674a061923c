package dev.dynamorm.local.internal.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compact binary form of a stored item: one byte array instead of an object graph (a map, a
 * value object, a string and its array per attribute), decoded on read.
 *
 * <p>An item is a sequence of attributes, each its name, the length of its value and the value, so
 * that a lookup by name skips the values it passes. A value is a tag byte and its content: strings
 * as Latin-1 bytes when every char fits (else UTF-16), numbers as unscaled value and scale, sets,
 * lists and maps as a count and their members. Lengths and counts are unsigned varints. The form
 * lives only in memory; the log and snapshots keep their own format.
 */
final class ItemEncoding {
    private static final byte S_LATIN1 = 1;
    private static final byte S_PLAIN = 2;
    private static final byte N = 4;
    private static final byte B = 6;
    private static final byte TRUE = 7;
    private static final byte FALSE = 8;
    private static final byte NULL = 9;
    private static final byte SS = 10;
    private static final byte NS = 11;
    private static final byte BS = 12;
    private static final byte L = 13;
    private static final byte M = 14;

    private static final Value.Bool TRUE_VALUE = new Value.Bool(true);
    private static final Value.Bool FALSE_VALUE = new Value.Bool(false);
    private static final Value.Null NULL_VALUE = new Value.Null();

    /** Recently decoded attribute names, so that reading items does not copy the same names. */
    private static final String[] NAMES = new String[1024];

    private ItemEncoding() {}

    /** A growable byte buffer; the encoder's only state. */
    private static final class Out {
        byte[] buf = new byte[256];
        int len;

        void ensure(int more) {
            if (len + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
            }
        }

        void put(byte b) {
            ensure(1);
            buf[len++] = b;
        }

        void varint(long v) {
            ensure(10);
            while ((v & ~0x7FL) != 0) {
                buf[len++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[len++] = (byte) v;
        }

        void bytes(byte[] b) {
            varint(b.length);
            ensure(b.length);
            System.arraycopy(b, 0, buf, len, b.length);
            len += b.length;
        }
    }

    static byte[] encode(Map<String, Value> item) {
        Out out = new Out();
        for (Map.Entry<String, Value> e : item.entrySet()) {
            string(out, e.getKey());
            // the value's length, so that a lookup can skip it; reserve one byte, widen if needed
            int lengthAt = out.len;
            out.put((byte) 0);
            value(out, e.getValue());
            int valueLength = out.len - lengthAt - 1;
            if (valueLength < 0x80) {
                out.buf[lengthAt] = (byte) valueLength;
            } else {
                int width = varintWidth(valueLength);
                out.ensure(width - 1);
                System.arraycopy(out.buf, lengthAt + 1, out.buf, lengthAt + width, valueLength);
                out.len = lengthAt;
                out.varint(valueLength);
                out.len += valueLength;
            }
        }
        return Arrays.copyOf(out.buf, out.len);
    }

    private static int varintWidth(long v) {
        int n = 1;
        while ((v & ~0x7FL) != 0) {
            v >>>= 7;
            n++;
        }
        return n;
    }

    /** Writes a name or string: a tag-less kind flag in the length's low bit, then the chars. */
    private static void string(Out out, String s) {
        if (latin1(s)) {
            out.varint((long) s.length() << 1);
            out.ensure(s.length());
            for (int i = 0, n = s.length(); i < n; i++) {
                out.buf[out.len++] = (byte) s.charAt(i);
            }
        } else {
            out.varint(((long) s.length() << 1) | 1);
            out.ensure(s.length() * 2);
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                out.buf[out.len++] = (byte) (c >>> 8);
                out.buf[out.len++] = (byte) c;
            }
        }
    }

    private static boolean latin1(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }

    private static void value(Out out, Value v) {
        if (v instanceof Value.S s) {
            out.put(s.plain() ? S_PLAIN : S_LATIN1);
            string(out, s.v());
        } else if (v instanceof Value.N n) {
            out.put(N);
            number(out, n.v());
        } else if (v instanceof Value.B b) {
            out.put(B);
            out.bytes(b.v().raw());
        } else if (v instanceof Value.Bool b) {
            out.put(b.v() ? TRUE : FALSE);
        } else if (v instanceof Value.Null) {
            out.put(NULL);
        } else if (v instanceof Value.SS ss) {
            out.put(SS);
            out.varint(ss.v().size());
            ss.v().forEach(e -> string(out, e));
        } else if (v instanceof Value.NS ns) {
            out.put(NS);
            out.varint(ns.v().size());
            ns.v().forEach(e -> number(out, e));
        } else if (v instanceof Value.BS bs) {
            out.put(BS);
            out.varint(bs.v().size());
            bs.v().forEach(e -> out.bytes(e.raw()));
        } else if (v instanceof Value.L l) {
            out.put(L);
            out.varint(l.v().size());
            l.v().forEach(e -> value(out, e));
        } else if (v instanceof Value.M m) {
            out.put(M);
            out.varint(m.v().size());
            m.v().forEach(
                            (k, e) -> {
                                string(out, k);
                                value(out, e);
                            });
        } else {
            throw new IllegalArgumentException(String.valueOf(v));
        }
    }

    /** A number as zigzag scale, then a kind bit with either a zigzag long or two's complement. */
    private static void number(Out out, BigDecimal d) {
        out.varint(zigzag(d.scale()));
        BigInteger unscaled = d.unscaledValue();
        if (unscaled.bitLength() < 63) {
            out.varint(zigzag(unscaled.longValue()) << 1);
        } else {
            byte[] b = unscaled.toByteArray();
            out.varint(((long) b.length << 1) | 1);
            out.ensure(b.length);
            System.arraycopy(b, 0, out.buf, out.len, b.length);
            out.len += b.length;
        }
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    /** A read position over an encoded item. */
    static final class In {
        final byte[] buf;
        int at;

        In(byte[] buf, int at) {
            this.buf = buf;
            this.at = at;
        }

        long varint() {
            long v = 0;
            int shift = 0;
            while (true) {
                byte b = buf[at++];
                v |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return v;
                }
                shift += 7;
            }
        }

        int count() {
            return (int) varint();
        }

        /** Whether the name at the position is {@code key}; moves past the name. */
        boolean nameEquals(String key) {
            long header = varint();
            int n = (int) (header >>> 1);
            int start = at;
            boolean utf16 = (header & 1) != 0;
            at += utf16 ? n * 2 : n;
            if (n != key.length()) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                char c =
                        utf16
                                ? (char)
                                        (((buf[start + 2 * i] & 0xFF) << 8)
                                                | (buf[start + 2 * i + 1] & 0xFF))
                                : (char) (buf[start + i] & 0xFF);
                if (c != key.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        /** Reads an attribute name, reusing a recently decoded equal one. */
        String name() {
            int start = at;
            long header = varint();
            int n = (int) (header >>> 1);
            if ((header & 1) != 0 || n > 64) {
                at = start;
                return string();
            }
            int hash = 1;
            for (int i = 0; i < n; i++) {
                hash = 31 * hash + buf[at + i];
            }
            int slot = hash & (NAMES.length - 1);
            String cached = NAMES[slot];
            at = start;
            if (cached != null && nameEquals(cached)) {
                return cached;
            }
            at = start;
            String s = string();
            NAMES[slot] = s;
            return s;
        }

        String string() {
            long header = varint();
            int n = (int) (header >>> 1);
            String s;
            if ((header & 1) == 0) {
                s = new String(buf, at, n, StandardCharsets.ISO_8859_1);
                at += n;
            } else {
                char[] chars = new char[n];
                for (int i = 0; i < n; i++) {
                    chars[i] = (char) (((buf[at] & 0xFF) << 8) | (buf[at + 1] & 0xFF));
                    at += 2;
                }
                s = new String(chars);
            }
            return s;
        }

        /**
         * If the value at the position is a plain string, its bytes' {offset, length} (the position
         * is then unchanged past the tag); otherwise null with the position unchanged.
         */
        int[] plainString() {
            if (buf[at] != S_PLAIN) {
                return null;
            }
            int start = at;
            at++;
            long header = varint();
            if ((header & 1) != 0) {
                at = start;
                return null;
            }
            int[] slice = {at, (int) (header >>> 1)};
            at = start;
            return slice;
        }

        /** Skips an attribute's value; the position is just past the attribute's name. */
        void skipValue() {
            int n = count();
            at += n;
        }

        /** Reads an attribute's value; the position is just past the attribute's name. */
        Value attributeValue() {
            varint();
            return value();
        }

        Value value() {
            byte tag = buf[at++];
            return switch (tag) {
                case S_LATIN1 -> new Value.S(string(), false);
                case S_PLAIN -> new Value.S(string(), true);
                case N -> new Value.N(number());
                case B -> new Value.B(Bytes.wrap(bytes()));
                case TRUE -> TRUE_VALUE;
                case FALSE -> FALSE_VALUE;
                case NULL -> NULL_VALUE;
                case SS -> {
                    int n = count();
                    Set<String> set = new LinkedHashSet<>();
                    for (int i = 0; i < n; i++) {
                        set.add(string());
                    }
                    yield new Value.SS(set);
                }
                case NS -> {
                    int n = count();
                    Set<BigDecimal> set = new LinkedHashSet<>();
                    for (int i = 0; i < n; i++) {
                        set.add(number());
                    }
                    yield new Value.NS(set);
                }
                case BS -> {
                    int n = count();
                    Set<Bytes> set = new LinkedHashSet<>();
                    for (int i = 0; i < n; i++) {
                        set.add(Bytes.wrap(bytes()));
                    }
                    yield new Value.BS(set);
                }
                case L -> {
                    int n = count();
                    List<Value> list = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        list.add(value());
                    }
                    yield new Value.L(list);
                }
                case M -> {
                    int n = count();
                    Map<String, Value> map = new LinkedHashMap<>();
                    for (int i = 0; i < n; i++) {
                        String k = string();
                        map.put(k, value());
                    }
                    yield new Value.M(map);
                }
                default -> throw new IllegalStateException("corrupt stored item: tag " + tag);
            };
        }

        private byte[] bytes() {
            int n = count();
            byte[] b = Arrays.copyOfRange(buf, at, at + n);
            at += n;
            return b;
        }

        private BigDecimal number() {
            int scale = (int) unzigzag(varint());
            long header = varint();
            if ((header & 1) == 0) {
                return BigDecimal.valueOf(unzigzag(header >>> 1), scale);
            }
            int n = (int) (header >>> 1);
            BigInteger unscaled = new BigInteger(buf, at, n);
            at += n;
            return new BigDecimal(unscaled, scale);
        }
    }
}
