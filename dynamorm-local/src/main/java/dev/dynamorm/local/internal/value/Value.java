package dev.dynamorm.local.internal.value;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An immutable DynamoDB attribute value. Numbers are kept normalised so that {@code equals} is numeric equality. */
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

    record S(String v) implements Value {
        public String type() {
            return "S";
        }
    }

    record N(BigDecimal v) implements Value {
        public String type() {
            return "N";
        }
    }

    record B(Bytes v) implements Value {
        public String type() {
            return "B";
        }
    }

    record Bool(boolean v) implements Value {
        public String type() {
            return "BOOL";
        }
    }

    record Null() implements Value {
        public String type() {
            return "NULL";
        }
    }

    record SS(Set<String> v) implements Value {
        public SS {
            v = Collections.unmodifiableSet(new LinkedHashSet<>(v));
        }

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

        public String type() {
            return "NS";
        }
    }

    record BS(Set<Bytes> v) implements Value {
        public BS {
            v = Collections.unmodifiableSet(new LinkedHashSet<>(v));
        }

        public String type() {
            return "BS";
        }
    }

    record L(List<Value> v) implements Value {
        public L {
            v = List.copyOf(v);
        }

        public String type() {
            return "L";
        }
    }

    record M(Map<String, Value> v) implements Value {
        public M {
            v = Collections.unmodifiableMap(new LinkedHashMap<>(v));
        }

        public String type() {
            return "M";
        }
    }
}
