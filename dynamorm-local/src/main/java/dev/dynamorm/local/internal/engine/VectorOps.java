package dev.dynamorm.local.internal.engine;

import dev.dynamorm.local.internal.error.DynamoException;
import dev.dynamorm.local.internal.expr.Bindings;
import dev.dynamorm.local.internal.expr.Condition;
import dev.dynamorm.local.internal.expr.Documents;
import dev.dynamorm.local.internal.expr.Evaluator;
import dev.dynamorm.local.internal.expr.Parser;
import dev.dynamorm.local.internal.expr.SearchConditions;
import dev.dynamorm.local.internal.expr.StaticChecks;
import dev.dynamorm.local.internal.value.ItemSize;
import dev.dynamorm.local.internal.value.Value;
import dev.dynamorm.local.internal.wire.AttributeCodec;
import dev.dynamorm.local.internal.wire.Request;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Vector indexes: carried by CreateTable, UpdateTable and DescribeTable, and searched by
 * SearchVectors exactly, by brute force over the items in the index.
 *
 * <p>The indexes of a table are part of its definition ({@link TableMeta#vectors()}), so they are
 * journaled with it; the table operations otherwise stay unaware of them: they see a request
 * without its vector indexes and without the attribute definitions only their search schemas use.
 */
final class VectorOps {
    private static final int MAX_TOP_K = 100;

    private final Engine engine;
    private final VectorCache cache = new VectorCache();

    VectorOps(Engine engine) {
        this.engine = engine;
    }

    // ---- control plane

    /** CreateTable: validates the vector indexes, creates the table, then records them. */
    Map<String, Object> create(
            Request r, BiFunction<Request, VectorIndexes, Map<String, Object>> createTable) {
        List<Object> list = r.list("VectorIndexes");
        if (list == null) {
            return createTable.apply(r, VectorIndexes.NONE);
        }
        if (list.isEmpty()) {
            throw DynamoException.validation(
                    "One or more parameter values were invalid: List of VectorIndexes is empty");
        }
        Map<String, String> types = attributeTypes(r);
        Set<String> names = new HashSet<>(indexNames(r, "GlobalSecondaryIndexes"));
        names.addAll(indexNames(r, "LocalSecondaryIndexes"));
        List<VectorIndexDef> defs = new ArrayList<>();
        for (Object o : list) {
            add(defs, names, VectorIndexDef.parse(Request.of(o), types));
        }
        Set<String> keyAttributes = keyAttributes(r);
        Map<String, String> searchOnly = new LinkedHashMap<>();
        for (VectorIndexDef d : defs) {
            for (String a : d.searchAttributes()) {
                if (!keyAttributes.contains(a)) {
                    searchOnly.put(a, types.get(a));
                }
            }
        }
        VectorIndexes vectors = new VectorIndexes(defs, searchOnly);
        Map<String, Object> out =
                createTable.apply(withoutSearchOnly(r, searchOnly.keySet()), vectors);
        @SuppressWarnings("unchecked")
        Map<String, Object> description = (Map<String, Object>) out.get("TableDescription");
        decorate(description, "CREATING", vectors);
        return out;
    }

    /** DescribeTable (and any answer holding a TableDescription): adds the vector indexes. */
    Map<String, Object> describe(Map<String, Object> out, String member) {
        @SuppressWarnings("unchecked")
        Map<String, Object> description = (Map<String, Object>) out.get(member);
        if (description != null) {
            Table table = engine.tables.get(String.valueOf(description.get("TableName")));
            if (table != null && table.meta().tableId().equals(description.get("TableId"))) {
                decorate(description, "ACTIVE", table.meta().vectors());
            }
        }
        return out;
    }

    /** DeleteTable: describes the deleted table's vector indexes (they go with its definition). */
    Map<String, Object> delete(Request r, Function<Request, Map<String, Object>> deleteTable) {
        Table before = engine.tables.get(String.valueOf(r.string("TableName")));
        Map<String, Object> out = deleteTable.apply(r);
        @SuppressWarnings("unchecked")
        Map<String, Object> description = (Map<String, Object>) out.get("TableDescription");
        if (description != null
                && before != null
                && before.meta().tableId().equals(description.get("TableId"))) {
            decorate(description, "DELETING", before.meta().vectors());
        }
        return out;
    }

    /** UpdateTable: applies VectorIndexUpdates, then any other change the request makes. */
    Map<String, Object> update(
            Request r, BiFunction<Request, VectorIndexes, Map<String, Object>> updateTable) {
        List<Object> updates = r.list("VectorIndexUpdates");
        if (updates == null) {
            return describe(updateTable.apply(r, null), "TableDescription");
        }
        if (updates.isEmpty()) {
            throw DynamoException.validation(
                    "One or more parameter values were invalid: List of VectorIndexUpdates is empty");
        }
        Table table = engine.table(r.requiredString("TableName"));
        TableMeta meta = table.meta();
        VectorIndexes current = meta.vectors();
        Map<String, String> types = new LinkedHashMap<>(meta.attributeTypes());
        types.putAll(current.searchTypes());
        types.putAll(attributeTypes(r));
        List<VectorIndexDef> defs = new ArrayList<>(current.indexes());
        Set<String> names = new HashSet<>();
        meta.indexes().forEach(i -> names.add(i.name()));
        defs.forEach(d -> names.add(d.name()));
        for (Object o : updates) {
            Request u = Request.of(o);
            Request create = u.object("Create");
            Request delete = u.object("Delete");
            if ((create == null) == (delete == null)) {
                throw DynamoException.validation(
                        "One or more parameter values were invalid: One of the fields 'Create' or 'Delete' must be provided in a VectorIndexUpdate");
            }
            if (create != null) {
                add(defs, names, VectorIndexDef.parse(create, types));
            } else {
                String name = delete.requiredString("IndexName");
                if (!defs.removeIf(d -> d.name().equals(name))) {
                    throw new DynamoException(
                            "ResourceNotFoundException",
                            "Requested resource not found: Vector index: " + name + " not found",
                            400,
                            null);
                }
                names.remove(name);
            }
        }
        Set<String> keyAttributes = new HashSet<>(meta.attributeTypes().keySet());
        Map<String, String> searchOnly = new LinkedHashMap<>();
        for (VectorIndexDef d : defs) {
            for (String a : d.searchAttributes()) {
                if (!keyAttributes.contains(a)) {
                    searchOnly.put(a, types.get(a));
                }
            }
        }
        Map<String, Object> rest = new LinkedHashMap<>(r.raw());
        rest.remove("VectorIndexUpdates");
        VectorIndexes next = new VectorIndexes(defs, searchOnly);
        Map<String, Object> out;
        if (rest.keySet().stream()
                .anyMatch(k -> !Set.of("TableName", "AttributeDefinitions").contains(k))) {
            // the other changes and the vector indexes are one journaled definition
            out =
                    updateTable.apply(
                            withoutSearchOnly(new Request(rest), searchOnly.keySet()), next);
        } else {
            table.lock.writeLock().lock();
            try {
                TableMeta redefined = table.meta().withVectors(next);
                engine.journal().tableDefined(redefined);
                table.meta(redefined);
            } finally {
                table.lock.writeLock().unlock();
            }
            out = new LinkedHashMap<>();
            out.put("TableDescription", Describer.table(engine, table));
        }
        return describe(out, "TableDescription");
    }

    private static void add(List<VectorIndexDef> defs, Set<String> names, VectorIndexDef d) {
        if (!names.add(d.name())) {
            throw DynamoException.validation(
                    "One or more parameter values were invalid: Duplicate index name: " + d.name());
        }
        for (VectorIndexDef other : defs) {
            if (other.attribute().equals(d.attribute()) && other.dimensions() != d.dimensions()) {
                throw DynamoException.validation(
                        "One or more parameter values were invalid: Vector indexes "
                                + other.name()
                                + " and "
                                + d.name()
                                + " reference the same attribute "
                                + d.attribute()
                                + " with different dimensions");
            }
        }
        defs.add(d);
    }

    private void decorate(Map<String, Object> description, String status, VectorIndexes indexes) {
        if (indexes.isEmpty()) {
            return;
        }
        if (!indexes.searchTypes().isEmpty()
                && description.get("AttributeDefinitions") instanceof List<?> defs) {
            Map<String, String> all = new java.util.TreeMap<>(indexes.searchTypes());
            for (Object o : defs) {
                Request d = Request.of(o);
                all.put(d.string("AttributeName"), d.string("AttributeType"));
            }
            List<Object> merged = new ArrayList<>();
            all.forEach(
                    (n, t) -> {
                        Map<String, Object> a = new LinkedHashMap<>();
                        a.put("AttributeName", n);
                        a.put("AttributeType", t);
                        merged.add(a);
                    });
            description.put("AttributeDefinitions", merged);
        }
        String tableName = String.valueOf(description.get("TableName"));
        Table table = engine.tables.get(tableName);
        List<Object> out = new ArrayList<>();
        for (VectorIndexDef d : indexes.indexes()) {
            long[] stats = table == null ? new long[2] : stats(table, d);
            Map<String, Object> desc = d.describe(engine.tableArn(tableName), stats[0], stats[1]);
            desc.put("IndexStatus", status.equals("ACTIVE") ? "ACTIVE" : status);
            out.add(desc);
        }
        description.put("VectorIndexes", out);
    }

    private long[] stats(Table table, VectorIndexDef d) {
        long count = 0;
        long bytes = 0;
        table.lock.readLock().lock();
        try {
            for (ConcurrentSkipListMap<Pos, Map<String, Value>> p : table.items.data.values()) {
                for (Map<String, Value> item : p.values()) {
                    if (inIndex(d, item)) {
                        count++;
                        bytes += ItemSize.of(item);
                    }
                }
            }
        } finally {
            table.lock.readLock().unlock();
        }
        return new long[] {count, bytes};
    }

    private boolean inIndex(VectorIndexDef d, Map<String, Value> item) {
        return cache.vectorOf(item.get(d.attribute()), d.dimensions()) != null
                && (d.hashKey() == null || item.containsKey(d.hashKey()));
    }

    private static Map<String, String> attributeTypes(Request r) {
        Map<String, String> types = new LinkedHashMap<>();
        List<Object> defs = r.list("AttributeDefinitions");
        if (defs != null) {
            for (Object o : defs) {
                Request d = Request.of(o);
                types.put(d.string("AttributeName"), d.string("AttributeType"));
            }
        }
        return types;
    }

    private static List<String> indexNames(Request r, String member) {
        List<String> out = new ArrayList<>();
        List<Object> list = r.list(member);
        if (list != null) {
            for (Object o : list) {
                out.add(Request.of(o).string("IndexName"));
            }
        }
        return out;
    }

    private static Set<String> keyAttributes(Request r) {
        Set<String> out = new HashSet<>();
        List<Object> schemas = new ArrayList<>();
        schemas.add(r.raw().get("KeySchema"));
        for (String member : List.of("GlobalSecondaryIndexes", "LocalSecondaryIndexes")) {
            List<Object> list = r.list(member);
            if (list != null) {
                list.forEach(o -> schemas.add(Request.of(o).raw().get("KeySchema")));
            }
        }
        for (Object schema : schemas) {
            if (schema instanceof List<?> elements) {
                for (Object e : elements) {
                    out.add(Request.of(e).string("AttributeName"));
                }
            }
        }
        return out;
    }

    private static Request withoutSearchOnly(Request r, Set<String> searchOnly) {
        Map<String, Object> copy = new LinkedHashMap<>(r.raw());
        copy.remove("VectorIndexes");
        List<Object> defs = r.list("AttributeDefinitions");
        if (defs != null && !searchOnly.isEmpty()) {
            List<Object> kept = new ArrayList<>();
            for (Object o : defs) {
                if (!searchOnly.contains(Request.of(o).string("AttributeName"))) {
                    kept.add(o);
                }
            }
            if (kept.isEmpty()) {
                copy.remove("AttributeDefinitions");
            } else {
                copy.put("AttributeDefinitions", kept);
            }
        }
        return new Request(copy);
    }

    // ---- SearchVectors

    /** One candidate of a search: its score, its place in the scan and the stored item. */
    private record Hit(double score, long order, Map<String, Value> item) {}

    Map<String, Object> search(Request r) {
        Table table = engine.table(r.requiredString("TableName"));
        String indexName = r.requiredString("IndexName");
        VectorIndexes indexes = table.meta().vectors();
        VectorIndexDef index = null;
        if (indexes != null) {
            for (VectorIndexDef d : indexes.indexes()) {
                if (d.name().equals(indexName)) {
                    index = d;
                }
            }
        }
        if (index == null) {
            throw DynamoException.validation(
                    "The table does not have the specified index: " + indexName);
        }
        Integer topK = r.integer("TopK");
        if (topK == null) {
            throw DynamoException.validation(
                    "1 validation error detected: Value null at 'topK' failed to satisfy constraint: Member must not be null");
        }
        if (topK < 1) {
            throw DynamoException.validation(
                    "1 validation error detected: Value '"
                            + topK
                            + "' at 'topK' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }
        if (topK > MAX_TOP_K) {
            throw DynamoException.validation(
                    "Provided TopK value '"
                            + topK
                            + "' is out of valid range. The value must be between 1 and "
                            + MAX_TOP_K
                            + " inclusive");
        }
        float[] query = searchVector(r, index);
        Engine.expressionParameters(r, "ProjectionExpression", "SearchConditionExpression");
        Bindings bindings = Engine.bindings(r);
        String text = r.string("SearchConditionExpression");
        Condition condition = null;
        if (text != null) {
            condition = bindings.use(Parser.condition(text, "SearchConditionExpression"));
            StaticChecks.condition(condition, bindings, "SearchConditionExpression");
            checkSearchSchema(condition, bindings, index);
        } else if (index.hashKey() != null) {
            throw DynamoException.validation(
                    "SearchConditionExpression must be provided when SearchSchema has a HASH key");
        }
        List<List<Object>> projection = ItemOps.projection(r, bindings);
        bindings.checkAllUsed();
        Evaluator evaluator = condition == null ? null : new Evaluator(bindings);
        List<Hit> hits = new ArrayList<>();
        long order = 0;
        long examined = 0;
        table.lock.readLock().lock();
        try {
            for (ConcurrentSkipListMap<Pos, Map<String, Value>> p : table.items.data.values()) {
                for (Map<String, Value> item : p.values()) {
                    float[] vector =
                            cache.vectorOf(item.get(index.attribute()), index.dimensions());
                    if (vector == null
                            || (index.hashKey() != null && !item.containsKey(index.hashKey()))) {
                        continue;
                    }
                    examined++;
                    if (evaluator != null && !evaluator.test(condition, item)) {
                        continue;
                    }
                    hits.add(
                            new Hit(
                                    VectorScores.score(index.distance(), query, vector),
                                    order++,
                                    item));
                }
            }
        } finally {
            table.lock.readLock().unlock();
        }
        Comparator<Hit> byScore = Comparator.comparingDouble(Hit::score);
        if (!VectorScores.ascending(index.distance())) {
            byScore = byScore.reversed();
        }
        hits.sort(byScore.thenComparingLong(Hit::order));
        List<Object> results = new ArrayList<>();
        long returned = 0;
        for (Hit h : hits.subList(0, Math.min(topK, hits.size()))) {
            Map<String, Object> result = new LinkedHashMap<>();
            Map<String, Value> shown = projected(table.meta(), index, h.item());
            if (projection != null) {
                shown = Documents.project(shown, projection);
            }
            result.put("Item", AttributeCodec.json(shown));
            result.put("Score", h.score());
            results.add(result);
            returned += ItemSize.of(shown);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        String capacity = r.string("ReturnConsumedCapacity");
        if (capacity != null && !capacity.equals("NONE")) {
            // DynamoDB meters a search by the vector data it examines and returns; this engine
            // counts 4 bytes per dimension of each vector in the index plus the items returned
            out.put(
                    "ConsumedCapacity",
                    Map.of(
                            "VectorSearchRequestBytes",
                            (double) (examined * index.dimensions() * 4L + returned)));
        }
        out.put("SearchResults", results);
        return out;
    }

    private static float[] searchVector(Request r, VectorIndexDef index) {
        List<Object> raw = r.list("SearchVector");
        if (raw == null) {
            throw DynamoException.validation(
                    "1 validation error detected: Value null at 'searchVector' failed to satisfy constraint: Member must not be null");
        }
        if (raw.size() != index.dimensions()) {
            throw DynamoException.validation(
                    "Input search vector dimension "
                            + raw.size()
                            + " does not match vector index dimension "
                            + index.dimensions());
        }
        float[] out = new float[raw.size()];
        for (int i = 0; i < out.length; i++) {
            Value v = AttributeCodec.value(raw.get(i));
            if (!(v instanceof Value.N n) || !Float.isFinite(n.v().floatValue())) {
                throw DynamoException.validation(
                        "Search vector contains invalid values. All values in the search vector must be a 32-bit floating-point number attribute");
            }
            out[i] = n.v().floatValue();
        }
        return out;
    }

    /**
     * The rules of a search condition, as DynamoDB checks them: equality conditions joined by AND,
     * on top-level attributes of the search schema, compared with expression attribute values; the
     * HASH attribute among them when the schema has one.
     */
    private static void checkSearchSchema(Condition c, Bindings b, VectorIndexDef index) {
        List<SearchConditions.Comparison> comparisons = SearchConditions.comparisons(c, b);
        for (SearchConditions.Comparison cmp : comparisons) {
            if (!cmp.againstValue() || !cmp.conjunct() || !cmp.operator().equals("=")) {
                throw DynamoException.validation(
                        "Invalid SearchConditionExpression: Invalid comparator used in SearchConditionExpression");
            }
            if (cmp.path().size() != 1) {
                throw DynamoException.validation(
                        "Invalid SearchConditionExpression: SearchConditionExpression cannot have conditions on nested attributes");
            }
        }
        boolean hashBound = false;
        for (SearchConditions.Comparison cmp : comparisons) {
            String attribute = String.valueOf(cmp.path().get(0));
            if (!index.searchAttributes().contains(attribute)) {
                throw DynamoException.validation(
                        "SearchConditionExpression must not contain any attributes that is not in SearchSchema. Invalid attribute: "
                                + attribute);
            }
            hashBound |= attribute.equals(index.hashKey());
        }
        if (index.hashKey() != null && !hashBound) {
            throw DynamoException.validation(
                    "SearchConditionExpression must be provided when SearchSchema has a HASH key");
        }
    }

    /**
     * The item as a search answers it: all attributes, or the keys, the search schema and the
     * included ones; never the vectors.
     */
    private static Map<String, Value> projected(
            TableMeta meta, VectorIndexDef index, Map<String, Value> item) {
        Map<String, Value> out = new LinkedHashMap<>();
        for (Map.Entry<String, Value> e : item.entrySet()) {
            String n = e.getKey();
            if (n.equals(index.attribute())) {
                continue;
            }
            if (index.projection().equals("ALL")
                    || meta.key().names().contains(n)
                    || index.searchAttributes().contains(n)
                    || (index.projection().equals("INCLUDE")
                            && index.nonKeyAttributes().contains(n))) {
                out.put(n, e.getValue());
            }
        }
        return out;
    }
}
