package dev.dynamorm.engine.internal.expr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One compiled expression (a key condition, filter, condition, projection or update) as the
 * compiler knew it: its text with {@code #nK}/{@code :vK} placeholders only, the placeholders it
 * uses, and the attributes it reads and writes. Whoever needs to know what an expression touches
 * (page reading, hook conditions, the requests a plan sends) reads these instead of parsing the
 * text. Immutable.
 *
 * @param text the expression text
 * @param names the name placeholders the text uses, to the attribute names they stand for, in order
 * @param values the value placeholders the text uses, to their bound values (empty in a cached
 *     query plan, whose values are bound per call)
 * @param slots the value placeholders the text uses, to how a cached plan binds them (empty when
 *     the values are bound)
 * @param reads the top-level attributes the expression reads (conditions, projections), in order
 * @param writes what an update expression writes; {@link UpdateWrites#NONE} for other expressions
 */
public record Expression(
        String text,
        Map<String, String> names,
        Map<String, AttributeValue> values,
        Map<String, Slot> slots,
        Set<String> reads,
        UpdateWrites writes) {

    /**
     * Copies every collection.
     *
     * @param text the expression text
     * @param names the name placeholders the text uses
     * @param values the value placeholders the text uses, bound
     * @param slots the value placeholders the text uses, as slots
     * @param reads the top-level attributes read
     * @param writes what an update writes
     */
    public Expression {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("an expression needs text");
        }
        names = copy(names);
        values = copy(values);
        slots = copy(slots);
        reads = Collections.unmodifiableSet(new LinkedHashSet<>(reads));
        if (writes == null) {
            writes = UpdateWrites.NONE;
        }
    }

    private static <V> Map<String, V> copy(Map<String, V> map) {
        return map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /**
     * The text of an expression that may be absent.
     *
     * @param expression the expression, or null
     * @return its text, or null
     */
    public static String textOf(Expression expression) {
        return expression == null ? null : expression.text();
    }

    /**
     * Two conditions that must both hold, e.g. a condition a hook adds to the one the engine
     * compiled. Each is put in parentheses: the engine never builds a condition whose whole text is
     * one parenthesised group (see {@link Conjunction}), so none is redundant.
     *
     * @param first a condition, or null
     * @param second another condition, or null
     * @return both joined with AND, or the one that is not null (null when both are)
     * @throws IllegalArgumentException if one placeholder stands for two names or values
     */
    public static Expression and(Expression first, Expression second) {
        if (first == null || second == null) {
            return first == null ? second : first;
        }
        Set<String> reads = new LinkedHashSet<>(first.reads);
        reads.addAll(second.reads);
        return new Expression(
                "(" + first.text + ") AND (" + second.text + ")",
                merge(first.names, second.names),
                merge(first.values, second.values),
                merge(first.slots, second.slots),
                reads,
                UpdateWrites.NONE);
    }

    /**
     * This update with more SET actions in front of its SET clause, e.g. the attributes hooks set.
     *
     * @param actions the SET actions without the keyword, with their own placeholders
     * @return the update with the actions added
     * @throws IllegalStateException if this is not an update the engine compiled
     * @throws IllegalArgumentException if one placeholder stands for two names or values
     */
    public Expression withLeadingSets(Expression actions) {
        if (writes.text().isEmpty()) {
            throw new IllegalStateException("not a compiled update expression: " + text);
        }
        UpdateWrites added = writes.withLeadingSets(actions.text);
        return new Expression(
                added.text(),
                merge(names, actions.names),
                merge(values, actions.values),
                slots,
                reads,
                added);
    }

    /**
     * The name placeholders of the expressions one request carries, as the SDK takes them.
     *
     * @param expressions the request's expressions; null ones are skipped
     * @return every placeholder to its name, or null when none (the SDK rejects empty maps)
     * @throws IllegalArgumentException if one placeholder stands for two names
     */
    public static Map<String, String> requestNames(Expression... expressions) {
        Map<String, String> out = Map.of();
        for (Expression e : expressions) {
            if (e != null) {
                out = merge(out, e.names);
            }
        }
        return out.isEmpty() ? null : out;
    }

    /**
     * The bound values of the expressions one request carries, as the SDK takes them.
     *
     * @param expressions the request's expressions; null ones are skipped
     * @return every placeholder to its value, or null when none (the SDK rejects empty maps)
     * @throws IllegalArgumentException if one placeholder stands for two values
     */
    public static Map<String, AttributeValue> requestValues(Expression... expressions) {
        Map<String, AttributeValue> out = Map.of();
        for (Expression e : expressions) {
            if (e != null) {
                out = merge(out, e.values);
            }
        }
        return out.isEmpty() ? null : out;
    }

    private static <V> Map<String, V> merge(Map<String, V> first, Map<String, V> second) {
        if (second.isEmpty()) {
            return first;
        }
        if (first.isEmpty()) {
            return second;
        }
        Map<String, V> out = new LinkedHashMap<>(first);
        second.forEach(
                (placeholder, v) -> {
                    V was = out.putIfAbsent(placeholder, v);
                    if (was != null && !was.equals(v)) {
                        throw new IllegalArgumentException(
                                "placeholder "
                                        + placeholder
                                        + " stands for two things in one request: "
                                        + was
                                        + " and "
                                        + v);
                    }
                });
        return Collections.unmodifiableMap(out);
    }

    /**
     * Whether the expression reads this top-level attribute.
     *
     * @param attribute the attribute name on the wire
     * @return true when a path of the expression starts at it
     */
    public boolean reads(String attribute) {
        return reads.contains(attribute);
    }

    @Override
    public String toString() {
        return text;
    }
}
