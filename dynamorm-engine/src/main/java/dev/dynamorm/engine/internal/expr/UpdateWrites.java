package dev.dynamorm.engine.internal.expr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * What a compiled update expression writes and how its text is laid out, as the compiler knew it:
 * the top-level attributes its actions set, remove, add to or delete from; for each top-level
 * attribute set to one plain value the placeholder of that value; and its clauses (the actions of
 * its SET clause, which comes first, and the clauses after it). Hooks read it, and requests add SET
 * actions to it, instead of parsing the expression text. Immutable; equal when every part is.
 *
 * <p>Not a record: the {@link UpdateCompiler} hands over the set of changed attributes it built for
 * it rather than having it copied again (one per update request).
 */
public final class UpdateWrites {

    /** No writes: what hooks see of an update the engine did not compile. */
    public static final UpdateWrites NONE = new UpdateWrites(Set.of(), Map.of());

    private final Set<String> changed;
    private final Map<String, String> assigned;
    private final String set;
    private final String rest;

    /**
     * Copies both collections.
     *
     * @param changed the top-level attribute names the update writes or removes, in action order
     * @param assigned attribute name to the value placeholder ({@code :vK}) of each plain {@code
     *     SET #name = :value} action
     * @param set the actions of the SET clause without the keyword, e.g. {@code #n0 = :v0, #n1 =
     *     :v1}; empty (or null) when the update has no SET clause
     * @param rest the clauses after SET (REMOVE, ADD, DELETE) with their keywords; empty (or null)
     *     when none
     */
    public UpdateWrites(
            Set<String> changed, Map<String, String> assigned, String set, String rest) {
        this(set, rest, Collections.unmodifiableSet(new LinkedHashSet<>(changed)), copy(assigned));
    }

    /**
     * Takes the collections as they are: the caller made them for these writes alone and never
     * changes them again (the parameter order only tells this constructor apart from the copying
     * one).
     */
    private UpdateWrites(
            String set, String rest, Set<String> changed, Map<String, String> assigned) {
        this.changed = changed;
        this.assigned = assigned;
        this.set = set == null ? "" : set;
        this.rest = rest == null ? "" : rest;
    }

    private static Map<String, String> copy(Map<String, String> map) {
        return map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
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
     * The top-level attribute names the update writes or removes.
     *
     * @return the names, in action order
     */
    public Set<String> changed() {
        return changed;
    }

    /**
     * The plain top-level assignments.
     *
     * @return attribute name to the value placeholder of each plain {@code SET #name = :value}
     */
    public Map<String, String> assigned() {
        return assigned;
    }

    /**
     * The actions of the SET clause.
     *
     * @return the actions without the keyword; empty when the update has no SET clause
     */
    public String set() {
        return set;
    }

    /**
     * The clauses after SET.
     *
     * @return REMOVE, ADD and DELETE clauses with their keywords; empty when none
     */
    public String rest() {
        return rest;
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
        return new UpdateWrites(changed, assigned, set, rest(remove, add, delete));
    }

    /**
     * {@link #of} for the compiler: {@code changed} was built for these writes alone and is taken
     * as it is; {@code assigned} is copied (the compiler's clauses may still grow).
     */
    static UpdateWrites compiled(
            Set<String> changed,
            Map<String, String> assigned,
            String set,
            String remove,
            String add,
            String delete) {
        return new UpdateWrites(
                set,
                rest(remove, add, delete),
                changed.isEmpty() ? Set.of() : Collections.unmodifiableSet(changed),
                copy(assigned));
    }

    private static String rest(String remove, String add, String delete) {
        if (remove.isEmpty() && add.isEmpty() && delete.isEmpty()) {
            return "";
        }
        StringJoiner rest = new StringJoiner(" ");
        clause(rest, "REMOVE ", remove);
        clause(rest, "ADD ", add);
        clause(rest, "DELETE ", delete);
        return rest.toString();
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
                set.isEmpty() ? actions : actions + ", " + set, rest, changed, assigned);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UpdateWrites w
                && changed.equals(w.changed)
                && assigned.equals(w.assigned)
                && set.equals(w.set)
                && rest.equals(w.rest);
    }

    @Override
    public int hashCode() {
        return Objects.hash(changed, assigned, set, rest);
    }

    @Override
    public String toString() {
        return "UpdateWrites[changed="
                + changed
                + ", assigned="
                + assigned
                + ", set="
                + set
                + ", rest="
                + rest
                + "]";
    }
}
