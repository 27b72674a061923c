package dev.dynamorm.local.internal.wire;

import dev.dynamorm.local.internal.error.DynamoException;
import dev.dynamorm.local.internal.value.Bytes;
import dev.dynamorm.local.internal.value.Numbers;
import dev.dynamorm.local.internal.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Converts between the DynamoDB JSON attribute-value encoding and {@link Value}. */
public final class AttributeCodec {
    private AttributeCodec() {}

    @SuppressWarnings("unchecked")
    public static Map<String, Value> item(Object tree) {
        if (tree == null) {
            return null;
        }
        if (!(tree instanceof Map)) {
            throw DynamoException.serialization(
                    "Unexpected value type in payload: expected a map of attributes");
        }
        Map<String, Value> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : ((Map<String, Object>) tree).entrySet()) {
            out.put(e.getKey(), value(e.getValue()));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public static Value value(Object tree) {
        if (!(tree instanceof Map)) {
            throw DynamoException.serialization(
                    "Unexpected value type in payload: expected an attribute value");
        }
        Map<String, Object> m = (Map<String, Object>) tree;
        Map.Entry<String, Object> only = null;
        int count = 0;
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (e.getValue() != null) {
                only = e;
                count++;
            }
        }
        if (count == 0) {
            throw DynamoException.validation(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        if (count != 1) {
            throw DynamoException.validation(
                    "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        }
        Object v = only.getValue();
        switch (only.getKey()) {
            case "S" -> {
                return Value.s(str(v));
            }
            case "N" -> {
                return new Value.N(number(str(v)));
            }
            case "B" -> {
                return Value.b(bytes(v));
            }
            case "BOOL" -> {
                if (!(v instanceof Boolean b)) {
                    throw DynamoException.serialization("Unexpected value type for BOOL");
                }
                return new Value.Bool(b);
            }
            case "NULL" -> {
                if (!Boolean.TRUE.equals(v)) {
                    throw DynamoException.validation(
                            "One or more parameter values were invalid: Null attribute value types must have the value of true");
                }
                return new Value.Null();
            }
            case "SS" -> {
                List<Object> l = list(v);
                nonEmptySet(l, "An string set  may not be empty");
                Set<String> set = new LinkedHashSet<>();
                for (Object o : l) {
                    if (!set.add(str(o))) {
                        throw DynamoException.validation(
                                "One or more parameter values were invalid: Input collection "
                                        + l
                                        + " contains duplicates.");
                    }
                }
                return new Value.SS(set);
            }
            case "NS" -> {
                List<Object> l = list(v);
                nonEmptySet(l, "An number set  may not be empty");
                Set<BigDecimal> set = new LinkedHashSet<>();
                boolean duplicate = false;
                for (Object o : l) {
                    duplicate |= !set.add(number(str(o)));
                }
                if (duplicate) {
                    throw DynamoException.validation("Input collection contains duplicates");
                }
                return new Value.NS(set);
            }
            case "BS" -> {
                List<Object> l = list(v);
                nonEmptySet(l, "Binary sets should not be empty");
                Set<Bytes> set = new LinkedHashSet<>();
                for (Object o : l) {
                    if (!set.add(bytes(o))) {
                        throw DynamoException.validation(
                                "One or more parameter values were invalid: Input collection "
                                        + l
                                        + "of type BS contains duplicates.");
                    }
                }
                return new Value.BS(set);
            }
            case "L" -> {
                List<Value> out = new ArrayList<>();
                for (Object o : list(v)) {
                    out.add(value(o));
                }
                return new Value.L(out);
            }
            case "M" -> {
                return new Value.M(item(v));
            }
            default ->
                    throw DynamoException.validation(
                            "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
    }

    private static void nonEmptySet(List<?> set, String message) {
        if (set.isEmpty()) {
            throw DynamoException.validation(
                    "One or more parameter values were invalid: " + message);
        }
    }

    private static String str(Object v) {
        if (!(v instanceof String s)) {
            throw DynamoException.serialization(
                    "Unexpected value type in payload: expected a string");
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object v) {
        if (!(v instanceof List)) {
            throw DynamoException.serialization(
                    "Unexpected value type in payload: expected a list");
        }
        return (List<Object>) v;
    }

    private static Bytes bytes(Object v) {
        try {
            return Bytes.fromBase64(str(v));
        } catch (IllegalArgumentException e) {
            throw DynamoException.serialization(
                    "Base64 encoded length is expected a multiple of 4 bytes but found: "
                            + str(v).length());
        }
    }

    private static BigDecimal number(String text) {
        BigDecimal d = Numbers.parse(text);
        if (d == null) {
            throw DynamoException.validation(
                    text.isEmpty()
                            ? "The parameter cannot be converted to a numeric value"
                            : "The parameter cannot be converted to a numeric value: " + text);
        }
        String err = Numbers.rangeError(d);
        if (err != null) {
            throw DynamoException.validation(err);
        }
        return d;
    }

    /** The item as a JSON tree node that {@link Json#write} streams without building maps. */
    public static Object json(Map<String, Value> item) {
        return new Json.Item(item);
    }

    public static Map<String, Object> toJson(Map<String, Value> item) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Value> e : item.entrySet()) {
            out.put(e.getKey(), toJson(e.getValue()));
        }
        return out;
    }

    public static Map<String, Object> toJson(Value v) {
        Map<String, Object> out = new LinkedHashMap<>(2);
        if (v instanceof Value.S s) {
            out.put("S", s.v());
        } else if (v instanceof Value.N n) {
            out.put("N", Numbers.format(n.v()));
        } else if (v instanceof Value.B b) {
            out.put("B", b.v().base64());
        } else if (v instanceof Value.Bool b) {
            out.put("BOOL", b.v());
        } else if (v instanceof Value.Null) {
            out.put("NULL", true);
        } else if (v instanceof Value.SS ss) {
            out.put("SS", new ArrayList<Object>(ss.v()));
        } else if (v instanceof Value.NS ns) {
            List<Object> l = new ArrayList<>();
            ns.v().forEach(d -> l.add(Numbers.format(d)));
            out.put("NS", l);
        } else if (v instanceof Value.BS bs) {
            List<Object> l = new ArrayList<>();
            bs.v().forEach(b -> l.add(b.base64()));
            out.put("BS", l);
        } else if (v instanceof Value.L l) {
            List<Object> list = new ArrayList<>();
            l.v().forEach(e -> list.add(toJson(e)));
            out.put("L", list);
        } else if (v instanceof Value.M m) {
            out.put("M", toJson(m.v()));
        }
        return out;
    }
}
