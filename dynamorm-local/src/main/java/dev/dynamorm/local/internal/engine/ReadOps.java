package dev.dynamorm.local.internal.engine;

import dev.dynamorm.local.internal.error.DynamoException;
import dev.dynamorm.local.internal.expr.Bindings;
import dev.dynamorm.local.internal.expr.Condition;
import dev.dynamorm.local.internal.expr.Documents;
import dev.dynamorm.local.internal.expr.Evaluator;
import dev.dynamorm.local.internal.expr.KeyCondition;
import dev.dynamorm.local.internal.expr.Legacy;
import dev.dynamorm.local.internal.expr.LegacyKeys;
import dev.dynamorm.local.internal.expr.Parser;
import dev.dynamorm.local.internal.value.ItemSize;
import dev.dynamorm.local.internal.value.KeyDef;
import dev.dynamorm.local.internal.value.Value;
import dev.dynamorm.local.internal.wire.AttributeCodec;
import dev.dynamorm.local.internal.wire.Request;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Query and Scan over tables and secondary indexes. */
final class ReadOps {
    static final long PAGE_BYTES = 1024 * 1024;

    private final Engine engine;

    ReadOps(Engine engine) {
        this.engine = engine;
    }

    /** Everything shared between Query and Scan after validation. */
    private static final class Plan {
        Table table;
        IndexDef index;
        Bindings bindings;
        Condition filter;
        List<List<Object>> projection;
        String select;
        Integer limit;
        boolean consistent;
        Map<String, Value> exclusiveStart;
        final List<Object> items = new ArrayList<>();
        int count;
        int scanned;
        long bytes;
        Map<String, Value> lastKey;
        Legacy legacy;
        Condition legacyFilter;
    }

