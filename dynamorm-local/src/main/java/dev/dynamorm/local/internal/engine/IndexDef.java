package dev.dynamorm.local.internal.engine;

import dev.dynamorm.local.internal.value.KeyDef;
import java.util.List;

/** A secondary index definition. {@code projection} is KEYS_ONLY, INCLUDE or ALL. */
public record IndexDef(
        String name,
        boolean global,
        KeyDef key,
        String projection,
        List<String> nonKeyAttributes,
        long readCapacity,
        long writeCapacity) {
    public IndexDef {
        nonKeyAttributes = nonKeyAttributes == null ? List.of() : List.copyOf(nonKeyAttributes);
    }
}
