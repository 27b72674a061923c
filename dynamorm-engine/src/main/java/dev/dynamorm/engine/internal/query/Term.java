package dev.dynamorm.engine.internal.query;

import dev.dynamorm.Condition;
import java.util.Objects;

/**
 * One AND-ed part of a query's conditions.
 *
 * @param condition a leaf (comparison, size, attribute type) or a group (OR, NOT, nested AND)
 * @param filterOnly true when added with {@code filter(..)}: never a key condition
 */
public record Term(Condition condition, boolean filterOnly) {

    /** Checks for null. */
    public Term {
        Objects.requireNonNull(condition, "condition");
    }
}
