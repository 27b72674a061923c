package dev.dynamorm;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An immutable condition on an item's fields, used for conditional writes.
 *
 * <p>Field names are Java field names (dotted for nested fields); values are Java values that the
 * field's converter turns into attributes. Nothing is validated until the condition is used with a
 * model, which then fails with an {@link InvalidRequestException} naming the bad field or value.
 *
 * <pre>{@code
 * import static dev.dynamorm.Condition.when;
 * orders.put(order, WriteOptions.builder().condition(when("status", "=", "NEW").and(when("total", ">", 0))).build());
 * }</pre>
 */
public sealed interface Condition
        permits Condition.Comparison,
                Condition.Size,
                Condition.AttributeType,
                Condition.And,
                Condition.Or,
                Condition.Not {

    /**
     * A comparison of a field with a value.
     *
     * <p>Besides the {@link Operator} symbols, {@code "SIZE <op>"} (e.g. {@code "SIZE >"}, {@code
     * "size between"}) compares the size of the attribute, see {@link #size(String, Operator,
     * Object)}, and {@code "ATTRIBUTE_TYPE"} checks its type, see {@link #attributeType(String,
     * AttributeValue.Type)} (the value is an {@link AttributeValue.Type} or its name, e.g. {@code
     * "SS"} or {@code "NULL"}).
     *
     * @param field the Java field name
     * @param operator an operator symbol or name, see {@link Operator#parse(String)}
     * @param value the value; a two-element list or array for BETWEEN, a collection or array for IN
     * @return the condition
     * @throws IllegalArgumentException if the operator is unknown or the value's shape does not fit
     *     it
     */
    static Condition when(String field, String operator, Object value) {
        String t = operator == null ? "" : operator.trim().toUpperCase(Locale.ROOT);
        if (t.startsWith("SIZE")
                && t.length() > 4
                && !Character.isLetterOrDigit(t.charAt(4))
                && t.charAt(4) != '_') {
            return size(field, Operator.parse(t.substring(4)), value);
        }
        if (t.equals("ATTRIBUTE_TYPE") || t.equals("ATTRIBUTE TYPE")) {
            return attributeType(field, AttributeType.typeOf(value));
        }
        return when(field, Operator.parse(operator), value);
    }

    /**
     * A comparison of the size of an attribute (string length in characters, binary length in
     * bytes, number of elements of a set, list or map) with a number.
     *
     * @param field the Java field name
     * @param operator one of {@code = <> < <= > >= BETWEEN IN}
     * @param value a number; a two-element list or array for BETWEEN, a collection or array for IN
     * @return the condition
     * @throws IllegalArgumentException if the operator does not compare or the value's shape does
     *     not fit it
     */
    static Condition size(String field, Operator operator, Object value) {
        Objects.requireNonNull(operator, "operator");
        return new Size(field, operator, Comparison.valuesOf(operator, value));
    }

    /**
     * The attribute is present and has this DynamoDB type.
     *
     * @param field the Java field name
     * @param type the type, e.g. {@link AttributeValue.Type#SS}
     * @return the condition
     * @throws IllegalArgumentException if the type is {@code UNKNOWN_TO_SDK_VERSION}
     */
    static Condition attributeType(String field, AttributeValue.Type type) {
        return new AttributeType(field, type);
    }

    /**
     * A comparison of a field with a value.
     *
     * @param field the Java field name
     * @param operator the operator
     * @param value the value; a two-element list or array for BETWEEN, a collection or array for IN
     * @return the condition
     * @throws IllegalArgumentException if the value's shape does not fit the operator
     */
    static Condition when(String field, Operator operator, Object value) {
        return new Comparison(field, operator, Comparison.valuesOf(operator, value));
    }

    /**
     * The attribute is present.
     *
     * @param field the Java field name
     * @return the condition
     */
    static Condition exists(String field) {
        return new Comparison(field, Operator.EXISTS, List.of());
    }

    /**
     * The attribute is absent.
     *
     * @param field the Java field name
     * @return the condition
     */
    static Condition notExists(String field) {
        return new Comparison(field, Operator.NOT_EXISTS, List.of());
    }

    /**
     * Both this and another condition hold.
     *
     * @param other the other condition
     * @return the conjunction
     */
    default Condition and(Condition other) {
        Objects.requireNonNull(other, "other");
        List<Condition> parts = new ArrayList<>();
        if (this instanceof And a) {
            parts.addAll(a.conditions());
        } else {
            parts.add(this);
        }
        parts.add(other);
        return new And(parts);
    }

    /**
     * This or another condition holds.
     *
     * @param other the other condition
     * @return the disjunction
     */
    default Condition or(Condition other) {
        Objects.requireNonNull(other, "other");
        List<Condition> parts = new ArrayList<>();
        if (this instanceof Or o) {
            parts.addAll(o.conditions());
        } else {
            parts.add(this);
        }
        parts.add(other);
        return new Or(parts);
    }

    /**
     * The negation of this condition.
     *
     * @return the negation
     */
    default Condition negate() {
        return this instanceof Not n ? n.condition() : new Not(this);
    }

    /**
     * A field compared with values.
     *
     * @param field the Java field name (dotted for nested fields)
     * @param operator the operator
     * @param values no values for EXISTS/NOT_EXISTS, two for BETWEEN, one or more for IN, else one
     */
    record Comparison(String field, Operator operator, List<Object> values) implements Condition {
        /**
         * Validates the comparison's shape.
         *
         * @throws IllegalArgumentException if the field is blank or the value count does not fit
         */
        public Comparison {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(operator, "operator");
            if (field.isBlank()) {
                throw new IllegalArgumentException("field name must not be blank");
            }
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }

        static List<Object> valuesOf(Operator operator, Object value) {
            switch (operator) {
                case EXISTS, NOT_EXISTS -> {
                    return List.of();
                }
                case BETWEEN -> {
                    List<Object> bounds = asList(value);
                    if (bounds == null || bounds.size() != 2) {
                        throw new IllegalArgumentException(
                                "BETWEEN needs exactly two values (a list or array of low and high), got "
                                        + value);
                    }
                    return bounds;
                }
                case IN -> {
                    List<Object> options = asList(value);
                    if (options == null) {
                        throw new IllegalArgumentException(
                                "IN needs a collection or array of values, got " + value);
                    }
                    return options;
                }
                default -> {
                    return Collections.singletonList(value);
                }
            }
        }

        private static List<Object> asList(Object value) {
            if (value instanceof Collection<?> c) {
                return new ArrayList<>(c);
            }
            if (value != null && value.getClass().isArray()) {
                int n = Array.getLength(value);
                List<Object> out = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    out.add(Array.get(value, i));
                }
                return out;
            }
            return null;
        }
    }

    /**
     * The size of an attribute compared with numbers: DynamoDB's {@code size(path)}.
     *
     * @param field the Java field name (dotted for nested fields)
     * @param operator one of {@code = <> < <= > >= BETWEEN IN}
     * @param values two for BETWEEN, one or more for IN, else one
     */
    record Size(String field, Operator operator, List<Object> values) implements Condition {
        /**
         * Validates the comparison's shape.
         *
         * @throws IllegalArgumentException if the field is blank or the operator does not compare
         *     numbers
         */
        public Size {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(operator, "operator");
            if (field.isBlank()) {
                throw new IllegalArgumentException("field name must not be blank");
            }
            switch (operator) {
                case EQ, NE, LT, LE, GT, GE, BETWEEN, IN -> {}
                default ->
                        throw new IllegalArgumentException(
                                String.format(
                                        Locale.ROOT,
                                        "SIZE compares with =, <>, <, <=, >, >=, BETWEEN or IN, not %s (field '%s')",
                                        operator.symbol(),
                                        field));
            }
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    /**
     * The attribute exists and has a DynamoDB type: {@code attribute_type(path, type)}.
     *
     * @param field the Java field name (dotted for nested fields)
     * @param type the attribute type
     */
    record AttributeType(String field, AttributeValue.Type type) implements Condition {
        /**
         * Validates the field and type.
         *
         * @throws IllegalArgumentException if the field is blank or the type is unknown
         */
        public AttributeType {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(type, "type");
            if (field.isBlank()) {
                throw new IllegalArgumentException("field name must not be blank");
            }
            if (type == AttributeValue.Type.UNKNOWN_TO_SDK_VERSION) {
                throw new IllegalArgumentException(
                        "attribute type of field '"
                                + field
                                + "' must be a DynamoDB "
                                + "type: S, N, B, SS, NS, BS, M, L, BOOL or NULL");
            }
        }

        /**
         * The type's name on the wire: {@code S}, {@code N}, ..., {@code NULL} for {@link
         * AttributeValue.Type#NUL}.
         *
         * @return the wire name
         */
        public String wireName() {
            return type == AttributeValue.Type.NUL ? "NULL" : type.name();
        }

        static AttributeValue.Type typeOf(Object value) {
            if (value instanceof AttributeValue.Type t) {
                return t;
            }
            if (value instanceof CharSequence s) {
                String n = s.toString().trim().toUpperCase(Locale.ROOT);
                if (n.equals("NULL")) {
                    return AttributeValue.Type.NUL;
                }
                for (AttributeValue.Type t : AttributeValue.Type.values()) {
                    if (t != AttributeValue.Type.UNKNOWN_TO_SDK_VERSION && t.name().equals(n)) {
                        return t;
                    }
                }
            }
            throw new IllegalArgumentException(
                    "ATTRIBUTE_TYPE needs a type: an AttributeValue.Type or one of "
                            + "S, N, B, SS, NS, BS, M, L, BOOL, NULL; got "
                            + value);
        }
    }

    /**
     * All of several conditions hold.
     *
     * @param conditions the conditions, at least two
     */
    record And(List<Condition> conditions) implements Condition {
        /** Copies the list. */
        public And {
            conditions = List.copyOf(conditions);
        }
    }

    /**
     * At least one of several conditions holds.
     *
     * @param conditions the conditions, at least two
     */
    record Or(List<Condition> conditions) implements Condition {
        /** Copies the list. */
        public Or {
            conditions = List.copyOf(conditions);
        }
    }

    /**
     * A condition does not hold.
     *
     * @param condition the negated condition
     */
    record Not(Condition condition) implements Condition {
        /** Checks for null. */
        public Not {
            Objects.requireNonNull(condition, "condition");
        }
    }
}
