package dev.dynamorm.local.internal.expr;

import dev.dynamorm.local.internal.error.DynamoException;
import dev.dynamorm.local.internal.value.KeyOrder;
import dev.dynamorm.local.internal.value.Value;
import dev.dynamorm.local.internal.wire.AttributeCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates the legacy (pre-expression) parameters of one request ({@code Expected}, {@code
 * QueryFilter}, {@code ScanFilter}, {@code KeyConditions}, {@code AttributeUpdates}) into the
 * expression AST, so that one evaluator serves both. Attribute names and values become synthetic
 * placeholders ({@code #legacyN}, {@code :legacyN}) collected in {@link #bindings()}; a request
 * never mixes legacy parameters with expressions, so they cannot clash with the caller's.
 */
public final class Legacy {
    /** The ComparisonOperator enum in the order DynamoDB lists it in constraint messages. */
    static final List<String> OPERATORS =
            List.of(
                    "IN",
                    "NULL",
                    "BETWEEN",
                    "LT",
                    "NOT_CONTAINS",
                    "EQ",
                    "GT",
                    "NOT_NULL",
                    "NE",
                    "LE",
                    "BEGINS_WITH",
                    "GE",
                    "CONTAINS");

    private static final Set<String> SCALAR = Set.of("S", "N", "B");

    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, Value> values = new LinkedHashMap<>();
    private final Map<String, String> nameOf = new LinkedHashMap<>();

    /** An empty translation for one request. */
    public Legacy() {}

    /** Bindings holding every placeholder this translation introduced, all marked used. */
    public Bindings bindings() {
        Bindings b =
                new Bindings(
                        names.isEmpty() ? null : new LinkedHashMap<>(names),
                        values.isEmpty() ? null : new LinkedHashMap<>(values));
        b.markAllUsed();
        return b;
    }

    Path path(String attribute) {
        String placeholder =
                nameOf.computeIfAbsent(
                        attribute,
                        a -> {
                            String p = "#legacy" + names.size();
                            names.put(p, a);
                            return p;
                        });
        return new Path(List.of(new Path.Elem(placeholder, -1)));
    }

    Operand.PathRef ref(String attribute) {
        return new Operand.PathRef(path(attribute));
    }

    Operand.ValueRef value(Value v) {
        String p = ":legacy" + values.size();
        values.put(p, v);
        return new Operand.ValueRef(p);
    }

    /**
     * {@code Expected} of PutItem, UpdateItem and DeleteItem, joined by {@code
     * ConditionalOperator}; null when there is nothing to check.
     */
    public Condition expected(Map<String, Object> expected, String conditionalOperator) {
        String join = conditionalOperator(conditionalOperator);
        if (expected == null) {
            return null;
        }
        List<Condition> parts = new ArrayList<>();
        for (Map.Entry<String, Object> e : expected.entrySet()) {
            parts.add(expectation(e.getKey(), entry(e.getValue())));
        }
        return join(parts, join);
    }

    private Condition expectation(String attribute, Map<String, Object> c) {
        String invalid = "One or more parameter values were invalid: ";
        if (c.containsKey("AttributeValueList") && c.containsKey("Value")) {
            throw DynamoException.validation(
                    invalid
                            + "Value and AttributeValueList cannot be used together for Attribute: "
                            + attribute);
        }
        if (c.get("ComparisonOperator") != null) {
            String op = String.valueOf(c.get("ComparisonOperator"));
            checkOperator(op, "expected." + attribute + ".member.comparisonOperator");
            if (c.containsKey("Exists")) {
                throw DynamoException.validation(
                        invalid
                                + "Exists and ComparisonOperator cannot be used together for Attribute: "
                                + attribute);
            }
            if (!op.equals("NULL")
                    && !op.equals("NOT_NULL")
                    && c.get("AttributeValueList") == null
                    && c.get("Value") == null) {
                throw DynamoException.validation(
                        invalid
                                + "Value or AttributeValueList must be used with ComparisonOperator: "
                                + op
                                + " for Attribute: "
                                + attribute);
            }
            List<Value> args =
                    c.get("Value") != null
                            ? List.of(AttributeCodec.value(c.get("Value")))
                            : values(c.get("AttributeValueList"));
            checkArguments(op, args, false);
            return compare(attribute, op, args);
        }
        if (c.containsKey("AttributeValueList")) {
            throw DynamoException.validation(
                    invalid
                            + "AttributeValueList can only be used with a ComparisonOperator for Attribute: "
                            + attribute);
        }
        Object exists = c.get("Exists");
        boolean mustExist = exists == null || Boolean.TRUE.equals(exists);
        Object value = c.get("Value");
        if (mustExist && value == null) {
            throw DynamoException.validation(
                    invalid
                            + "Value must be provided when Exists is "
                            + (exists == null ? "null" : exists)
                            + " for Attribute: "
                            + attribute);
        }
        if (!mustExist && value != null) {
            throw DynamoException.validation(
                    invalid
                            + "Value cannot be used when Exists is false for Attribute: "
                            + attribute);
        }
        if (!mustExist) {
            return new Condition.Call("attribute_not_exists", List.of(ref(attribute)));
        }
        return new Condition.Compare(
                Token.Kind.EQ, ref(attribute), value(AttributeCodec.value(value)));
    }

    /**
     * {@code QueryFilter} or {@code ScanFilter} ({@code parameter} names it in messages), joined by
     * {@code ConditionalOperator}; null when absent.
     */
    public Condition filter(
            Map<String, Object> filter, String conditionalOperator, String parameter) {
        String join = conditionalOperator(conditionalOperator);
        if (filter == null) {
            return null;
        }
        List<Condition> parts = new ArrayList<>();
        for (Map.Entry<String, Object> e : filter.entrySet()) {
            parts.add(condition(e.getKey(), entry(e.getValue()), parameter));
        }
        return join(parts, join);
    }

    /**
     * One {@code Condition} of a filter or of {@code KeyConditions}: operator, arguments checked as
     * DynamoDB checks them, then the equivalent expression.
     */
    Condition condition(String attribute, Map<String, Object> c, String parameter) {
        String op = operator(c, attribute, parameter);
        List<Value> args = values(c.get("AttributeValueList"));
        checkArguments(op, args, true);
        return compare(attribute, op, args);
    }

    static String operator(Map<String, Object> c, String attribute, String parameter) {
        Object op = c.get("ComparisonOperator");
        String where =
                Character.toLowerCase(parameter.charAt(0))
                        + parameter.substring(1)
                        + "."
                        + attribute
                        + ".member.comparisonOperator";
        if (op == null) {
            throw DynamoException.validation(
                    "1 validation error detected: Value null at '"
                            + where
                            + "' failed to satisfy constraint: Member must not be null");
        }
        checkOperator(String.valueOf(op), where);
        return String.valueOf(op);
    }

    private static void checkOperator(String op, String where) {
        if (!OPERATORS.contains(op)) {
            throw DynamoException.validation(
                    "1 validation error detected: Value '"
                            + op
                            + "' at '"
                            + where
                            + "' failed to satisfy constraint: Member must satisfy enum value set: ["
                            + String.join(", ", OPERATORS)
                            + "]");
        }
    }

    private static String conditionalOperator(String op) {
        if (op == null || op.equals("AND") || op.equals("OR")) {
            return op == null ? "AND" : op;
        }
        throw DynamoException.validation(
                "1 validation error detected: Value '"
                        + op
                        + "' at 'conditionalOperator' failed to satisfy constraint: Member must satisfy enum value set: [OR, AND]");
    }

    /** Argument count, one type for all, and (for filters) the types each operator accepts. */
    static void checkArguments(String op, List<Value> args, boolean checkTypes) {
        int n = args.size();
        boolean countOk =
                switch (op) {
                    case "NULL", "NOT_NULL" -> n == 0;
                    case "IN" -> n >= 1;
                    case "BETWEEN" -> n == 2;
                    default -> n == 1;
                };
        String invalid = "One or more parameter values were invalid: ";
        if (!countOk) {
            throw DynamoException.validation(
                    invalid
                            + "Invalid number of argument(s) for the "
                            + op
                            + " ComparisonOperator");
        }
        for (Value v : args) {
            if (!v.type().equals(args.get(0).type())) {
                throw DynamoException.validation(
                        invalid + "AttributeValues inside AttributeValueList must be of same type");
            }
        }
        if (checkTypes) {
            for (Value v : args) {
                if (!accepts(op, v.type())) {
                    throw DynamoException.validation(
                            invalid
                                    + "ComparisonOperator "
                                    + op
                                    + " is not valid for "
                                    + v.type()
                                    + " AttributeValue type");
                }
            }
        }
        if (op.equals("BETWEEN")
                && SCALAR.contains(args.get(0).type())
                && KeyOrder.INSTANCE.compare(args.get(0), args.get(1)) > 0) {
            throw DynamoException.validation(
                    "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
        }
    }

    private static boolean accepts(String op, String type) {
        return switch (op) {
            case "EQ", "NE" -> true; // "supported for all data types, including lists and maps"
            case "BEGINS_WITH" -> type.equals("S") || type.equals("B");
            default -> SCALAR.contains(type);
        };
    }

    private Condition compare(String attribute, String op, List<Value> args) {
        Operand.PathRef attr = ref(attribute);
        switch (op) {
            case "NULL" -> {
                return new Condition.Call("attribute_not_exists", List.of(attr));
            }
            case "NOT_NULL" -> {
                return new Condition.Call("attribute_exists", List.of(attr));
            }
            case "CONTAINS" -> {
                return new Condition.Call("contains", List.of(attr, value(args.get(0))));
            }
            case "NOT_CONTAINS" -> {
                return new Condition.Not(
                        new Condition.Call("contains", List.of(attr, value(args.get(0)))));
            }
            case "BEGINS_WITH" -> {
                return new Condition.Call("begins_with", List.of(attr, value(args.get(0))));
            }
            case "IN" -> {
                List<Operand> candidates = new ArrayList<>();
                args.forEach(v -> candidates.add(value(v)));
                return new Condition.In(attr, candidates);
            }
            case "BETWEEN" -> {
                return new Condition.Between(attr, value(args.get(0)), value(args.get(1)));
            }
            default -> {
                return new Condition.Compare(Token.Kind.valueOf(op), attr, value(args.get(0)));
            }
        }
    }

    private static Condition join(List<Condition> parts, String op) {
        Condition out = null;
        for (Condition c : parts) {
            out =
                    out == null
                            ? c
                            : op.equals("OR")
                                    ? new Condition.Or(out, c)
                                    : new Condition.And(out, c);
        }
        return out;
    }

    static List<Value> values(Object list) {
        List<Value> out = new ArrayList<>();
        if (list instanceof List<?> l) {
            for (Object o : l) {
                out.add(AttributeCodec.value(o));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> entry(Object o) {
        return o instanceof Map<?, ?> ? (Map<String, Object>) o : Map.of();
    }

    /**
     * {@code AttributesToGet} as resolved top-level paths, or null when absent; duplicates are
     * refused as DynamoDB refuses them.
     */
    public static List<List<Object>> attributesToGet(List<Object> names) {
        if (names == null) {
            return null;
        }
        if (names.isEmpty() || names.size() > 255) {
            throw DynamoException.validation(
                    "1 validation error detected: Value '"
                            + names
                            + "' at 'attributesToGet' failed to satisfy constraint: Member must have length "
                            + (names.isEmpty()
                                    ? "greater than or equal to 1"
                                    : "less than or equal to 255"));
        }
        List<List<Object>> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Object n : names) {
            String name = String.valueOf(n);
            if (!seen.add(name)) {
                throw DynamoException.validation(
                        "One or more parameter values were invalid: Duplicate value in attribute name: "
                                + name);
            }
            out.add(List.of(name));
        }
        return out;
    }
}
