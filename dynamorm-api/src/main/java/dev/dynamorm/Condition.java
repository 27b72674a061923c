package dev.dynamorm;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

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
public sealed interface Condition permits Condition.Comparison, Condition.And, Condition.Or, Condition.Not {

    /**
     * A comparison of a field with a value.
     *
     * @param field the Java field name
     * @param operator an operator symbol or name, see {@link Operator#parse(String)}
     * @param value the value; a two-element list or array for BETWEEN, a collection or array for IN
     * @return the condition
     * @throws IllegalArgumentException if the operator is unknown or the value's shape does not fit it
     */
    static Condition when(String field, String operator, Object value) {
        return when(field, Operator.parse(operator), value);
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
                                "BETWEEN needs exactly two values (a list or array of low and high), got " + value);
                    }
                    return bounds;
                }
                case IN -> {
                    List<Object> options = asList(value);
                    if (options == null) {
                        throw new IllegalArgumentException("IN needs a collection or array of values, got " + value);
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
