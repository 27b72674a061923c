package dev.dynamorm;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a query would send, returned by {@link Query#explain()} without sending anything: the
 * operation, the table or index, the expressions with their placeholders, and the access paths that
 * were considered with their scores.
 *
 * <p>Its {@code toString()} redacts the values (it shows their placeholders only); {@link
 * #describe(boolean)} shows them when asked. Immutable and thread-safe.
 */
public interface QueryPlan {

    /**
     * The operation: {@link Operation#GET}, {@link Operation#QUERY} or {@link Operation#SCAN}.
     *
     * @return the operation
     */
    Operation operation();

    /**
     * The physical table name.
     *
     * @return the table name
     */
    String tableName();

    /**
     * The index read.
     *
     * @return the index name, or empty for the table itself
     */
    Optional<String> indexName();

    /**
     * The key condition expression of a Query (for a GetItem, the key equalities).
     *
     * @return the expression, or empty for a Scan
     */
    Optional<String> keyCondition();

    /**
     * The filter expression.
     *
     * @return the expression, or empty when nothing is filtered
     */
    Optional<String> filter();

    /**
     * The projection expression.
     *
     * @return the expression, or empty when whole items are read
     */
    Optional<String> projection();

    /**
     * The expression attribute names.
     *
     * @return placeholder to attribute name, in placeholder order
     */
    Map<String, String> expressionNames();

    /**
     * The expression attribute values, as bound for this query.
     *
     * @return placeholder to value, in placeholder order
     */
    Map<String, AttributeValue> expressionValues();

    /**
     * Whether reads are strongly consistent.
     *
     * @return true when consistent reads are requested
     */
    boolean consistentRead();

    /**
     * The direction over the sort key.
     *
     * @return the order
     */
    SortOrder order();

    /**
     * The candidate access paths (the table and each index), the chosen one first.
     *
     * @return the candidates with their scores or the reason they could not serve the query
     */
    List<Candidate> candidates();

    /**
     * Why the chosen path won, e.g. {@code "table: score 163 > by-total: 121"}.
     *
     * @return the reason
     */
    String reason();

    /**
     * The query modifiers applied, in the order they ran: those of plugins first, then the query's
     * own ({@link Query#with(dev.dynamorm.QueryModifier)}). Their conditions are part of {@link
     * #keyCondition()} and {@link #filter()}.
     *
     * @return the modifiers, empty by default
     */
    default List<Modifier> modifiers() {
        return List.of();
    }

    /**
     * A multi-line description of the plan.
     *
     * @param withValues true to show the bound values, false to redact them
     * @return the description
     */
    String describe(boolean withValues);

    /**
     * One access path that was considered.
     *
     * @param path {@code "table"} or the index name
     * @param kind {@code "table"}, {@code "gsi"} or {@code "lsi"}
     * @param score the score, or empty when the path cannot serve the query
     * @param chosen whether this path was chosen
     * @param note how the conditions bind the path's keys, or why the path cannot serve the query
     */
    record Candidate(String path, String kind, OptionalInt score, boolean chosen, String note) {
        /**
         * Checks for nulls.
         *
         * @throws NullPointerException if a component is null
         */
        public Candidate {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(score, "score");
            Objects.requireNonNull(note, "note");
        }

        @Override
        public String toString() {
            return path
                    + " ("
                    + kind
                    + "): "
                    + (score.isPresent() ? "score " + score.getAsInt() : "not usable")
                    + (chosen ? ", chosen" : "")
                    + " - "
                    + note;
        }
    }

    /**
     * One query modifier that was applied.
     *
     * @param name the modifier's {@link dev.dynamorm.QueryModifier#name()}
     * @param plugin the name of the plugin that registered it for the model, or empty for one given
     *     with {@link Query#with(dev.dynamorm.QueryModifier)}
     */
    record Modifier(String name, Optional<String> plugin) {
        /**
         * Checks for nulls.
         *
         * @throws NullPointerException if a component is null
         */
        public Modifier {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(plugin, "plugin");
        }

        @Override
        public String toString() {
            return plugin.map(p -> name + " (plugin " + p + ")").orElse(name);
        }
    }
}
