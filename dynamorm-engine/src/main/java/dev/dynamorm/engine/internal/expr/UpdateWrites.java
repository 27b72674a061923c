package dev.dynamorm.engine.internal.expr;

import java.util.Map;
import java.util.Set;

/**
 * What a compiled update expression writes, as the compiler knew it: the top-level attributes its
 * actions set, remove, add to or delete from, and for each top-level attribute set to one plain
 * value the placeholder of that value. Hooks read it instead of parsing the expression text.
 *
 * @param changed the top-level attribute names the update writes or removes, in action order
 * @param assigned attribute name to the value placeholder ({@code :vK}) of each plain {@code SET
 *     #name = :value} action
 */
public record UpdateWrites(Set<String> changed, Map<String, String> assigned) {

    /** No writes: what hooks see of an update the engine did not compile. */
    public static final UpdateWrites NONE = new UpdateWrites(Set.of(), Map.of());

    /**
     * Copies both collections.
     *
     * @param changed the top-level attribute names the update writes or removes
     * @param assigned attribute name to value placeholder of plain assignments
     */
    public UpdateWrites {
        changed = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(changed));
        assigned = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(assigned));
    }
}
