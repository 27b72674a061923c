package dev.dynamorm.local.internal.engine;

import dev.dynamorm.local.internal.value.ItemSize;
import dev.dynamorm.local.internal.value.Value;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Consumed capacity in DynamoDB's shapes: 1 WCU per started KB written, 1 RCU per started 4 KB read
 * (half if eventual). Single-item, batch and query calls report only {@code CapacityUnits};
 * transactions add {@code ReadCapacityUnits} or {@code WriteCapacityUnits}, as DynamoDB does.
 * Secondary indexes are charged for a write only when the item is (or was) in them.
 */
final class Capacity {
    private final String table;
    private double tableUnits;
    private final Map<String, Double> gsi = new LinkedHashMap<>();
    private final Map<String, Double> lsi = new LinkedHashMap<>();
    private boolean write;
    private boolean transactional;

    Capacity(String table) {
        this.table = table;
    }

    /** A transaction's capacity: rendered with Read/WriteCapacityUnits beside CapacityUnits. */
    static Capacity transactional(String table) {
        Capacity c = new Capacity(table);
        c.transactional = true;
        return c;
    }

    static double writeUnits(Map<String, Value> oldItem, Map<String, Value> newItem) {
        long size =
                Math.max(
                        oldItem == null ? 0 : ItemSize.of(oldItem),
                        newItem == null ? 0 : ItemSize.of(newItem));
        return Math.max(1, (size + 1023) / 1024);
    }

    static double readUnits(long bytes, boolean consistent) {
        double units = Math.max(1, (bytes + 4095) / 4096);
        return consistent ? units : units / 2;
    }

    Capacity write(TableMeta meta, Map<String, Value> oldItem, Map<String, Value> newItem) {
        write = true;
        double units = writeUnits(oldItem, newItem);
        tableUnits += units;
        for (IndexDef idx : meta.indexes()) {
            double writes = indexWrites(idx, oldItem, newItem);
            if (writes > 0) {
                (idx.global() ? gsi : lsi).merge(idx.name(), writes * units, Double::sum);
            }
        }
        return this;
    }

    /**
     * Index entries written: none when the item is in the index neither before nor after, two when
     * its index key changed (delete plus put), else one.
     */
    private static int indexWrites(
            IndexDef idx, Map<String, Value> oldItem, Map<String, Value> newItem) {
        boolean before = inIndex(idx, oldItem);
        boolean after = inIndex(idx, newItem);
        if (!before && !after) {
            return 0;
        }
        if (before && after) {
            for (String k : idx.key().names()) {
                if (!oldItem.get(k).equals(newItem.get(k))) {
                    return 2;
                }
            }
        }
        return 1;
    }

    private static boolean inIndex(IndexDef idx, Map<String, Value> item) {
        if (item == null) {
            return false;
        }
        for (String k : idx.key().names()) {
            if (item.get(k) == null) {
                return false;
            }
        }
        return true;
    }

    /** Units of a transactional condition check, charged as a write as DynamoDB reports it. */
    Capacity check(double units) {
        write = true;
        tableUnits += units;
        return this;
    }

    Capacity read(double units, String indexName, boolean global) {
        if (indexName == null) {
            tableUnits += units;
        } else {
            (global ? gsi : lsi).merge(indexName, units, Double::sum);
        }
        return this;
    }

    /** Adds the ConsumedCapacity member to {@code out} when requested. */
    void addTo(Map<String, Object> out, String returnConsumedCapacity) {
        Map<String, Object> cc = render(returnConsumedCapacity);
        if (cc != null) {
            out.put("ConsumedCapacity", cc);
        }
    }

    Map<String, Object> render(String mode) {
        if (mode == null || mode.equals("NONE")) {
            return null;
        }
        double total = tableUnits;
        for (double d : gsi.values()) {
            total += d;
        }
        for (double d : lsi.values()) {
            total += d;
        }
        Map<String, Object> cc = new LinkedHashMap<>();
        cc.put("TableName", table);
        putUnits(cc, total);
        if (mode.equals("INDEXES")) {
            cc.put("Table", units(tableUnits));
            if (!gsi.isEmpty()) {
                Map<String, Object> m = new LinkedHashMap<>();
                gsi.forEach((k, v) -> m.put(k, units(v)));
                cc.put("GlobalSecondaryIndexes", m);
            }
            if (!lsi.isEmpty()) {
                Map<String, Object> m = new LinkedHashMap<>();
                lsi.forEach((k, v) -> m.put(k, units(v)));
                cc.put("LocalSecondaryIndexes", m);
            }
        }
        return cc;
    }

    private void putUnits(Map<String, Object> m, double v) {
        m.put("CapacityUnits", v);
        if (transactional) {
            m.put(write ? "WriteCapacityUnits" : "ReadCapacityUnits", v);
        }
    }

    private Map<String, Object> units(double v) {
        Map<String, Object> m = new LinkedHashMap<>();
        putUnits(m, v);
        return m;
    }
}
