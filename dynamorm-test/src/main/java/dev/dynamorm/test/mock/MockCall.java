package dev.dynamorm.test.mock;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One call a {@link MockDB} received (or an expectation of one): the table (or {@code
 * transaction}), the operation ({@code query}, {@code get}, {@code put}, {@code update}, ...), its
 * arguments and, for query reads, the terminal call ({@code all()}, {@code first()}, ...). Two
 * calls are equal when all of these are; argument values are compared with {@code equals}.
 * Immutable.
 */
public final class MockCall {

    /**
     * One argument of a call: a label (e.g. {@code where}, {@code item}, {@code limit}) and a
     * value.
     *
     * @param label what the value is
     * @param value the value, compared with equals
     */
    record Part(String label, Object value) {
        /**
         * Normalizes numbers, so {@code 5}, {@code 5L} and {@code 5.0} compare equal, as DynamoDB
         * stores them.
         */
        Part {
            Objects.requireNonNull(label, "label");
            value = normalize(value);
        }

        String render() {
            return label + ": " + MockRender.value(value);
        }
    }

    static Object normalize(Object value) {
        if (value instanceof java.math.BigDecimal d) {
            return d.signum() == 0 ? java.math.BigDecimal.ZERO : d.stripTrailingZeros();
        }
        if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte
                || value instanceof java.math.BigInteger
                || value instanceof Double
                || value instanceof Float) {
            Number n = (Number) value;
            if ((n instanceof Double || n instanceof Float)
                    && (Double.isNaN(n.doubleValue()) || Double.isInfinite(n.doubleValue()))) {
                return value;
            }
            return normalize(new java.math.BigDecimal(n.toString()));
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object element : list) {
                out.add(normalize(element));
            }
            return java.util.Collections.unmodifiableList(out);
        }
        if (value instanceof dev.dynamorm.Condition.Comparison c) {
            return new dev.dynamorm.Condition.Comparison(
                    c.field(), c.operator(), normalizeAll(c.values()));
        }
        if (value instanceof dev.dynamorm.Condition.Size c) {
            return new dev.dynamorm.Condition.Size(
                    c.field(), c.operator(), normalizeAll(c.values()));
        }
        if (value instanceof dev.dynamorm.Condition.And c) {
            return new dev.dynamorm.Condition.And(normalizeConditions(c.conditions()));
        }
        if (value instanceof dev.dynamorm.Condition.Or c) {
            return new dev.dynamorm.Condition.Or(normalizeConditions(c.conditions()));
        }
        if (value instanceof dev.dynamorm.Condition.Not c) {
            return new dev.dynamorm.Condition.Not(
                    (dev.dynamorm.Condition) normalize(c.condition()));
        }
        return value;
    }

    private static List<Object> normalizeAll(List<Object> values) {
        List<Object> out = new ArrayList<>(values.size());
        for (Object v : values) {
            out.add(normalize(v));
        }
        return out;
    }

    private static List<dev.dynamorm.Condition> normalizeConditions(
            List<dev.dynamorm.Condition> conditions) {
        List<dev.dynamorm.Condition> out = new ArrayList<>(conditions.size());
        for (dev.dynamorm.Condition c : conditions) {
            out.add((dev.dynamorm.Condition) normalize(c));
        }
        return out;
    }

    private final String target;
    private final String operation;
    private final List<Part> parts;
    private final String terminal;

    MockCall(String target, String operation, List<Part> parts, String terminal) {
        this.target = Objects.requireNonNull(target, "target");
        this.operation = Objects.requireNonNull(operation, "operation");
        this.parts = List.copyOf(parts);
        this.terminal = terminal;
    }

    /**
     * The physical table name of the model (as in {@code @DynamoTable}), or {@code transaction}.
     *
     * @return the table
     */
    public String table() {
        return target;
    }

    /**
     * The operation: {@code query} (a read through a query; see {@link #terminal()}), {@code
     * query.update}, {@code query.delete}, {@code get}, {@code create}, {@code put}, {@code
     * update}, {@code updateChanged}, {@code delete}, {@code batchGet}, {@code batchWrite}, {@code
     * transaction} or {@code readTransaction}.
     *
     * @return the operation
     */
    public String operation() {
        return operation;
    }

    /**
     * The terminal call of a query read: {@code all()}, {@code first()}, {@code stream()}, {@code
     * page()}, {@code count()}, {@code scan()} or {@code parallelScan(n)}.
     *
     * @return the terminal, or null for other operations
     */
    public String terminal() {
        return terminal;
    }

    List<Part> parts() {
        return parts;
    }

    /** Equal apart from the terminal. */
    boolean sameShape(MockCall other) {
        return target.equals(other.target)
                && operation.equals(other.operation)
                && parts.equals(other.parts);
    }

    /**
     * The call as lines, {@code label: value}, as the mismatch diffs show it.
     *
     * @return the lines
     */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("table: " + target);
        lines.add("operation: " + operation);
        for (Part part : parts) {
            lines.add(part.render());
        }
        if (terminal != null) {
            lines.add("call: " + terminal);
        }
        return lines;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MockCall c && sameShape(c) && Objects.equals(terminal, c.terminal);
    }

    @Override
    public int hashCode() {
        return Objects.hash(target, operation, parts, terminal);
    }

    /**
     * The call on one line, e.g. {@code orders query [where: status = "PAID", limit: 5] all()}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        List<String> rendered = new ArrayList<>();
        for (Part part : parts) {
            rendered.add(part.render());
        }
        return target + " " + operation + " " + rendered + (terminal == null ? "" : " " + terminal);
    }
}
