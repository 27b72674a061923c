package dev.dynamorm.local.internal.value;

import java.util.Set;

/**
 * A key schema: hash attribute and optional range attribute, with their scalar types (S, N or B).
 */
public record KeyDef(String hashName, String hashType, String rangeName, String rangeType) {
    /** Whether the schema has a range (sort) key. */
    public boolean hasRange() {
        return rangeName != null;
    }

    /** The key attribute names: the hash name, and the range name when there is one. */
    public Set<String> names() {
        return rangeName == null ? Set.of(hashName) : Set.of(hashName, rangeName);
    }
}
