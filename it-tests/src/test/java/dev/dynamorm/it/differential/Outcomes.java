package dev.dynamorm.it.differential;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Normalises responses before comparison: drops what DynamoDB leaves implementation-defined or
 * run-specific (consumed capacity, ARNs, ids, timestamps, sizes, request ids) and sorts what it
 * leaves unordered (set members, Scan and BatchGetItem results).
 */
final class Outcomes {
    /** Members ignored wherever they appear. */
    private static final Set<String> IGNORED =
            Set.of(
                    "ConsumedCapacity",
                    "ItemCollectionMetrics",
                    "CreationDateTime",
                    "TableArn",
                    "TableId",
                    "IndexArn",
                    "LatestStreamArn",
                    "LatestStreamLabel",
                    "TableSizeBytes",
                    "IndexSizeBytes",
                    "LastUpdateToPayPerRequestDateTime",
                    "LastIncreaseDateTime",
                    "LastDecreaseDateTime",
                    "WarmThroughput",
                    "TableClassSummary",
                    "SSEDescription",
                    "OnDemandThroughput",
                    "StreamSpecification",
                    "DeletionProtectionEnabled");

    private Outcomes() {}

    @SuppressWarnings("unchecked")
    static Object normalize(String operation, Object tree, Predicate<String> ownTable) {
        Object n = strip(tree);
        if (n instanceof Map<?, ?> m) {
            Map<String, Object> out = (Map<String, Object>) m;
            if (operation.equals("Scan") && out.get("Items") instanceof List<?> items) {
                out.put("Items", sorted(items));
            }
            if (operation.equals("BatchGetItem")
                    && out.get("Responses") instanceof Map<?, ?> responses) {
                Map<String, Object> r = new LinkedHashMap<>();
                ((Map<String, Object>) responses).forEach((k, v) -> r.put(k, sorted((List<?>) v)));
                out.put("Responses", r);
            }
            if (operation.equals("BatchGetItem") || operation.equals("BatchWriteItem")) {
                for (String key : List.of("UnprocessedKeys", "UnprocessedItems")) {
                    if (out.get(key) instanceof Map<?, ?> u && u.isEmpty()) {
                        out.remove(key);
                    }
                }
            }
            if (operation.equals("ListTables") && out.get("TableNames") instanceof List<?> names) {
                List<Object> own = new ArrayList<>();
                for (Object o : names) {
                    if (ownTable.test((String) o)) {
                        own.add(o);
                    }
                }
                out.put("TableNames", own);
                if (out.get("LastEvaluatedTableName") instanceof String last
                        && !ownTable.test(last)) {
                    out.remove("LastEvaluatedTableName");
                }
            }
            if (out.get("Table") instanceof Map<?, ?>
                    || out.get("TableDescription") instanceof Map<?, ?>) {
                Map<String, Object> d =
                        (Map<String, Object>)
                                (out.get("Table") != null
                                        ? out.get("Table")
                                        : out.get("TableDescription"));
                for (String key :
                        List.of(
                                "GlobalSecondaryIndexes",
                                "LocalSecondaryIndexes",
                                "AttributeDefinitions")) {
                    if (d.get(key) instanceof List<?> l) {
                        if (!key.equals("AttributeDefinitions")) {
                            // DynamoDB refreshes index item counts about every six hours: not
                            // comparable
                            l.forEach(index -> ((Map<String, Object>) index).remove("ItemCount"));
                        }
                        d.put(key, sorted(l));
                    }
                }
            }
        }
        return n;
    }

    @SuppressWarnings("unchecked")
    private static Object strip(Object tree) {
        if (tree instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                if (IGNORED.contains(e.getKey())) {
                    continue;
                }
                Object v = strip(e.getValue());
                if ((e.getKey().equals("SS") || e.getKey().equals("NS") || e.getKey().equals("BS"))
                        && v instanceof List<?> l) {
                    v = sorted(l);
                }
                out.put(e.getKey(), v);
            }
            return out;
        }
        if (tree instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                out.add(strip(o));
            }
            return out;
        }
        return tree;
    }

    private static List<Object> sorted(List<?> l) {
        List<Object> out = new ArrayList<>(l);
        out.sort(Comparator.comparing(JsonTree::canonical));
        return out;
    }
}
