package dev.dynamorm.local.internal.engine;

import dev.dynamorm.local.internal.error.DynamoException;
import dev.dynamorm.local.internal.value.ItemSize;
import dev.dynamorm.local.internal.value.Value;
import dev.dynamorm.local.internal.wire.AttributeCodec;
import dev.dynamorm.local.internal.wire.Request;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ItemCollectionMetrics: DynamoDB returns them only for tables with local secondary indexes, as the
 * item collection key and a size range in GB (the table's items of that partition key plus what the
 * local indexes project of them), bounded by whole gigabytes as the service reports it.
 */
final class ItemCollections {
    private static final double GB = 1024.0 * 1024 * 1024;

    private ItemCollections() {}

    /** Whether the request asks for metrics; refuses values outside DynamoDB's enum. */
    static boolean requested(Request r) {
        String mode = r.string("ReturnItemCollectionMetrics", "NONE");
        if (!mode.equals("NONE") && !mode.equals("SIZE")) {
            throw DynamoException.validation(
                    "1 validation error detected: Value '"
                            + mode
                            + "' at 'returnItemCollectionMetrics' failed to satisfy constraint: Member must satisfy enum value set: [SIZE, NONE]");
        }
        return mode.equals("SIZE");
    }

    /**
     * The metrics for the collection of {@code hash} in {@code t}, or null when the table has no
     * local secondary index. Call under the table's lock.
     */
    static Map<String, Object> of(Table t, Value hash) {
        TableMeta meta = t.meta();
        List<IndexDef> local = meta.indexes().stream().filter(i -> !i.global()).toList();
        if (local.isEmpty()) {
            return null;
        }
        long bytes = 0;
        var part = t.items.data.get(PartKey.of(hash));
        if (part != null) {
            for (Map<String, Value> item : part.values()) {
                bytes += ItemSize.of(item);
                for (IndexDef i : local) {
                    if (item.keySet().containsAll(i.key().names())) {
                        bytes += ItemSize.of(ReadOps.indexProjection(meta, i, item));
                    }
                }
            }
        }
        double low = Math.floor(bytes / GB);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ItemCollectionKey", AttributeCodec.json(Map.of(meta.key().hashName(), hash)));
        out.put("SizeEstimateRangeGB", List.of(low, low + 1));
        return out;
    }
}
