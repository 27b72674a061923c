package dev.dynamorm.engine.internal.query;

import dev.dynamorm.IndexScorer;
import dev.dynamorm.Operator;
import java.util.OptionalInt;

/**
 * The default {@link IndexScorer}: a bound partition key is required; then a sort key bound with
 * {@code =} beats {@code BEGINS_WITH}, which beats a range; a path that holds every attribute the
 * query reads beats one that must fetch from the table; a tie goes to the table, then to a local
 * index.
 */
final class DefaultScorer implements IndexScorer {

    /** The shared instance. */
    static final DefaultScorer INSTANCE = new DefaultScorer();

    /** Points for a partition key bound with {@code =}. */
    static final int PARTITION_KEY = 100;

    /** Points for a sort key bound with {@code =}. */
    static final int SORT_EQ = 50;

    /** Points for a sort key bound with {@code BEGINS_WITH}. */
    static final int SORT_PREFIX = 30;

    /**
     * Points for a sort key bound with a range: {@code <}, {@code <=}, {@code >}, {@code >=},
     * {@code BETWEEN}.
     */
    static final int SORT_RANGE = 20;

    /**
     * Points for each further key field bound with {@code =} in a multi-attribute index key (every
     * partition field after the first, every leading sort field): the index that binds more of the
     * query wins over one that would filter it.
     */
    static final int KEY_FIELD = 5;

    /** Points for a path that projects every attribute the query reads. */
    static final int COVERS = 10;

    /** Tie-break points for the table. */
    static final int TABLE = 2;

    /** Tie-break points for a local index. */
    static final int LOCAL = 1;

    private DefaultScorer() {}

    @Override
    public OptionalInt score(Candidate c) {
        if (!c.partitionKeyBound()) {
            return OptionalInt.empty();
        }
        int score = PARTITION_KEY;
        if (c.sortKeyOperator().isPresent()) {
            Operator op = c.sortKeyOperator().get();
            score +=
                    op == Operator.EQ
                            ? SORT_EQ
                            : op == Operator.BEGINS_WITH ? SORT_PREFIX : SORT_RANGE;
        }
        if (c instanceof PathCandidate p) {
            score += KEY_FIELD * p.keyEqualities.size();
        }
        if (c.coversProjection()) {
            score += COVERS;
        }
        if (c.indexName().isEmpty()) {
            score += TABLE;
        } else if (!c.global()) {
            score += LOCAL;
        }
        return OptionalInt.of(score);
    }

    @Override
    public String toString() {
        return "DefaultScorer";
    }
}
