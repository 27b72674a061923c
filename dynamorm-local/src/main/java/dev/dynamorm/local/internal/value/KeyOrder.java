package dev.dynamorm.local.internal.value;

import java.util.Comparator;

/**
 * DynamoDB ordering of scalar values: strings by unsigned UTF-8 bytes (equivalently by code point),
 * numbers numerically, binary by unsigned bytes, lists (composite multi-attribute keys) element by
 * element. Values of different types order by type name.
 */
public final class KeyOrder implements Comparator<Value> {
    public static final KeyOrder INSTANCE = new KeyOrder();

    private KeyOrder() {}

    @Override
    public int compare(Value a, Value b) {
        if (a == b) {
            return 0;
        }
        if (a instanceof Value.S x && b instanceof Value.S y) {
            return compareCodePoints(x.v(), y.v());
        }
        if (a instanceof Value.N x && b instanceof Value.N y) {
            return x.v().compareTo(y.v());
        }
        if (a instanceof Value.B x && b instanceof Value.B y) {
            return x.v().compareTo(y.v());
        }
        if (a instanceof Value.L x && b instanceof Value.L y) {
            return compareLists(x.v(), y.v());
        }
        return a.type().compareTo(b.type());
    }

    /**
     * Element by element, a list that is a prefix of the other first: the order of the composite
     * values of multi-attribute index keys (see {@link KeyDef}).
     */
    private int compareLists(java.util.List<Value> a, java.util.List<Value> b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    public static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
