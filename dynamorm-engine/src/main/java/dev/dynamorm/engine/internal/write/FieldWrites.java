package dev.dynamorm.engine.internal.write;

import dev.dynamorm.engine.internal.expr.UpdateWrites;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The attributes an update of whole fields (chosen fields, or the changes between two instances)
 * writes, collected while its SET and REMOVE clauses are built. One per update, not thread-safe.
 */
final class FieldWrites {

    final Set<String> changed = new LinkedHashSet<>();
    private final Map<String, String> assigned = new LinkedHashMap<>();

    /** Adds {@code name = value} to the SET clause and records the assignment. */
    void assign(StringJoiner set, String attributeName, String name, String value) {
        set.add(name + " = " + value);
        changed.add(attributeName);
        assigned.put(attributeName, value);
    }

    UpdateWrites toWrites() {
        return new UpdateWrites(changed, assigned);
    }
}
