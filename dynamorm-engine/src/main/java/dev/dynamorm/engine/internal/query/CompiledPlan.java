package dev.dynamorm.engine.internal.query;

import dev.dynamorm.Operation;
import dev.dynamorm.QueryPlan;
import dev.dynamorm.engine.internal.expr.Expression;
import dev.dynamorm.engine.internal.expr.Slot;
import dev.dynamorm.engine.internal.model.IndexMetadata;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A query compiled for one shape, without values: operation, path, its expressions (text with
 * placeholders, the placeholders each uses, the attributes each reads), how each value placeholder
 * is bound, and the index-selection record. Immutable; cached per table by shape.
 *
 * @param operation GET, QUERY or SCAN
 * @param index the index read, or null for the table
 * @param keyConditionExpression the key condition (for GET, the key equalities, for display), or
 *     null for a scan
 * @param filterExpression the filter expression, or null
 * @param projectionExpression the projection expression, or null
 * @param names every name placeholder, in order
 * @param slots the value placeholders {@code :v0..}, in order
 * @param keySlots how many of the first slots are key condition values (never empty strings)
 * @param getKey for GET, key attribute name to slot index; else empty
 * @param select the Select parameter to send when reading items, or null for DynamoDB's default
 * @param forward ScanIndexForward
 * @param consistent ConsistentRead
 * @param cursorKey attribute names of the key a cursor carries (table keys, then index keys)
 * @param candidates the access paths considered, chosen first
 * @param reason why the chosen path won
 * @param shape the canonical shape text (part of each cursor's fingerprint)
 * @param scanWarning true when this plan reads the whole table or index
 */
record CompiledPlan(
        Operation operation,
        IndexMetadata index,
        Expression keyConditionExpression,
        Expression filterExpression,
        Expression projectionExpression,
        Map<String, String> names,
        List<Slot> slots,
        int keySlots,
        Map<String, Integer> getKey,
        String select,
        boolean forward,
        boolean consistent,
        List<String> cursorKey,
        List<QueryPlan.Candidate> candidates,
        String reason,
        String shape,
        boolean scanWarning) {

    CompiledPlan {
        names =
                Map.copyOf(names).isEmpty()
                        ? Map.of()
                        : java.util.Collections.unmodifiableMap(
                                new java.util.LinkedHashMap<>(names));
        slots = List.copyOf(slots);
        getKey = Map.copyOf(getKey);
        cursorKey = List.copyOf(cursorKey);
        candidates = List.copyOf(candidates);
    }

    /** The key condition's text, or null for a scan. */
    String keyCondition() {
        return Expression.textOf(keyConditionExpression);
    }

    /** The filter's text, or null. */
    String filter() {
        return Expression.textOf(filterExpression);
    }

    /** The projection's text, or null when whole items are read. */
    String projection() {
        return Expression.textOf(projectionExpression);
    }

    /**
     * The top-level attributes the projection reads; empty when whole items are read.
     *
     * @return the attribute names
     */
    Set<String> projected() {
        return projectionExpression == null ? Set.of() : projectionExpression.reads();
    }

    /** The index name, or null for the table. */
    String indexName() {
        return index == null ? null : index.name();
    }

    /**
     * The name placeholders a request sends: those of the conditions it carries and of the
     * projection when it carries the projection; null when none.
     */
    Map<String, String> namesSent(boolean withConditions, boolean withProjection) {
        Map<String, String> out = new LinkedHashMap<>(names.size() * 2);
        if (withConditions) {
            add(keyConditionExpression, out);
            add(filterExpression, out);
        }
        if (withProjection) {
            add(projectionExpression, out);
        }
        return out.isEmpty() ? null : out;
    }

    private static void add(Expression expression, Map<String, String> names) {
        if (expression != null) {
            names.putAll(expression.names());
        }
    }
}
