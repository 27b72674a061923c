package dev.dynamorm.local.internal.engine;

import dev.dynamorm.local.internal.value.KeyDef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders TableDescription structures. */
final class Describer {
    private Describer() {}

    static Map<String, Object> table(Engine engine, Table t) {
        TableMeta m = t.meta();
        Map<String, Object> d = new LinkedHashMap<>();
        List<Object> defs = new ArrayList<>();
        m.attributeTypes().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(
                        e -> {
                            Map<String, Object> a = new LinkedHashMap<>();
                            a.put("AttributeName", e.getKey());
                            a.put("AttributeType", e.getValue());
                            defs.add(a);
                        });
        d.put("AttributeDefinitions", defs);
        d.put("TableName", m.name());
        d.put("KeySchema", keySchema(m.key()));
        d.put("TableStatus", "ACTIVE");
        d.put("CreationDateTime", BigDecimal.valueOf(m.createdMillis(), 3));
        d.put("ProvisionedThroughput", throughput(m.readCapacity(), m.writeCapacity()));
        d.put("TableSizeBytes", t.sizeBytes());
        d.put("ItemCount", t.itemCount());
        d.put("TableArn", engine.tableArn(m.name()));
        d.put("TableId", m.tableId());
        Map<String, Object> billing = new LinkedHashMap<>();
        billing.put("BillingMode", m.billingMode());
        if (m.billingMode().equals("PAY_PER_REQUEST")) {
            billing.put(
                    "LastUpdateToPayPerRequestDateTime", BigDecimal.valueOf(m.createdMillis(), 3));
        }
        d.put("BillingModeSummary", billing);
        List<Object> lsis = new ArrayList<>();
        List<Object> gsis = new ArrayList<>();
        for (IndexDef i : m.indexes()) {
            Map<String, Object> id = new LinkedHashMap<>();
            id.put("IndexName", i.name());
            id.put("KeySchema", keySchema(i.key()));
            Map<String, Object> proj = new LinkedHashMap<>();
            proj.put("ProjectionType", i.projection());
            if (!i.nonKeyAttributes().isEmpty()) {
                proj.put("NonKeyAttributes", new ArrayList<Object>(i.nonKeyAttributes()));
            }
            id.put("Projection", proj);
            if (i.global()) {
                id.put("IndexStatus", "ACTIVE");
                id.put("ProvisionedThroughput", throughput(i.readCapacity(), i.writeCapacity()));
            }
            id.put("IndexSizeBytes", t.indexSizeBytes(i.name()));
            id.put("ItemCount", t.indexItemCount(i.name()));
            id.put("IndexArn", engine.tableArn(m.name()) + "/index/" + i.name());
            (i.global() ? gsis : lsis).add(id);
        }
        if (!lsis.isEmpty()) {
            d.put("LocalSecondaryIndexes", lsis);
        }
        if (!gsis.isEmpty()) {
            d.put("GlobalSecondaryIndexes", gsis);
        }
        engine.streams().describe(m.name(), d);
        d.put("DeletionProtectionEnabled", m.deletionProtection());
        return d;
    }

    static List<Object> keySchema(KeyDef k) {
        List<Object> out = new ArrayList<>();
        k.hashParts().forEach(p -> out.add(Map.of("AttributeName", p.name(), "KeyType", "HASH")));
        k.rangeParts().forEach(p -> out.add(Map.of("AttributeName", p.name(), "KeyType", "RANGE")));
        return out;
    }

    private static Map<String, Object> throughput(long read, long write) {
        Map<String, Object> pt = new LinkedHashMap<>();
        pt.put("NumberOfDecreasesToday", 0);
        pt.put("ReadCapacityUnits", read);
        pt.put("WriteCapacityUnits", write);
        return pt;
    }
}
