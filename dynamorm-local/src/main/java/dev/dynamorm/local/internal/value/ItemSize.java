package dev.dynamorm.local.internal.value;

import java.math.BigDecimal;
import java.util.Map;

/** Approximates DynamoDB's item size accounting (names plus values, in bytes). */
public final class ItemSize {
    public static final int MAX_ITEM_BYTES = 400 * 1024;

    private ItemSize() {}

    public static long of(Map<String, Value> item) {
        return item instanceof StoredItem stored ? stored.bytes() : computeOf(item);
    }

    static long computeOf(Map<String, Value> item) {
        long total = 0;
        for (Map.Entry<String, Value> e : item.entrySet()) {
            total += utf8(e.getKey()) + of(e.getValue());
        }
        return total;
    }

    public static long of(Value v) {
        if (v instanceof Value.S s) {
            return utf8(s.v());
        } else if (v instanceof Value.N n) {
            return number(n.v());
        } else if (v instanceof Value.B b) {
            return b.v().length();
        } else if (v instanceof Value.Bool || v instanceof Value.Null) {
            return 1;
        } else if (v instanceof Value.SS ss) {
            return ss.v().stream().mapToLong(ItemSize::utf8).sum();
        } else if (v instanceof Value.NS ns) {
            return ns.v().stream().mapToLong(ItemSize::number).sum();
        } else if (v instanceof Value.BS bs) {
            return bs.v().stream().mapToLong(Bytes::length).sum();
        } else if (v instanceof Value.L l) {
            long total = 3;
            for (Value e : l.v()) {
                total += 1 + of(e);
            }
            return total;
        } else if (v instanceof Value.M m) {
            long total = 3;
            for (Map.Entry<String, Value> e : m.v().entrySet()) {
                total += 1 + utf8(e.getKey()) + of(e.getValue());
            }
            return total;
        }
        throw new IllegalArgumentException(String.valueOf(v));
    }

    /** UTF-8 length without encoding (no allocation). */
    static long utf8(String s) {
        long n = 0;
        int len = s.length();
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < len
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private static long number(BigDecimal d) {
        return (d.precision() + 1L) / 2 + 1;
    }
}
