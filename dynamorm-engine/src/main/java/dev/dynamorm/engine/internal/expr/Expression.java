package dev.dynamorm.engine.internal.expr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One compiled expression (a key condition, filter, condition, projection or update) as the
 * compiler knew it: its text with {@code #nK}/{@code :vK} placeholders only, the placeholders it
 * uses, and the attributes it reads and writes. Whoever needs to know what an expression touches
 * (page reading, hook conditions, the requests a plan sends) reads these instead of parsing the
 * text. Immutable; equal when every part is.
 *
 * <p>Not a record: the {@link ExpressionBuilder} of a write hands its freshly built collections
 * over without the copy the public constructor makes (a write builds two expressions per request).
 */
public final class Expression {

    private final String text;
    private final Map<String, String> names;
    private final Map<String, AttributeValue> values;
    private final Map<String, Slot> slots;
    private final Set<String> reads;
    private final UpdateWrites writes;

    /**
     * Copies every collection.
     *
     * @param text the expression text
     * @param names the name placeholders the text uses, to the attribute names they stand for, in
     *     order
     * @param values the value placeholders the text uses, to their bound values (empty in a cached
     *     query plan, whose values are bound per call)
     * @param slots the value placeholders the text uses, to how a cached plan binds them (empty
     *     when the values are bound)
     * @param reads the top-level attributes the expression reads (conditions, projections), in
     *     order
     * @param writes what an update expression writes; null or {@link UpdateWrites#NONE} for other
     *     expressions
     */
    public Expression(
            String text,
            Map<String, String> names,
            Map<String, AttributeValue> values,
            Map<String, Slot> slots,
            Set<String> reads,
            UpdateWrites writes) {
        this(
                writes,
                text,
                copy(names),
                copy(values),
                copy(slots),
                Collections.unmodifiableSet(new LinkedHashSet<>(reads)));
    }

    /**
     * Takes the collections as they are: the caller made them and never changes them again (the
     * parameter order only tells this constructor apart from the copying one).
     */
    private Expression(
            UpdateWrites writes,
            String text,
            Map<String, String> names,
            Map<String, AttributeValue> values,
            Map<String, Slot> slots,
            Set<String> reads) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("an expression needs text");
        }
        this.text = text;
        this.names = names;
        this.values = values;
        this.slots = slots;
        this.reads = reads;
        this.writes = writes == null ? UpdateWrites.NONE : writes;
    }

    /**
     * An expression of collections the caller built for it alone and never changes again (the
     * builder of one request), wrapped rather than copied.
     */
    static Expression owned(
            String text,
            Map<String, String> names,
            Map<String, AttributeValue> values,
            Set<String> reads,
            UpdateWrites writes) {
        return new Expression(
                writes,
                text,
                names.isEmpty() ? Map.of() : Collections.unmodifiableMap(names),
                values.isEmpty() ? Map.of() : Collections.unmodifiableMap(values),
                Map.of(),
                reads.isEmpty() ? Set.of() : Collections.unmodifiableSet(reads));
    }

    private static <V> Map<String, V> copy(Map<String, V> map) {
        return map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /**
     * The expression text.
     *
     * @return the text, with placeholders only
     */
    public String text() {
        return text;
    }

    /**
     * The name placeholders the text uses.
     *
     * @return placeholder to attribute name, in order
     */
    public Map<String, String> names() {
        return names;
    }

    /**
     * The value placeholders the text uses, bound.
     *
     * @return placeholder to value (empty in a cached query plan)
     */
    public Map<String, AttributeValue> values() {
        return values;
    }

    /**
     * The value placeholders the text uses, as a cached plan binds them.
     *
     * @return placeholder to slot (empty when the values are bound)
     */
    public Map<String, Slot> slots() {
        return slots;
    }

    /**
     * The top-level attributes the expression reads.
     *
     * @return the attribute names, in order
     */
    public Set<String> reads() {
        return reads;
    }

    /**
     * What an update expression writes.
     *
     * @return the writes; {@link UpdateWrites#NONE} for other expressions
     */
    public UpdateWrites writes() {
        return writes;
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
                UpdateWrites.NONE,
                "(" + first.text + ") AND (" + second.text + ")",
                merge(first.names, second.names),
                merge(first.values, second.values),
                merge(first.slots, second.slots),
                Collections.unmodifiableSet(reads));
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
                added,
                added.text(),
                merge(names, actions.names),
                merge(values, actions.values),
                slots,
                reads);
    }

    /**
     * The name placeholders of the (at most two) expressions one request carries, as the SDK takes
     * them.
     *
     * @param first one expression of the request, or null
     * @param second the other, or null
     * @return every placeholder to its name, or null when none (the SDK rejects empty maps)
     * @throws IllegalArgumentException if one placeholder stands for two names
     */
    public static Map<String, String> requestNames(Expression first, Expression second) {
        Map<String, String> out =
                merge(
                        first == null ? Map.of() : first.names,
                        second == null ? Map.of() : second.names);
        return out.isEmpty() ? null : out;
    }

    /**
     * The bound values of the (at most two) expressions one request carries, as the SDK takes them.
     *
     * @param first one expression of the request, or null
     * @param second the other, or null
     * @return every placeholder to its value, or null when none (the SDK rejects empty maps)
     * @throws IllegalArgumentException if one placeholder stands for two values
     */
    public static Map<String, AttributeValue> requestValues(Expression first, Expression second) {
        Map<String, AttributeValue> out =
                merge(
                        first == null ? Map.of() : first.values,
                        second == null ? Map.of() : second.values);
        return out.isEmpty() ? null : out;
    }

    private static <V> Map<String, V> merge(Map<String, V> first, Map<String, V> second) {
        if (second.isEmpty()) {
            return first;
        }
        if (first.isEmpty()) {
            return second;
        }
        // sized for both: no rehash while the second is added
        Map<String, V> out = new LinkedHashMap<>((first.size() + second.size()) * 4 / 3 + 1);
        out.putAll(first);
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
    public boolean equals(Object o) {
        return o instanceof Expression e
                && text.equals(e.text)
                && names.equals(e.names)
                && values.equals(e.values)
                && slots.equals(e.slots)
                && reads.equals(e.reads)
                && writes.equals(e.writes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, names, values, slots, reads, writes);
    }

    @Override
    public String toString() {
        return text;
    }
}
