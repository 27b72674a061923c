package dev.dynamorm.local.internal.engine;

import dev.dynamorm.local.internal.error.DynamoException;
import dev.dynamorm.local.internal.expr.Bindings;
import dev.dynamorm.local.internal.expr.Documents;
import dev.dynamorm.local.internal.value.ItemSize;
import dev.dynamorm.local.internal.value.Value;
import dev.dynamorm.local.internal.wire.AttributeCodec;
import dev.dynamorm.local.internal.wire.Request;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** BatchGetItem and BatchWriteItem. */
final class BatchOps {
    private static final long RESPONSE_LIMIT = 16L * 1024 * 1024;

    private final Engine engine;

    BatchOps(Engine engine) {
        this.engine = engine;
    }

    private static Map<String, Object> requestItems(Request r, String operation) {
        Map<String, Object> items = r.map("RequestItems");
        if (items == null) {
            throw DynamoException.validation(
                    "The requestItems parameter is required for " + operation);
        }
        if (items.isEmpty()) {
            throw DynamoException.validation(
                    "1 validation error detected: Value '{}' at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1");
        }
        return items;
    }

    Map<String, Object> get(Request r) {
        Map<String, Object> requestItems = requestItems(r, "BatchGetItem");
        record Want(
                Table table,
                PrimaryKey key,
                Map<String, Object> rawKey,
                List<List<Object>> projection,
                Request spec) {}
        List<Want> wants = new ArrayList<>();
        // member constraints are checked for every table before any table is looked up
        for (Map.Entry<String, Object> e : requestItems.entrySet()) {
            List<Object> keys = Request.of(e.getValue()).list("Keys");
            if (keys != null && keys.size() > 100) {
                throw DynamoException.validation(
                        "1 validation error detected: Value at 'RequestItems."
                                + e.getKey()
                                + ".member.Keys' failed to satisfy constraint: Member must have"
                                + " length less than or equal to 100");
            }
        }
        for (Map.Entry<String, Object> e : requestItems.entrySet()) {
            Table t = engine.table(e.getKey());
            Request spec = Request.of(e.getValue());
            List<Object> keys = spec.list("Keys");
            if (keys == null || keys.isEmpty()) {
                throw DynamoException.validation(
                        "1 validation error detected: Value "
                                + (keys == null ? "null" : "'[]'")
                                + " at 'requestItems."
                                + e.getKey()
                                + ".member.keys' failed to satisfy constraint: Member must have length greater than or equal to 1");
            }
            LegacyParameters.checkNotMixed(spec, "BatchGet");
            Engine.expressionParameters(spec, "ProjectionExpression");
            Bindings b = Engine.bindings(spec);
            List<List<Object>> projection = ItemOps.projection(spec, b);
            b.checkAllUsed();
            Set<PrimaryKey> seen = new HashSet<>();
            for (Object k : keys) {
                PrimaryKey pk = Keys.key(t.meta(), AttributeCodec.item(k));
                if (!seen.add(pk)) {
                    throw DynamoException.validation(
                            "Provided list of item keys contains duplicates");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> raw = (Map<String, Object>) k;
                wants.add(new Want(t, pk, raw, projection, spec));
            }
        }
        if (wants.size() > 100) {
            throw DynamoException.validation("Too many items requested for the BatchGetItem call");
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        Map<String, Object> unprocessed = new LinkedHashMap<>();
        Map<String, Capacity> capacity = new LinkedHashMap<>();
        long size = 0;
        FaultState faults = engine.faults();
        for (Want w : wants) {
            String name = w.table().meta().name();
            @SuppressWarnings("unchecked")
            List<Object> tableResponses =
                    (List<Object>) responses.computeIfAbsent(name, k -> new ArrayList<>());
            if (size >= RESPONSE_LIMIT || faults.unprocessed()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> u =
                        (Map<String, Object>)
                                unprocessed.computeIfAbsent(
                                        name,
                                        k -> {
                                            Map<String, Object> copy =
                                                    new LinkedHashMap<>(w.spec().raw());
                                            copy.put("Keys", new ArrayList<>());
                                            return copy;
                                        });
                @SuppressWarnings("unchecked")
                List<Object> ukeys = (List<Object>) u.get("Keys");
                ukeys.add(w.rawKey());
                continue;
            }
            Map<String, Value> item;
            w.table().lock.readLock().lock();
            try {
                item = w.table().get(w.key());
            } finally {
                w.table().lock.readLock().unlock();
            }
            long itemSize = item == null ? 0 : ItemSize.of(item);
            capacity.computeIfAbsent(name, Capacity::new)
                    .read(
                            Capacity.readUnits(itemSize, w.spec().bool("ConsistentRead")),
                            null,
                            false);
            if (item != null) {
                size += itemSize;
                tableResponses.add(
                        AttributeCodec.json(
                                w.projection() == null
                                        ? item
                                        : Documents.project(item, w.projection())));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Responses", responses);
        out.put("UnprocessedKeys", unprocessed);
        addCapacity(out, capacity, r.string("ReturnConsumedCapacity"));
        return out;
    }

    static void addCapacity(Map<String, Object> out, Map<String, Capacity> capacity, String mode) {
        if (mode != null && !mode.equals("NONE")) {
            List<Object> list = new ArrayList<>();
            capacity.values().forEach(c -> list.add(c.render(mode)));
            out.put("ConsumedCapacity", list);
        }
    }

    Map<String, Object> write(Request r) {
        Map<String, Object> requestItems = requestItems(r, "BatchWriteItem");
        record Write(Table table, PrimaryKey key, Map<String, Value> item, Object raw) {}
        List<Write> writes = new ArrayList<>();
        for (Map.Entry<String, Object> e : requestItems.entrySet()) {
            Table t = engine.table(e.getKey());
            if (!(e.getValue() instanceof List<?> list) || list.isEmpty() || list.size() > 25) {
                throw DynamoException.validation(
                        "1 validation error detected: Value at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]");
            }
            Set<PrimaryKey> seen = new HashSet<>();
            for (Object o : list) {
                Request w = Request.of(o);
                if (w.raw().isEmpty()) {
                    throw DynamoException.validation(
                            "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
                }
                Request put = w.object("PutRequest");
                Request del = w.object("DeleteRequest");
                if ((put == null) == (del == null)) {
                    throw DynamoException.validation(
                            "1 validation error detected: WriteRequest must contain exactly one of PutRequest or DeleteRequest");
                }
                PrimaryKey pk;
                Map<String, Value> item = null;
                if (put != null) {
                    item =
                            put.has("Item")
                                    ? dev.dynamorm.local.internal.value.StoredItem.of(
                                            AttributeCodec.item(put.map("Item")))
                                    : null;
                    pk = Keys.item(t.meta(), item, false);
                } else {
                    pk = Keys.key(t.meta(), AttributeCodec.item(del.map("Key")));
                }
                if (!seen.add(pk)) {
                    throw DynamoException.validation(
                            "Provided list of item keys contains duplicates");
                }
                writes.add(new Write(t, pk, item, o));
            }
        }
        if (writes.size() > 25) {
            throw DynamoException.validation(
                    "Too many items requested for the BatchWriteItem call");
        }
        boolean metrics = ItemCollections.requested(r);
        Map<String, Map<Value, Object>> collections = new LinkedHashMap<>();
        Map<String, Object> unprocessed = new LinkedHashMap<>();
        Map<String, Capacity> capacity = new LinkedHashMap<>();
        FaultState faults = engine.faults();
        for (Write w : writes) {
            String name = w.table().meta().name();
            if (faults.unprocessed()) {
                @SuppressWarnings("unchecked")
                List<Object> u =
                        (List<Object>) unprocessed.computeIfAbsent(name, k -> new ArrayList<>());
                u.add(w.raw());
                continue;
            }
            w.table().lock.writeLock().lock();
            try {
                Map<String, Value> old = w.table().get(w.key());
                engine.commit(List.of(new Change(w.table(), w.key(), w.item())));
                capacity.computeIfAbsent(name, Capacity::new)
                        .write(w.table().meta(), old, w.item());
                Map<String, Object> collection =
                        metrics ? ItemCollections.of(w.table(), w.key().hash()) : null;
                if (collection != null) {
                    collections
                            .computeIfAbsent(name, k -> new LinkedHashMap<>())
                            .put(w.key().hash(), collection);
                }
            } finally {
                w.table().lock.writeLock().unlock();
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("UnprocessedItems", unprocessed);
        addCapacity(out, capacity, r.string("ReturnConsumedCapacity"));
        if (!collections.isEmpty()) {
            Map<String, Object> m = new LinkedHashMap<>();
            collections.forEach((k, v) -> m.put(k, new ArrayList<>(v.values())));
            out.put("ItemCollectionMetrics", m);
        }
        return out;
    }
}
