package dev.dynamorm.local.internal.engine;

import dev.dynamorm.local.internal.value.ItemSize;
import dev.dynamorm.local.internal.value.Value;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plausible consumed-capacity numbers: 1 WCU per started KB written, 1 RCU per started 4 KB read
 * (half if eventual).
 */
final class Capacity {
    private final String table;
    private double tableUnits;
    private final Map<String, Double> gsi = new LinkedHashMap<>();
    private final Map<String, Double> lsi = new LinkedHashMap<>();
    private boolean write;

    Capacity(String table) {
        this.table = table;
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
            boolean affected =
                    (oldItem != null && oldItem.containsKey(idx.key().hashName()))
                            || (newItem != null && newItem.containsKey(idx.key().hashName()));
            if (affected) {
                (idx.global() ? gsi : lsi).merge(idx.name(), units, Double::sum);
            }
        }
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
        cc.put("CapacityUnits", total);
        if (write) {
            cc.put("WriteCapacityUnits", total);
        } else {
            cc.put("ReadCapacityUnits", total);
        }
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

    private Map<String, Object> units(double v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("CapacityUnits", v);
        m.put(write ? "WriteCapacityUnits" : "ReadCapacityUnits", v);
        return m;
    }
}
