package dev.dynamorm.engine.internal.write;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Computes an item's size as DynamoDB counts it: UTF-8 bytes of attribute names plus values
 * (numbers about one byte per two digits plus one, containers three bytes plus one per element).
 */
public final class ItemSize {

    /** DynamoDB's maximum item size. */
    public static final int MAX_ITEM_BYTES = 400 * 1024;

    private ItemSize() {}

    public static long of(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            size += utf8Length(e.getKey()) + of(e.getValue());
        }
        return size;
    }

    private static long of(AttributeValue v) {
        return switch (v.type()) {
            case S -> utf8Length(v.s());
            case N -> numberSize(v.n());
            case B -> v.b().asByteBuffer().remaining();
            case BOOL, NUL -> 1;
            case SS -> {
                long s = 0;
                for (String x : v.ss()) {
                    s += utf8Length(x);
                }
                yield s;
            }
            case NS -> {
                long s = 0;
                for (String x : v.ns()) {
                    s += numberSize(x);
                }
                yield s;
            }
            case BS -> {
                long s = 0;
                for (var x : v.bs()) {
                    s += x.asByteBuffer().remaining();
                }
                yield s;
            }
            case L -> {
                List<AttributeValue> l = v.l();
                long s = 3L + l.size();
                for (AttributeValue x : l) {
                    s += of(x);
                }
                yield s;
            }
            case M -> {
                long s = 3L + v.m().size();
                for (Map.Entry<String, AttributeValue> e : v.m().entrySet()) {
                    s += utf8Length(e.getKey()) + of(e.getValue());
                }
                yield s;
            }
            default -> 0;
        };
    }

    private static long numberSize(String n) {
        int digits = 0;
        for (int i = 0; i < n.length(); i++) {
            if (Character.isDigit(n.charAt(i))) {
                digits++;
            }
        }
        return (digits + 1L) / 2 + 1;
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    public static boolean fitsInItem(Map<String, AttributeValue> item) {
        return of(item) <= MAX_ITEM_BYTES;
    }
}
