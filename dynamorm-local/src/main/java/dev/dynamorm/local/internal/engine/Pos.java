package dev.dynamorm.local.internal.engine;

import dev.dynamorm.local.internal.value.KeyOrder;
import dev.dynamorm.local.internal.value.Value;
import java.util.Comparator;

/**
 * Position of an item inside a partition: (sort key, table hash key, table range key). Table
 * partitions use only the sort key; index partitions break ties on the table's primary key. {@link
 * #NONE} fills absent parts.
 */
record Pos(Value sort, Value tableHash, Value tableRange) {
    static final Value NONE = new Value.Null();
    static final Value MIN = new Value.Null();
    static final Value MAX = new Value.Null();

    static final Comparator<Pos> ORDER =
            (a, b) -> {
                int c = part(a.sort, b.sort);
                if (c != 0) {
                    return c;
                }
                c = part(a.tableHash, b.tableHash);
                return c != 0 ? c : part(a.tableRange, b.tableRange);
            };

    private static int part(Value a, Value b) {
        if (a == b) {
            return 0;
        }
        if (a == MIN || b == MAX) {
            return -1;
        }
        if (a == MAX || b == MIN) {
            return 1;
        }
        if (a == NONE || b == NONE) {
            return a == NONE ? -1 : 1;
        }
        return KeyOrder.INSTANCE.compare(a, b);
    }

    /** The one position of a hash-key-only table's item: shared rather than one per item. */
    private static final Pos HASH_ONLY = new Pos(NONE, NONE, NONE);

    static Pos table(Value range) {
        return range == null ? HASH_ONLY : new Pos(range, NONE, NONE);
    }
}
