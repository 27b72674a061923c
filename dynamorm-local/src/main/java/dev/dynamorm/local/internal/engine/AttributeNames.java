package dev.dynamorm.local.internal.engine;

import dev.dynamorm.local.internal.error.DynamoException;
import dev.dynamorm.local.internal.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * DynamoDB's limits on attribute names (top level and map keys at any depth: at most 65 535 bytes
 * of UTF-8) and on nesting (32 levels, the top-level attribute being the first). Checked on every
 * item before it is journaled, so whatever is stored can be replayed.
 */
final class AttributeNames {
    static final int MAX_BYTES = 65_535;

    /** Lists and maps inside one top-level attribute value: at most 31 (32 levels). */
    static final int MAX_CONTAINER_DEPTH = 31;

    private AttributeNames() {}

    static void check(Map<String, Value> item) {
        check(item, 0);
    }

    private static void check(Map<String, Value> item, int depth) {
        for (Map.Entry<String, Value> e : item.entrySet()) {
            String name = e.getKey();
            // a name of n chars has at most 3n UTF-8 bytes: only long names need counting
            if (name.length() * 3 > MAX_BYTES
                    && name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
                throw DynamoException.validation(
                        "1 validation error detected: Attribute name is too large, must be less"
                                + " than 65536 bytes");
            }
            check(e.getValue(), depth);
        }
    }

    private static void check(Value v, int depth) {
        if (!(v instanceof Value.M) && !(v instanceof Value.L)) {
            return;
        }
        if (depth + 1 > MAX_CONTAINER_DEPTH) {
            throw DynamoException.validation(
                    "Nesting Levels have exceeded supported limits: Attributes in the item have"
                            + " nested levels beyond supported limit");
        }
        if (v instanceof Value.M m) {
            check(m.v(), depth + 1);
        } else if (v instanceof Value.L l) {
            for (Value e : l.v()) {
                check(e, depth + 1);
            }
        }
    }
}
