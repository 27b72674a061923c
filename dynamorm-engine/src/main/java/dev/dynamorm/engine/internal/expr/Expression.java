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
