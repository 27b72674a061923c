package dev.dynamorm.local.internal.engine;

import dev.dynamorm.local.internal.error.DynamoException;
import dev.dynamorm.local.internal.streams.StreamManager;
import dev.dynamorm.local.internal.wire.Request;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Control-plane operations: tables, indexes, TTL and tags. */
final class TableOps {
    private final Engine engine;

    TableOps(Engine engine) {
        this.engine = engine;
    }

    /** CreateTable; {@code vectors} are the request's (already validated) vector indexes. */
    Map<String, Object> create(Request r, VectorIndexes vectors) {
        TableMeta meta =
                TableMeta.fromCreateRequest(
                                r, System.currentTimeMillis(), UUID.randomUUID().toString())
                        .withVectors(vectors);
        StreamManager.Spec stream = StreamManager.spec(r);
        Table table = new Table(meta);
        synchronized (engine.tables) {
            if (engine.tables.containsKey(meta.name())) {
                throw DynamoException.inUse("Table already exists: " + meta.name());
            }
            if (stream != null && stream.enabled()) {
                // the table and its stream are one journal record: a crash cannot keep one alone
                engine.streams()
                        .apply(
                                meta.name(),
                                engine.tableArn(meta.name()),
                                Describer.keySchema(meta.key()),
                                stream,
                                created ->
                                        engine.journal()
                                                .tableDefined(meta, List.<Object>of(created)));
            } else {
                engine.journal().tableDefined(meta);
            }
            engine.tables.put(meta.name(), table);
        }
        // like DynamoDB, CreateTable answers CREATING (the table is usable at once: DescribeTable
        // says ACTIVE)
        Map<String, Object> description = Describer.table(engine, table);
        description.put("TableStatus", "CREATING");
        if (description.get("GlobalSecondaryIndexes") instanceof List<?> gsis) {
            for (Object g : gsis) {
                @SuppressWarnings("unchecked")
                Map<String, Object> index = (Map<String, Object>) g;
                index.put("IndexStatus", "CREATING");
            }
        }
        return Map.of("TableDescription", description);
    }

    Map<String, Object> describe(Request r) {
        String name = r.requiredString("TableName");
        Table t = existing(name);
        return Map.of("Table", Describer.table(engine, t));
    }

