package dev.dynamorm.test.mock;

import dev.dynamorm.Condition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How {@link MockDB} shows values in calls and diffs: strings in double quotes, conditions as
 * {@code field op value}, collections in brackets, everything else by {@code toString}.
 */
final class MockRender {

    private MockRender() {}

    static String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof CharSequence s) {
            return "\"" + s + "\"";
        }
        if (value instanceof java.math.BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Character c) {
            return "'" + c + "'";
        }
        if (value instanceof Condition c) {
            return condition(c);
        }
        if (value instanceof MockCall.Part p) {
            return p.render();
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(MockRender::value).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> m) {
            return m.entrySet().stream()
                    .map(e -> value(e.getKey()) + "=" + value(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof Class<?> c) {
            return c.getSimpleName();
        }
        return String.valueOf(value);
    }

    static String condition(Condition condition) {
        if (condition instanceof Condition.Comparison c) {
            if (!c.operator().takesValue()) {
                return c.field() + " " + c.operator().symbol();
            }
            Object shown =
                    c.values().size() == 1 && c.operator() != dev.dynamorm.Operator.IN
                            ? c.values().get(0)
                            : c.values();
            return c.field() + " " + c.operator().symbol() + " " + value(shown);
        }
        if (condition instanceof Condition.Size s) {
            Object shown =
                    s.values().size() == 1 && s.operator() != dev.dynamorm.Operator.IN
                            ? s.values().get(0)
                            : s.values();
            return "size(" + s.field() + ") " + s.operator().symbol() + " " + value(shown);
        }
        if (condition instanceof Condition.AttributeType t) {
            return "attribute_type(" + t.field() + ", " + t.wireName() + ")";
        }
        if (condition instanceof Condition.And a) {
            return join(a.conditions(), " AND ");
        }
        if (condition instanceof Condition.Or o) {
            return join(o.conditions(), " OR ");
        }
        return "NOT (" + condition(((Condition.Not) condition).condition()) + ")";
    }

    private static String join(List<Condition> conditions, String separator) {
        List<String> parts = new ArrayList<>();
        for (Condition c : conditions) {
            String text = condition(c);
            parts.add(
                    c instanceof Condition.And || c instanceof Condition.Or
                            ? "(" + text + ")"
                            : text);
        }
        return "(" + String.join(separator, parts) + ")";
    }
}
