package dev.dynamorm.local.internal.engine;

import java.util.Set;

/**
 * A key schema: hash attribute and optional range attribute, with their scalar types (S, N or B).
 */
public record KeyDef(String hashName, String hashType, String rangeName, String rangeType) {
    public boolean hasRange() {
        return rangeName != null;
    }

    public Set<String> names() {
        return rangeName == null ? Set.of(hashName) : Set.of(hashName, rangeName);
    }
}
