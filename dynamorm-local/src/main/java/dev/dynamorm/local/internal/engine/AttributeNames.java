package dev.dynamorm.local.internal.engine;

import dev.dynamorm.local.internal.error.DynamoException;
import dev.dynamorm.local.internal.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * DynamoDB's limit on attribute names (top level and map keys at any depth): at most 65 535 bytes
 * of UTF-8. Checked on every item before it is journaled, so whatever is stored can be replayed.
 */
final class AttributeNames {
    static final int MAX_BYTES = 65_535;

    private AttributeNames() {}

    static void check(Map<String, Value> item) {
        for (Map.Entry<String, Value> e : item.entrySet()) {
            String name = e.getKey();
            // a name of n chars has at most 3n UTF-8 bytes: only long names need counting
            if (name.length() * 3 > MAX_BYTES
                    && name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
                throw DynamoException.validation(
                        "1 validation error detected: Attribute name is too large, must be less"
                                + " than 65536 bytes");
            }
            check(e.getValue());
        }
    }

    private static void check(Value v) {
        if (v instanceof Value.M m) {
            check(m.v());
        } else if (v instanceof Value.L l) {
            for (Value e : l.v()) {
                check(e);
            }
        }
    }
}
