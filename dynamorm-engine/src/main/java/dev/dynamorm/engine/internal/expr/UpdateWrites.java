package dev.dynamorm.engine.internal.expr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * What a compiled update expression writes and how its text is laid out, as the compiler knew it:
 * the top-level attributes its actions set, remove, add to or delete from; for each top-level
 * attribute set to one plain value the placeholder of that value; and its clauses (the actions of
 * its SET clause, which comes first, and the clauses after it). Hooks read it, and requests add SET
 * actions to it, instead of parsing the expression text.
 *
 * @param changed the top-level attribute names the update writes or removes, in action order
 * @param assigned attribute name to the value placeholder ({@code :vK}) of each plain {@code SET
 *     #name = :value} action
 * @param set the actions of the SET clause without the keyword, e.g. {@code #n0 = :v0, #n1 = :v1};
 *     empty when the update has no SET clause
 * @param rest the clauses after SET (REMOVE, ADD, DELETE) with their keywords; empty when none
 */
public record UpdateWrites(
        Set<String> changed, Map<String, String> assigned, String set, String rest) {

    /** No writes: what hooks see of an update the engine did not compile. */
    public static final UpdateWrites NONE = new UpdateWrites(Set.of(), Map.of());

    /**
     * Copies both collections.
     *
     * @param changed the top-level attribute names the update writes or removes
     * @param assigned attribute name to value placeholder of plain assignments
     * @param set the actions of the SET clause, or empty
     * @param rest the clauses after SET, or empty
     */
    public UpdateWrites {
        changed = Collections.unmodifiableSet(new LinkedHashSet<>(changed));
        assigned = Collections.unmodifiableMap(new LinkedHashMap<>(assigned));
        set = set == null ? "" : set;
        rest = rest == null ? "" : rest;
    }

    /**
     * Writes without clauses (for hooks that only read what an update writes).
     *
     * @param changed the top-level attribute names the update writes or removes
     * @param assigned attribute name to value placeholder of plain assignments
     */
    public UpdateWrites(Set<String> changed, Map<String, String> assigned) {
        this(changed, assigned, "", "");
    }

    /**
     * Lays out the clauses of an update in the order the engine renders them: SET, REMOVE, ADD,
     * DELETE; each argument is the actions of one clause without its keyword, empty when absent.
     *
     * @param changed the top-level attribute names the update writes or removes
     * @param assigned attribute name to value placeholder of plain assignments
     * @param set the SET actions
     * @param remove the REMOVE actions
     * @param add the ADD actions
     * @param delete the DELETE actions
     * @return the writes with their clauses
     */
    public static UpdateWrites of(
            Set<String> changed,
            Map<String, String> assigned,
            String set,
            String remove,
            String add,
            String delete) {
        StringJoiner rest = new StringJoiner(" ");
        clause(rest, "REMOVE ", remove);
        clause(rest, "ADD ", add);
        clause(rest, "DELETE ", delete);
        return new UpdateWrites(changed, assigned, set, rest.toString());
    }

    private static void clause(StringJoiner out, String keyword, String actions) {
        if (!actions.isEmpty()) {
            out.add(keyword + actions);
        }
    }

    /**
     * The update expression text of these clauses.
     *
     * @return {@code SET <set> <rest>} (either part left out when empty), or empty when no clause
     */
    public String text() {
        if (set.isEmpty()) {
            return rest;
        }
        return rest.isEmpty() ? "SET " + set : "SET " + set + " " + rest;
    }

    /**
     * These writes with more SET actions in front of the SET clause (an expression holds each
     * clause once), the attributes they write not recorded (what the engine compiled is unchanged).
     *
     * @param actions the SET actions to add, e.g. {@code #hs0 = :hs0}
     * @return the writes with the actions added
     */
    public UpdateWrites withLeadingSets(String actions) {
        return new UpdateWrites(
                changed, assigned, set.isEmpty() ? actions : actions + ", " + set, rest);
    }
}
