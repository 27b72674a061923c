package dev.dynamorm.engine.internal.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a condition that must all hold, collected while a write is prepared and joined with
 * AND. A part is either a term (a comparison or function, or several joined with AND), which needs
 * no parentheses among the others, or a group (a compiled user condition, or one with a top-level
 * OR), which gets them when it is not alone. A condition built here is never one parenthesised
 * group as a whole, so {@link Expression#and} may put it in parentheses without making them
 * redundant (DynamoDB refuses redundant parentheses). Not thread-safe: one per condition.
 */
public final class Conjunction {

    private final List<String> parts = new ArrayList<>(4);
    private final List<Boolean> grouped = new ArrayList<>(4);

    /** An empty conjunction. */
    public Conjunction() {}

    /**
     * Adds a part that needs no parentheses next to others.
     *
     * @param text a comparison or function, or several joined with AND
     * @return this
     */
    public Conjunction term(String text) {
        parts.add(text);
        grouped.add(false);
        return this;
    }

    /**
     * Adds a part that is put in parentheses when it is not alone.
     *
     * @param text a condition with a top-level OR, or a compiled user condition
     * @return this
     */
    public Conjunction group(String text) {
        parts.add(text);
        grouped.add(true);
        return this;
    }

    /**
     * Whether no part was added.
     *
     * @return true when the condition is empty
     */
    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /**
     * The condition text.
     *
     * @return the parts joined with AND, or null when there is none
     */
    public String text() {
        if (parts.isEmpty()) {
            return null;
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        StringBuilder out = new StringBuilder(64);
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                out.append(" AND ");
            }
            if (grouped.get(i)) {
                out.append('(').append(parts.get(i)).append(')');
            } else {
                out.append(parts.get(i));
            }
        }
        return out.toString();
    }
}
