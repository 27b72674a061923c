package dev.dynamorm.local.internal.value;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable DynamoDB attribute value. Numbers are kept normalised so that {@code equals} is
 * numeric equality.
 */
public sealed interface Value {

    /** The DynamoDB type descriptor: S, N, B, BOOL, NULL, SS, NS, BS, L or M. */
    String type();

    static Value s(String v) {
        return new S(v);
    }

    static Value n(BigDecimal v) {
        return new N(Numbers.normalize(v));
    }

    static Value b(Bytes v) {
        return new B(v);
    }

    /**
     * A string; remembers whether it is long plain ASCII that JSON can carry without escaping
     * (written raw).
     */
    final class S implements Value {
        private final String v;
        private final boolean plain;

        public S(String v) {
            this.v = java.util.Objects.requireNonNull(v, "v");
            this.plain = v.length() >= 24 && plainAscii(v);
        }

        /** A string whose {@link #plain()} flag is already known (decoding a stored item). */
        S(String v, boolean plain) {
            this.v = v;
            this.plain = plain;
        }

        private static boolean plainAscii(String s) {
            for (int i = 0, n = s.length(); i < n; i++) {
                char c = s.charAt(i);
                if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                    return false;
                }
            }
            return true;
        }

        public String v() {
            return v;
        }

        /** True if the string is long, ASCII and free of characters JSON escapes. */
        public boolean plain() {
            return plain;
        }

        @Override
        public String type() {
            return "S";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof S s && v.equals(s.v);
        }

        @Override
        public int hashCode() {
            return v.hashCode();
        }

        @Override
        public String toString() {
            return "S[v=" + v + "]";
        }
    }

    record N(BigDecimal v) implements Value {
        @Override
        public String type() {
            return "N";
        }
    }

    record B(Bytes v) implements Value {
        @Override
        public String type() {
            return "B";
        }
    }

    record Bool(boolean v) implements Value {
        @Override
        public String type() {
            return "BOOL";
        }
    }

    record Null() implements Value {
        @Override
        public String type() {
            return "NULL";
        }
    }

    record SS(Set<String> v) implements Value {
        public SS {
            v = Collections.unmodifiableSet(new LinkedHashSet<>(v));
        }

        @Override
        public String type() {
            return "SS";
        }
    }

    record NS(Set<BigDecimal> v) implements Value {
        public NS {
            LinkedHashSet<BigDecimal> copy = new LinkedHashSet<>();
            for (BigDecimal d : v) {
                copy.add(Numbers.normalize(d));
            }
            v = Collections.unmodifiableSet(copy);
        }

        @Override
        public String type() {
            return "NS";
        }
    }

    record BS(Set<Bytes> v) implements Value {
        public BS {
            v = Collections.unmodifiableSet(new LinkedHashSet<>(v));
        }

        @Override
        public String type() {
            return "BS";
        }
    }

    record L(List<Value> v) implements Value {
        public L {
            v = List.copyOf(v);
        }

        @Override
        public String type() {
            return "L";
        }
    }

    record M(Map<String, Value> v) implements Value {
        public M {
            v = Collections.unmodifiableMap(new LinkedHashMap<>(v));
        }

        @Override
        public String type() {
            return "M";
        }
    }
}
