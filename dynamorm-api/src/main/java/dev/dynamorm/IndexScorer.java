package dev.dynamorm;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Scores the access paths (the table, each global and local secondary index) that could serve a
 * query; the highest score wins, and a tie goes to the table, then local indexes, then global
 * indexes in declaration order.
 *
 * <p>The engine only asks about paths that can serve the query correctly: their partition key is
 * bound with {@code =}, every condition on their keys fits a key condition, a global index projects
 * every attribute the query reads and is not read consistently. Paths that cannot serve the query
 * are never chosen, whatever a scorer says.
 *
 * <p>The default scorer gives 100 for the bound partition key, plus 50 for a sort key bound with
 * {@code =}, 30 for {@code BEGINS_WITH}, 20 for a range ({@code <}, {@code <=}, {@code >}, {@code
 * >=}, {@code BETWEEN}), plus 10 when the path holds every attribute the query reads, plus 2 for
 * the table and 1 for a local index. A scorer replaces it for every query when given to {@code
 * DynamORM.Builder.indexScorer(..)} or, without that, when found with {@link
 * java.util.ServiceLoader} (a {@code provides dev.dynamorm.IndexScorer} module or a {@code
 * META-INF/services} entry; the first by class name when several are found); a scorer given to
 * {@code Query.indexScorer(..)} replaces it for that query. {@link Candidate#defaultScore()} lets a
 * scorer adjust the default instead:
 *
 * <pre>{@code
 * IndexScorer avoidGsis = c -> c.global() ? OptionalInt.empty() : c.defaultScore();
 * }</pre>
 */
@FunctionalInterface
public interface IndexScorer {

    /**
     * Scores one candidate.
     *
     * @param candidate the access path and how the query's conditions bind its keys
     * @return the score, or empty when this candidate must not serve the query
     */
    OptionalInt score(Candidate candidate);

    /** An access path and how a query binds its keys. */
    interface Candidate {
        /**
         * The index name.
         *
         * @return the index name, or empty for the table itself
         */
        Optional<String> indexName();

        /**
         * Whether this is a global secondary index.
         *
         * @return true for a GSI
         */
        boolean global();

        /**
         * Whether this is a local secondary index.
         *
         * @return true for an LSI
         */
        default boolean local() {
            return indexName().isPresent() && !global();
        }

        /**
         * The Java name of the path's partition key field.
         *
         * @return the field name
         */
        String partitionKey();

        /**
         * The Java name of the path's sort key field.
         *
         * @return the field name, or empty when the path has no sort key
         */
        Optional<String> sortKey();

        /**
         * Whether the query binds the path's partition key with {@code =} (always true for the
         * candidates the engine asks about).
         *
         * @return true when bound
         */
        boolean partitionKeyBound();

        /**
         * The operator the query applies to the path's sort key in the key condition.
         *
         * @return the operator, or empty when the sort key is not constrained
         */
        Optional<Operator> sortKeyOperator();

        /**
         * Whether the path holds every attribute the query reads (selected fields and filter
         * fields), so no extra read of the table is needed.
         *
         * @return true when the projection covers the query
         */
        boolean coversProjection();

        /**
         * How many of the query's conditions remain filters on this path.
         *
         * @return the number of top-level filter conditions
         */
        int filterConditions();

        /**
         * The score the default scorer gives this candidate.
         *
         * @return the default score
         */
        OptionalInt defaultScore();
    }
}