    private Plan plan(Request r, boolean query) {
        Plan p = new Plan();
        p.table = engine.table(r.requiredString("TableName"));
        TableMeta meta = p.table.meta();
        String indexName = r.string("IndexName");
        if (indexName != null) {
            p.index = meta.index(indexName);
            if (p.index == null) {
                throw DynamoException.validation(
                        "The table does not have the specified index: " + indexName);
            }
        }
        p.consistent = r.bool("ConsistentRead");
        if (p.consistent && p.index != null && p.index.global()) {
            throw DynamoException.validation(
                    "Consistent reads are not supported on global secondary indexes");
        }
        p.limit = r.integer("Limit");
        if (p.limit != null && p.limit < 1) {
            throw DynamoException.validation(
                    "1 validation error detected: Value '"
                            + p.limit
                            + "' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }
        String operation = query ? "Query" : "Scan";
        LegacyParameters.checkNotMixed(r, operation);
        if (query) {
            Engine.expressionParameters(
                    r, "ProjectionExpression", "FilterExpression", "KeyConditionExpression");
        } else {
            Engine.expressionParameters(r, "ProjectionExpression", "FilterExpression");
        }
        if (LegacyParameters.used(r, operation)) {
            p.legacy = new Legacy();
            p.legacyFilter =
                    p.legacy.filter(
                            r.map(query ? "QueryFilter" : "ScanFilter"),
                            r.string("ConditionalOperator"),
                            query ? "QueryFilter" : "ScanFilter");
            p.bindings = p.legacy.bindings();
        } else {
            p.bindings = Engine.bindings(r);
        }
        return p;
    }

    private void finishPlan(Plan p, Request r, boolean query) {
        String filterText = r.string("FilterExpression");
        if (p.legacy != null) {
            p.filter = p.legacyFilter;
            p.bindings = p.legacy.bindings();
        } else if (filterText != null) {
            p.filter = p.bindings.use(Parser.condition(filterText, "FilterExpression"));
            dev.dynamorm.local.internal.expr.StaticChecks.condition(
                    p.filter, p.bindings, "FilterExpression");
        }
        p.projection = ItemOps.projection(r, p.bindings);
        p.bindings.checkAllUsed();
        String select = r.string("Select");
        if (select == null) {
            select =
                    p.projection != null
                            ? "SPECIFIC_ATTRIBUTES"
                            : p.index != null ? "ALL_PROJECTED_ATTRIBUTES" : "ALL_ATTRIBUTES";
        }
        switch (select) {
            case "SPECIFIC_ATTRIBUTES" -> {
                if (p.projection == null) {
                    throw DynamoException.validation(
                            "1 validation error detected: Must specify the AttributesToGet or ProjectionExpression"
                                    + " when choosing to get SPECIFIC_ATTRIBUTES");
                }
            }
            case "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "COUNT" -> {
                if (p.projection != null) {
                    throw DynamoException.validation(
                            "Cannot specify the "
                                    + (r.has("AttributesToGet")
                                            ? "AttributesToGet"
                                            : "ProjectionExpression")
                                    + " when choosing to get "
                                    + (select.equals("COUNT") ? "only the Count" : select));
                }
                if (select.equals("ALL_PROJECTED_ATTRIBUTES") && p.index == null) {
                    throw DynamoException.validation(
                            "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
                }
                if (select.equals("ALL_ATTRIBUTES")
                        && p.index != null
                        && p.index.global()
                        && !p.index.projection().equals("ALL")) {
                    throw DynamoException.validation(
                            "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index "
                                    + p.index.name()
                                    + " because its projection type is not ALL");
                }
            }
            default ->
                    throw DynamoException.validation(
                            "1 validation error detected: Value '"
                                    + select
                                    + "' at 'select' failed to satisfy constraint: Member must satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]");
        }
        p.select = select;
        if (r.has("ExclusiveStartKey")) {
            p.exclusiveStart = AttributeCodec.item(r.map("ExclusiveStartKey"));
            validateStartKey(p, query);
        }
    }

    private static void validateStartKey(Plan p, boolean query) {
        TableMeta meta = p.table.meta();
        List<String> expected = new ArrayList<>(meta.key().names());
        if (p.index != null) {
            for (String n : p.index.key().names()) {
                if (!expected.contains(n)) {
                    expected.add(n);
                }
            }
        }
        Map<String, Value> k = p.exclusiveStart;
        boolean present = k.size() == expected.size();
        for (String n : expected) {
            present &= k.get(n) != null;
        }
        if (!present) {
            throw DynamoException.validation(
                    query || p.index != null
                            ? "The provided starting key is invalid"
                            : "The provided starting key is invalid: The provided key element does not match the schema");
        }
        boolean ok = true;
        for (String n : expected) {
            ok &= k.get(n).type().equals(meta.attributeTypes().get(n));
        }
        if (!ok) {
            throw DynamoException.validation(
                    "The provided starting key is invalid: The provided key element does not match the schema");
        }
    }

    Map<String, Object> query(Request r) {
        Plan p = plan(r, true);
        String kc = r.string("KeyConditionExpression");
        Map<String, Object> legacyKeys = r.map("KeyConditions");
        if (kc == null && (legacyKeys == null || legacyKeys.isEmpty())) {
            throw DynamoException.validation(
                    "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        KeyDef keyDef = p.index != null ? p.index.key() : p.table.meta().key();
        KeyCondition key;
        if (kc == null) {
            key = LegacyKeys.analyze(p.legacy, legacyKeys, keyDef);
        } else {
            dev.dynamorm.local.internal.expr.Condition keyCond =
                    p.bindings.use(Parser.condition(kc, "KeyConditionExpression"));
            dev.dynamorm.local.internal.expr.StaticChecks.condition(
                    keyCond, p.bindings, "KeyConditionExpression");
            key = KeyCondition.analyze(keyCond, p.bindings, keyDef);
        }
        finishPlan(p, r, true);
        if (p.filter != null) {
            checkFilterKeys(p, keyDef, p.legacy != null ? "QueryFilter" : "Filter Expression");
        }
        boolean forward = !r.has("ScanIndexForward") || r.bool("ScanIndexForward");
        p.table.lock.readLock().lock();
        try {
            Partitions source =
                    p.index == null ? p.table.items : p.table.indexes.get(p.index.name());
            ConcurrentSkipListMap<Pos, Map<String, Value>> part =
                    source.data.get(PartKey.of(key.hash()));
            if (part != null) {
                NavigableMap<Pos, Map<String, Value>> view = range(part, key);
                if (!forward) {
                    view = view.descendingMap();
                }
                if (p.exclusiveStart != null) {
                    view = view.tailMap(startPos(p), false);
                }
                for (Map.Entry<Pos, Map<String, Value>> e : view.entrySet()) {
                    if (key.testsEachItem() && !key.matchesSort(e.getKey().sort())) {
                        continue;
                    }
                    if (!visit(p, e.getValue())) {
                        break;
                    }
                }
            }
        } finally {
            p.table.lock.readLock().unlock();
        }
        return respond(p, r);
    }

    private static void checkFilterKeys(Plan p, KeyDef keyDef, String parameter) {
        List<String> keys = new ArrayList<>(keyDef.names());
        for (String k : keys) {
            if (KeyCondition.topLevelNames(p.filter, p.bindings).contains(k)) {
                throw DynamoException.validation(
                        parameter
                                + " can only contain non-primary key attributes: Primary key attribute: "
                                + k);
            }
        }
    }

    private static NavigableMap<Pos, Map<String, Value>> range(
            ConcurrentSkipListMap<Pos, Map<String, Value>> part, KeyCondition key) {
        if (key.composite()) {
            // matchesSort tests each item: a composite sort value holds the prefix and the bound
            return part;
        }
        Value a = key.low();
        Value b = key.high();
        return switch (key.op()) {
            case NONE -> part;
            case EQ ->
                    part.subMap(
                            new Pos(a, Pos.MIN, Pos.MIN), true, new Pos(a, Pos.MAX, Pos.MAX), true);
            case LT -> part.headMap(new Pos(a, Pos.MIN, Pos.MIN), false);
            case LE -> part.headMap(new Pos(a, Pos.MAX, Pos.MAX), true);
            case GT -> part.tailMap(new Pos(a, Pos.MAX, Pos.MAX), false);
            case GE, BEGINS_WITH -> part.tailMap(new Pos(a, Pos.MIN, Pos.MIN), true);
            case BETWEEN ->
                    part.subMap(
                            new Pos(a, Pos.MIN, Pos.MIN), true, new Pos(b, Pos.MAX, Pos.MAX), true);
            default -> throw new IllegalStateException(key.op().name());
        };
    }

    private static Pos startPos(Plan p) {
        KeyDef tk = p.table.meta().key();
        Map<String, Value> s = p.exclusiveStart;
        if (p.index == null) {
            return Pos.table(tk.hasRange() ? s.get(tk.rangeName()) : null);
        }
        Value sort = p.index.key().hasRange() ? p.index.key().rangeValue(s) : Pos.NONE;
        return new Pos(
                sort, s.get(tk.hashName()), tk.hasRange() ? s.get(tk.rangeName()) : Pos.NONE);
    }

    /** Evaluates one stored item; returns false when the page is full. */
    private static boolean visit(Plan p, Map<String, Value> stored) {
        p.scanned++;
        Map<String, Value> visible =
                p.index != null && p.index.global()
                        ? indexProjection(p.table.meta(), p.index, stored)
                        : stored;
        p.bytes += ItemSize.of(visible);
        if (p.filter == null || new Evaluator(p.bindings).test(p.filter, visible)) {
            p.count++;
            if (!p.select.equals("COUNT")) {
                Map<String, Value> shown;
                if (p.projection != null) {
                    shown = Documents.project(visible, p.projection);
                } else if (p.select.equals("ALL_PROJECTED_ATTRIBUTES")) {
                    shown = indexProjection(p.table.meta(), p.index, stored);
                } else {
                    shown = visible;
                }
                p.items.add(AttributeCodec.json(shown));
            }
        }
        if ((p.limit != null && p.scanned >= p.limit) || p.bytes >= PAGE_BYTES) {
            p.lastKey = lastKey(p, stored);
            return false;
        }
        return true;
    }

    static Map<String, Value> indexProjection(
            TableMeta meta, IndexDef index, Map<String, Value> item) {
        if (index.projection().equals("ALL")) {
            return item;
        }
        Map<String, Value> out = new LinkedHashMap<>();
        for (Map.Entry<String, Value> e : item.entrySet()) {
            String n = e.getKey();
            if (meta.key().names().contains(n)
                    || index.key().names().contains(n)
                    || (index.projection().equals("INCLUDE")
                            && index.nonKeyAttributes().contains(n))) {
                out.put(n, e.getValue());
            }
        }
        return out;
    }

    private static Map<String, Value> lastKey(Plan p, Map<String, Value> item) {
        Map<String, Value> k = new LinkedHashMap<>();
        for (String n : p.table.meta().key().names()) {
            k.put(n, item.get(n));
        }
        if (p.index != null) {
            for (String n : p.index.key().names()) {
                k.put(n, item.get(n));
            }
        }
        return k;
    }

    private static Map<String, Object> respond(Plan p, Request r) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!p.select.equals("COUNT")) {
            out.put("Items", p.items);
        }
        out.put("Count", p.count);
        out.put("ScannedCount", p.scanned);
        if (p.lastKey != null) {
            out.put("LastEvaluatedKey", AttributeCodec.json(p.lastKey));
        }
        new Capacity(p.table.meta().name())
                .read(
                        Capacity.readUnits(p.bytes, p.consistent),
                        p.index == null ? null : p.index.name(),
                        p.index != null && p.index.global())
                .addTo(out, r.string("ReturnConsumedCapacity"));
        return out;
    }

    Map<String, Object> scan(Request r) {
        Plan p = plan(r, false);
        Integer segment = r.integer("Segment");
        Integer total = r.integer("TotalSegments");
        if (segment != null && total == null) {
            throw DynamoException.validation(
                    "The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
        }
        if (total != null && segment == null) {
            throw DynamoException.validation(
                    "The Segment parameter is required but was not present in the request when parameter TotalSegments is present");
        }
        if (total != null) {
            if (total < 1 || total > 1000000) {
                throw DynamoException.validation(
                        "1 validation error detected: Value '"
                                + total
                                + "' at 'totalSegments' failed to satisfy constraint: Member must have value "
                                + (total < 1
                                        ? "greater than or equal to 1"
                                        : "less than or equal to 1000000"));
            }
            if (segment < 0 || segment >= total) {
                throw DynamoException.validation(
                        "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: "
                                + segment
                                + " is not less than TotalSegments: "
                                + total);
            }
        }
        finishPlan(p, r, false);
        p.table.lock.readLock().lock();
        try {
            Partitions source =
                    p.index == null ? p.table.items : p.table.indexes.get(p.index.name());
            NavigableMap<PartKey, ConcurrentSkipListMap<Pos, Map<String, Value>>> parts =
                    source.data;
            boolean more = true;
            if (p.exclusiveStart != null) {
                Value hash =
                        p.index == null
                                ? p.exclusiveStart.get(p.table.meta().key().hashName())
                                : p.index.key().hashValue(p.exclusiveStart);
                PartKey pk = PartKey.of(hash);
                ConcurrentSkipListMap<Pos, Map<String, Value>> first = parts.get(pk);
                if (first != null && inSegment(pk, segment, total)) {
                    for (Map<String, Value> item : first.tailMap(startPos(p), false).values()) {
                        if (!visit(p, item)) {
                            more = false;
                            break;
                        }
                    }
                }
                parts = parts.tailMap(pk, false);
            }
            if (more) {
                outer:
                for (Map.Entry<PartKey, ConcurrentSkipListMap<Pos, Map<String, Value>>> e :
                        parts.entrySet()) {
                    if (!inSegment(e.getKey(), segment, total)) {
                        continue;
                    }
                    for (Map<String, Value> item : e.getValue().values()) {
                        if (!visit(p, item)) {
                            break outer;
                        }
                    }
                }
            }
        } finally {
            p.table.lock.readLock().unlock();
        }
        return respond(p, r);
    }

    private static boolean inSegment(PartKey pk, Integer segment, Integer total) {
        return total == null || pk.segment(total) == segment;
    }
}
