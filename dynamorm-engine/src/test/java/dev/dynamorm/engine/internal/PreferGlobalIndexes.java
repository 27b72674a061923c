package dev.dynamorm.engine.internal;

import dev.dynamorm.IndexScorer;
import java.util.OptionalInt;

/**
 * A user scorer that prefers any usable global index over the table, found by {@link
 * GlobalIndexScorerTest} through {@link java.util.ServiceLoader}.
 */
public final class PreferGlobalIndexes implements IndexScorer {

    /** Creates the scorer (called by the service loader). */
    public PreferGlobalIndexes() {}

    @Override
    public OptionalInt score(Candidate candidate) {
        return candidate.global() ? OptionalInt.of(1_000) : candidate.defaultScore();
    }
}
