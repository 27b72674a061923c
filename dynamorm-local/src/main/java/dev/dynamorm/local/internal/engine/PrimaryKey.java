package dev.dynamorm.local.internal.engine;

import dev.dynamorm.local.internal.value.KeyDef;
import dev.dynamorm.local.internal.value.Value;
import java.util.LinkedHashMap;
import java.util.Map;

/** A table primary key; {@code range} is null for hash-only tables. */
public record PrimaryKey(Value hash, Value range) {
    Map<String, Value> toItem(KeyDef key) {
        Map<String, Value> m = new LinkedHashMap<>();
        m.put(key.hashName(), hash);
        if (range != null) {
            m.put(key.rangeName(), range);
        }
        return m;
    }
}
