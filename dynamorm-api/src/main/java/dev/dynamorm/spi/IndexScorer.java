package dev.dynamorm.spi;

import dev.dynamorm.Operator;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Scores the access paths (the table, each global and local secondary index) that could serve a
 * query; the highest score wins. A user scorer replaces the default one.
 */
public interface IndexScorer {

    /**
     * Scores one candidate.
     *
     * @param candidate the access path and how the query's conditions bind its keys
     * @return the score, or empty when the candidate cannot serve the query
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
         * Whether the query binds the path's partition key with {@code =}.
         *
         * @return true when bound
         */
        boolean partitionKeyBound();

        /**
         * The operator the query applies to the path's sort key.
         *
         * @return the operator, or empty when the sort key is not constrained
         */
        Optional<Operator> sortKeyOperator();

        /**
         * Whether the path holds every attribute the query returns.
         *
         * @return true when the projection covers the query
         */
        boolean coversProjection();
    }
}