    Map<String, Object> list(Request r) {
        Integer limit = r.integer("Limit");
        if (limit != null && (limit < 1 || limit > 100)) {
            throw DynamoException.validation(
                    "1 validation error detected: Value '"
                            + limit
                            + "' at 'limit' failed to satisfy constraint: Member must have value "
                            + (limit < 1
                                    ? "greater than or equal to 1"
                                    : "less than or equal to 100"));
        }
        int max = limit == null ? 100 : limit;
        String start = r.string("ExclusiveStartTableName");
        List<Object> names = new ArrayList<>();
        String last = null;
        for (String n :
                start == null
                        ? engine.tables.keySet()
                        : engine.tables.tailMap(start, false).keySet()) {
            if (names.size() == max) {
                break;
            }
            names.add(n);
            last = n;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("TableNames", names);
        if (last != null && !engine.tables.tailMap(last, false).isEmpty()) {
            out.put("LastEvaluatedTableName", last);
        }
        return out;
    }

    Map<String, Object> delete(Request r) {
        String name = r.requiredString("TableName");
        Table t;
        synchronized (engine.tables) {
            t = existing(name);
            if (t.meta().deletionProtection()) {
                throw DynamoException.validation(
                        "Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.");
            }
            t.lock.writeLock().lock();
            try {
                engine.journal().tableDropped(name);
                engine.tables.remove(name);
                engine.streams().dropped(name);
            } finally {
                t.lock.writeLock().unlock();
            }
        }
        Map<String, Object> d = Describer.table(engine, t);
        d.put("TableStatus", "DELETING");
        return Map.of("TableDescription", d);
    }

    /** What UpdateTable can change; a request with none of them is refused before the lookup. */
    private static final List<String> TABLE_UPDATES =
            List.of(
                    "ProvisionedThroughput",
                    "BillingMode",
                    "StreamSpecification",
                    "GlobalSecondaryIndexUpdates",
                    "SSESpecification",
                    "ReplicaUpdates",
                    "DeletionProtectionEnabled",
                    "TableClass",
                    "OnDemandThroughput",
                    "WarmThroughput",
                    "MultiRegionConsistency",
                    "GlobalTableWitnessUpdates");

    /**
     * UpdateTable; {@code vectors}, when not null, are the table's vector indexes after the
     * request's VectorIndexUpdates, journaled in the same definition.
     */
    Map<String, Object> update(Request r, VectorIndexes vectors) {
        String name = r.requiredString("TableName");
        if (TABLE_UPDATES.stream().noneMatch(r::has)) {
            throw DynamoException.validation(
                    "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
        }
        Table t = existing(name);
        t.lock.writeLock().lock();
        try {
            TableMeta meta = t.meta();
            StreamManager.Spec stream = StreamManager.spec(r);
            if (stream != null) {
                engine.streams().checkUpdate(name, stream);
            }
            Map<String, String> types = new LinkedHashMap<>(meta.attributeTypes());
            List<Object> defs = r.list("AttributeDefinitions");
            if (defs != null) {
                for (Object o : defs) {
                    Request d = Request.of(o);
                    String prior =
                            types.put(
                                    d.requiredString("AttributeName"),
                                    d.requiredString("AttributeType"));
                    if (prior != null && !prior.equals(d.string("AttributeType"))) {
                        throw DynamoException.validation(
                                "One or more parameter values were invalid: Attribute "
                                        + d.string("AttributeName")
                                        + " is already defined with a different type");
                    }
                }
            }
            String billing = r.string("BillingMode", meta.billingMode());
            TableMeta next = meta;
            if (r.has("BillingMode") || r.has("ProvisionedThroughput")) {
                long[] tp = TableMeta.throughput(r.object("ProvisionedThroughput"), billing, "");
                next = next.withBilling(billing, tp[0], tp[1]);
            }
            if (r.has("DeletionProtectionEnabled")) {
                next = next.withDeletionProtection(r.bool("DeletionProtectionEnabled"));
            }
            List<IndexDef> indexes = new ArrayList<>(next.indexes());
            List<Object> updates = r.list("GlobalSecondaryIndexUpdates");
            if (updates != null) {
                for (Object o : updates) {
                    Request u = Request.of(o);
                    if (u.has("Create")) {
                        IndexDef idx = TableMeta.index(u.object("Create"), true, types, billing);
                        if (next.index(idx.name()) != null) {
                            throw DynamoException.validation(
                                    "One or more parameter values were invalid: Index with name: "
                                            + idx.name()
                                            + " already exists");
                        }
                        indexes.add(idx);
                    } else if (u.has("Delete")) {
                        String indexName = u.object("Delete").requiredString("IndexName");
                        IndexDef idx = next.index(indexName);
                        if (idx == null || !idx.global()) {
                            throw new DynamoException(
                                    "ResourceNotFoundException",
                                    "Requested resource not found: Index: "
                                            + indexName
                                            + " not found for table: "
                                            + name,
                                    400,
                                    null);
                        }
                        indexes.remove(idx);
                    } else if (u.has("Update")) {
                        Request up = u.object("Update");
                        IndexDef idx = next.index(up.requiredString("IndexName"));
                        if (idx == null) {
                            throw DynamoException.tableNotFound();
                        }
                        long[] tp =
                                TableMeta.throughput(
                                        up.object("ProvisionedThroughput"),
                                        "PROVISIONED",
                                        idx.name());
                        indexes.set(
                                indexes.indexOf(idx),
                                new IndexDef(
                                        idx.name(),
                                        true,
                                        idx.key(),
                                        idx.projection(),
                                        idx.nonKeyAttributes(),
                                        tp[0],
                                        tp[1]));
                    }
                }
            }
            // drop attribute definitions no key uses any more
            java.util.Set<String> used = new java.util.HashSet<>(next.key().names());
            indexes.forEach(i -> used.addAll(i.key().names()));
            types.keySet().retainAll(used);
            next = next.withIndexes(indexes, types);
            if (vectors != null) {
                next = next.withVectors(vectors);
            }
            TableMeta defined = next;
            boolean[] journaled = {false};
            if (stream != null) {
                // the definition and the stream's creation or disabling are one journal record
                engine.streams()
                        .apply(
                                name,
                                engine.tableArn(name),
                                Describer.keySchema(next.key()),
                                stream,
                                change -> {
                                    engine.journal().tableDefined(defined, List.<Object>of(change));
                                    journaled[0] = true;
                                });
            }
            if (!journaled[0]) {
                // no stream change (or the stream was already gone): the definition alone
                engine.journal().tableDefined(next);
            }
            t.redefine(next);
        } finally {
            t.lock.writeLock().unlock();
        }
        return Map.of("TableDescription", Describer.table(engine, t));
    }

    Map<String, Object> updateTtl(Request r) {
        String name = r.requiredString("TableName");
        Request spec = r.object("TimeToLiveSpecification");
        if (spec == null) {
            throw DynamoException.validation(
                    "1 validation error detected: Value null at 'timeToLiveSpecification' failed to satisfy constraint: Member must not be null");
        }
        boolean enabled = spec.bool("Enabled");
        String attr = spec.requiredString("AttributeName");
        // member constraints (AttributeName: 1 to 255 characters) come before the table lookup
        if (attr.isEmpty() || attr.length() > 255) {
            throw DynamoException.validation(
                    "1 validation error detected: Value '"
                            + attr
                            + "' at 'timeToLiveSpecification.attributeName' failed to satisfy"
                            + " constraint: Member must have length "
                            + (attr.isEmpty()
                                    ? "greater than or equal to 1"
                                    : "less than or equal to 255"));
        }
        Table t = existing(name);
        t.lock.writeLock().lock();
        try {
            String current = t.meta().ttlAttribute();
            if (enabled && current != null) {
                throw DynamoException.validation("TimeToLive is already enabled");
            }
            if (!enabled && current == null) {
                throw DynamoException.validation("TimeToLive is already disabled");
            }
            TableMeta next = t.meta().withTtl(enabled ? attr : null);
            engine.journal().tableDefined(next);
            t.meta(next);
        } finally {
            t.lock.writeLock().unlock();
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("Enabled", enabled);
        s.put("AttributeName", attr);
        return Map.of("TimeToLiveSpecification", s);
    }

    Map<String, Object> describeTtl(Request r) {
        String name = r.requiredString("TableName");
        Table t = existing(name);
        Map<String, Object> d = new LinkedHashMap<>();
        String attr = t.meta().ttlAttribute();
        d.put("TimeToLiveStatus", attr == null ? "DISABLED" : "ENABLED");
        if (attr != null) {
            d.put("AttributeName", attr);
        }
        return Map.of("TimeToLiveDescription", d);
    }

    private Table byArn(String arn) {
        if (arn == null) {
            throw DynamoException.validation(
                    "1 validation error detected: Value null at 'resourceArn' failed to satisfy constraint: Member must not be null");
        }
        String prefix = "arn:aws:dynamodb:" + engine.region + ":" + engine.account + ":table/";
        if (!arn.startsWith(prefix)) {
            throw DynamoException.validation(
                    "Invalid TableArn: Invalid ResourceArn provided as input " + arn);
        }
        Table t = engine.tables.get(arn.substring(prefix.length()));
        if (t == null) {
            throw new DynamoException(
                    "ResourceNotFoundException",
                    "Requested resource not found: ResourcArn: " + arn + " not found",
                    400,
                    null);
        }
        return t;
    }

    Map<String, Object> tag(Request r) {
        Table t = byArn(r.string("ResourceArn"));
        List<Object> tags = r.list("Tags");
        if (tags == null) {
            throw DynamoException.validation(
                    "1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member must not be null");
        }
        if (tags.isEmpty()) {
            throw DynamoException.validation("Atleast one Tag needs to be provided as Input.");
        }
        t.lock.writeLock().lock();
        try {
            Map<String, String> next = new LinkedHashMap<>(t.meta().tags());
            for (Object o : tags) {
                Request tag = Request.of(o);
                String key = tag.requiredString("Key");
                String value = tag.requiredString("Value");
                if (key.isEmpty() || key.length() > 128) {
                    throw DynamoException.validation(
                            "One or more parameter values were invalid: Tag key must be between 1 and 128 characters");
                }
                if (value.length() > 256) {
                    throw DynamoException.validation(
                            "One or more parameter values were invalid: Tag value must be between 0 and 256 characters");
                }
                next.put(key, value);
            }
            if (next.size() > 50) {
                throw DynamoException.validation(
                        "One or more parameter values were invalid: Too many tags: tag limit is 50");
            }
            TableMeta meta = t.meta().withTags(next);
            engine.journal().tableDefined(meta);
            t.meta(meta);
        } finally {
            t.lock.writeLock().unlock();
        }
        return Map.of();
    }

    Map<String, Object> untag(Request r) {
        Table t = byArn(r.string("ResourceArn"));
        List<Object> keys = r.list("TagKeys");
        if (keys == null) {
            throw DynamoException.validation(
                    "1 validation error detected: Value null at 'tagKeys' failed to satisfy constraint: Member must not be null");
        }
        if (keys.isEmpty()) {
            throw DynamoException.validation("Atleast one Tag Key needs to be provided as Input.");
        }
        t.lock.writeLock().lock();
        try {
            Map<String, String> next = new LinkedHashMap<>(t.meta().tags());
            keys.forEach(next::remove);
            TableMeta meta = t.meta().withTags(next);
            engine.journal().tableDefined(meta);
            t.meta(meta);
        } finally {
            t.lock.writeLock().unlock();
        }
        return Map.of();
    }

    Map<String, Object> listTags(Request r) {
        Table t;
        try {
            t = byArn(r.string("ResourceArn"));
        } catch (DynamoException e) {
            if (!e.type().equals("ResourceNotFoundException")) {
                throw e;
            }
            // IAM cannot authorise an action on a resource that does not exist
            throw new DynamoException(
                    "AccessDeniedException",
                    "User: arn:aws:iam::"
                            + engine.account
                            + ":root is not authorized to perform: dynamodb:ListTagsOfResource on resource: "
                            + r.string("ResourceArn"),
                    400,
                    null);
        }
        List<Object> tags = new ArrayList<>();
        t.meta()
                .tags()
                .forEach(
                        (k, v) -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("Key", k);
                            m.put("Value", v);
                            tags.add(m);
                        });
        return Map.of("Tags", tags);
    }

    Map<String, Object> describeEndpoints() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("Address", "dynamodb." + engine.region + ".amazonaws.com");
        e.put("CachePeriodInMinutes", 1440);
        return Map.of("Endpoints", List.of(e));
    }

    Map<String, Object> describeLimits() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("AccountMaxReadCapacityUnits", 80000);
        m.put("AccountMaxWriteCapacityUnits", 80000);
        m.put("TableMaxReadCapacityUnits", 40000);
        m.put("TableMaxWriteCapacityUnits", 40000);
        return m;
    }

    /** The table with this name, for table-level operations (whose not-found message names it). */
    private Table existing(String name) {
        Table t = engine.tables.get(name);
        if (t == null) {
            throw DynamoException.tableNotFound(name);
        }
        return t;
    }
}
