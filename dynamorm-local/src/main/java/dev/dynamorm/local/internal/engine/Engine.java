package dev.dynamorm.local.internal.engine;

import dev.dynamorm.local.internal.error.DynamoException;
import dev.dynamorm.local.internal.expr.Bindings;
import dev.dynamorm.local.internal.streams.StreamBatch;
import dev.dynamorm.local.internal.streams.StreamManager;
import dev.dynamorm.local.internal.value.Value;
import dev.dynamorm.local.internal.wire.AttributeCodec;
import dev.dynamorm.local.internal.wire.Json;
import dev.dynamorm.local.internal.wire.Request;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.Lock;

/**
 * The in-memory DynamoDB engine: parses JSON 1.0 requests, runs operations and encodes answers or
 * errors.
 */
public final class Engine {
    /** An encoded answer: HTTP status and JSON body. */
    // the body is encoded for this answer alone and handed to the transport, never shared or
    // mutated
    @SuppressWarnings("ArrayRecordComponent")
    public record Response(int status, byte[] body) {}

    final String region;
    final String account;
    final ConcurrentSkipListMap<String, Table> tables = new ConcurrentSkipListMap<>();
    private volatile Journal journal = Journal.NONE;
    private volatile FaultState faults = FaultState.NONE;
    private final TableOps tableOps = new TableOps(this);
    private final ItemOps itemOps = new ItemOps(this);
    private final ReadOps readOps = new ReadOps(this);
    private final BatchOps batchOps = new BatchOps(this);
    private final TransactOps transactOps = new TransactOps(this);
    private final VectorOps vectors = new VectorOps(this);
    private final PartiQL partiql = new PartiQL(this, itemOps, readOps, transactOps);
    private final StreamManager streams;

    public Engine(String region, String account) {
        this.region = region;
        this.account = account;
        this.streams = new StreamManager(region);
    }

    /** The tables' DynamoDB Streams. */
    public StreamManager streams() {
        return streams;
    }

    public void journal(Journal j) {
        this.journal = j;
    }

    public void faults(FaultState f) {
        this.faults = f == null ? FaultState.NONE : f;
    }

    FaultState faults() {
        return faults;
    }

    /** Handles one request; {@code target} is the operation name (after "DynamoDB_20120810."). */
    public Response handle(String target, byte[] body) {
        try {
            FaultState f = faults;
            if (f.latencyMillis() > 0) {
                Thread.sleep(f.latencyMillis());
            }
            Object tree;
            try {
                tree = Json.parse(body);
            } catch (IOException e) {
                throw DynamoException.serialization(
                        "Could not parse request body into json: " + e.getMessage());
            }
            Request r = Request.of(tree);
            if (f.throttle()) {
                throw f.throttleAsProvisioned()
                        ? new DynamoException(
                                "ProvisionedThroughputExceededException",
                                "The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.",
                                400,
                                null)
                        : new DynamoException(
                                "ThrottlingException",
                                "Rate of requests exceeds the allowed throughput.",
                                400,
                                null);
            }
            Map<String, Object> out =
                    target != null && target.startsWith(StreamManager.TARGET_PREFIX)
                            ? streams.handle(
                                    target.substring(StreamManager.TARGET_PREFIX.length()), r)
                            : dispatch(target, r);
            return new Response(200, Json.write(out));
        } catch (DynamoException e) {
            return new Response(e.status(), Json.write(e.body()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(500, Json.write(DynamoException.internal("Interrupted").body()));
        } catch (RuntimeException e) {
            return new Response(
                    500,
                    Json.write(DynamoException.internal("Internal server error: " + e).body()));
        }
    }

    // the dispatch table is a one-line-per-operation list that parallel branches extend
    // (SearchVectors,
    // Streams); it becomes an arrow switch once they have landed, to keep their merges trivial
    @SuppressWarnings("StatementSwitchToExpressionSwitch")
    private Map<String, Object> dispatch(String op, Request r) {
        MemberConstraints.check(op == null ? "" : op, r);
        switch (op == null ? "" : op) {
            case "CreateTable":
                return vectors.create(r, tableOps::create);
            case "DescribeTable":
                return vectors.describe(tableOps.describe(r), "Table");
            case "ListTables":
                return tableOps.list(r);
            case "DeleteTable":
                return vectors.delete(r, tableOps::delete);
            case "UpdateTable":
                return vectors.update(r, tableOps::update);
            case "SearchVectors":
                return vectors.search(r);
            case "UpdateTimeToLive":
                return tableOps.updateTtl(r);
            case "DescribeTimeToLive":
                return tableOps.describeTtl(r);
            case "TagResource":
                return tableOps.tag(r);
            case "UntagResource":
                return tableOps.untag(r);
            case "ListTagsOfResource":
                return tableOps.listTags(r);
            case "DescribeEndpoints":
                return tableOps.describeEndpoints();
            case "DescribeLimits":
                return tableOps.describeLimits();
            case "PutItem":
                return CountedValidation.run(() -> itemOps.put(r));
            case "GetItem":
                return itemOps.get(r);
            case "UpdateItem":
                return CountedValidation.run(() -> itemOps.update(r));
            case "DeleteItem":
                return itemOps.delete(r);
            case "Query":
                return readOps.query(r);
            case "Scan":
                return readOps.scan(r);
            case "BatchGetItem":
                return batchOps.get(r);
            case "BatchWriteItem":
                return batchOps.write(r);
            case "TransactWriteItems":
                return transactOps.write(r);
            case "TransactGetItems":
                return transactOps.get(r);
            case "ExecuteStatement":
                return partiql.execute(r);
            case "BatchExecuteStatement":
                return partiql.batch(r);
            case "ExecuteTransaction":
                return partiql.transaction(r);
            default:
                Map<String, Object> described = ReadOnlyDescribes.answer(this, op, r);
                if (described != null) {
                    return described;
                }
                throw new DynamoException(
                        "UnknownOperationException",
                        "Operation " + op + " is not supported by dynamorm-local",
                        400,
                        null);
        }
    }

    // ---- shared helpers

    Table table(String name) {
        Table t = tables.get(name);
        if (t == null) {
            TableMeta.validateTableReference(name);
        }
        if (t == null) {
            throw DynamoException.tableNotFound();
        }
        return t;
    }

    /**
     * DynamoDB's checks that ExpressionAttributeNames / Values come with an expression that can use
     * them; {@code expressions} lists the operation's expression parameters in DynamoDB's order.
     */
    static void expressionParameters(Request r, String... expressions) {
        boolean any = false;
        List<String> valueExpressions = new ArrayList<>();
        boolean anyValueExpression = false;
        for (String e : expressions) {
            any |= r.has(e);
            if (!e.equals("ProjectionExpression")) {
                valueExpressions.add(e);
                anyValueExpression |= r.has(e);
            }
        }
        if (r.has("ExpressionAttributeNames") && !any) {
            throw DynamoException.validation(
                    "ExpressionAttributeNames can only be specified when using expressions");
        }
        if (!valueExpressions.isEmpty()
                && r.has("ExpressionAttributeValues")
                && !anyValueExpression) {
            throw DynamoException.validation(
                    "ExpressionAttributeValues can only be specified when using expressions: "
                            + String.join(" and ", valueExpressions)
                            + (valueExpressions.size() > 1 ? " are null" : " is null"));
        }
    }

    static Bindings bindings(Request r) {
        Map<String, Object> rawNames = r.map("ExpressionAttributeNames");
        Map<String, String> names = null;
        if (rawNames != null) {
            names = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : rawNames.entrySet()) {
                names.put(e.getKey(), String.valueOf(e.getValue()));
            }
        }
        Map<String, Value> values = null;
        if (r.has("ExpressionAttributeValues")) {
            values = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : r.map("ExpressionAttributeValues").entrySet()) {
                try {
                    values.put(e.getKey(), AttributeCodec.value(e.getValue()));
                } catch (DynamoException invalid) {
                    if (!invalid.type().equals("ValidationException")) {
                        throw invalid;
                    }
                    throw DynamoException.validation(
                            "ExpressionAttributeValues contains invalid value: "
                                    + invalid.getMessage()
                                    + " for key "
                                    + e.getKey());
                }
            }
        }
        return new Bindings(names, values);
    }

    /** Applies changes (journal first) under the write locks the caller already holds. */
    void commit(List<Change> changes) {
        commit(changes, null);
    }

    /** Applies changes made by a transaction with an idempotency token (journal first). */
    void commit(List<Change> changes, Journal.Token token) {
        commit(changes, token, false);
    }

    /** Applies changes; {@code byService} marks TTL deletions in the table's stream. */
    private void commit(List<Change> changes, Journal.Token token, boolean byService) {
        List<Journal.ItemChange> records = new ArrayList<>(changes.size());
        for (Change c : changes) {
            if (c.item() != null) {
                AttributeNames.check(c.item());
            }
            records.add(
                    new Journal.ItemChange(
                            c.table().meta().name(),
                            c.key().toItem(c.table().meta().key()),
                            c.item()));
        }
        StreamBatch batch = streams.batch();
        List<Map<String, Value>> stored = new ArrayList<>(changes.size());
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            String name = c.table().meta().name();
            Map<String, Value> after = c.item() == null ? null : Table.copy(c.item());
            stored.add(after);
            if (!streams.recording(name)) {
                continue;
            }
            Map<String, Value> old =
                    c.table().items.get(c.key().hash(), Pos.table(c.key().range()));
            batch.add(name, records.get(i).key(), old, after, byService);
        }
        // journal first (items and stream records in one record), then apply
        streams.commit(
                batch,
                streamRecords -> journal.items(records, token, streamRecords),
                () -> {
                    for (int i = 0; i < changes.size(); i++) {
                        changes.get(i).table().apply(changes.get(i).key(), stored.get(i));
                    }
                });
    }

    Journal journal() {
        return journal;
    }

    /** Locks the write locks of the given tables in name order, returning them for unlocking. */
    static List<Lock> lockAll(Iterable<Table> tables) {
        TreeMap<String, Table> ordered = new TreeMap<>(Comparator.naturalOrder());
        tables.forEach(t -> ordered.put(t.meta().name(), t));
        List<Lock> locks = new ArrayList<>();
        for (Table t : ordered.values()) {
            Lock l = t.lock.writeLock();
            l.lock();
            locks.add(l);
        }
        return locks;
    }

    static void unlockAll(List<Lock> locks) {
        for (int i = locks.size() - 1; i >= 0; i--) {
            locks.get(i).unlock();
        }
    }

    String tableArn(String name) {
        return "arn:aws:dynamodb:" + region + ":" + account + ":table/" + name;
    }

    // ---- restore and maintenance (used by storage and the TTL sweeper)

    /** Registers a restored table definition (replacing any previous one with the same name). */
    public void restoreTable(TableMeta meta) {
        Table existing = tables.get(meta.name());
        if (existing != null && existing.meta().tableId().equals(meta.tableId())) {
            existing.redefine(meta);
        } else {
            tables.put(meta.name(), new Table(meta));
        }
    }

    public void restoreDrop(String name) {
        tables.remove(name);
    }

    public void restoreItem(String tableName, Map<String, Value> key, Map<String, Value> item) {
        Table t = tables.get(tableName);
        if (t != null) {
            t.apply(t.keyOf(key), item == null ? null : Table.copy(item));
        }
    }

    /** Restores a transaction idempotency token (ignored once its ten minutes have passed). */
    public void restoreToken(Journal.Token token) {
        transactOps.restoreToken(token);
    }

    /**
     * Visits every table definition and item, for snapshots, then the live transaction tokens.
     * Takes each table's read lock.
     */
    public void snapshot(SnapshotVisitor visitor) {
        snapshotTables(visitor);
        transactOps.liveTokens().forEach(visitor::token);
    }

    private void snapshotTables(SnapshotVisitor visitor) {
        for (Table t : tables.values()) {
            t.lock.readLock().lock();
            try {
                visitor.table(t.meta());
                t.forEachItem((k, item) -> visitor.item(t.meta().name(), item));
            } finally {
                t.lock.readLock().unlock();
            }
        }
    }

    /** Receives a consistent view of each table during {@link #snapshot}. */
    public interface SnapshotVisitor {
        void table(TableMeta meta);

        void item(String table, Map<String, Value> item);

        /** A transaction idempotency token still within its ten minutes. */
        default void token(Journal.Token token) {}
    }

    /**
     * Deletes items whose TTL passed; returns how many were removed. Finds them through each
     * table's expiry index under the read lock, so a pass costs the expired items (not the table)
     * and blocks writers only while those are deleted.
     */
    public int sweepExpired() {
        int removed = 0;
        long now = System.currentTimeMillis() / 1000;
        for (Table t : tables.values()) {
            if (t.meta().ttlAttribute() == null) {
                continue;
            }
            List<PrimaryKey> candidates;
            t.lock.readLock().lock();
            try {
                candidates = t.expiredKeys(now);
            } finally {
                t.lock.readLock().unlock();
            }
            if (!candidates.isEmpty()) {
                removed += expire(t, candidates, now);
            }
        }
        return removed;
    }

    /** Deletes the candidates that are still there and expired once the write lock is held. */
    private int expire(Table t, List<PrimaryKey> candidates, long now) {
        t.lock.writeLock().lock();
        try {
            if (tables.get(t.meta().name()) != t) {
                return 0; // dropped (or dropped and created again) since the candidates were found
            }
            List<Change> changes = new ArrayList<>(candidates.size());
            for (PrimaryKey k : candidates) {
                // a writer may have replaced or deleted it, or TTL been disabled, in between
                Map<String, Value> item = t.items.get(k.hash(), Pos.table(k.range()));
                if (item != null && t.isExpired(item, now)) {
                    changes.add(new Change(t, t.keyOf(item), null));
                }
            }
            if (!changes.isEmpty()) {
                commit(changes, null, true);
            }
            return changes.size();
        } finally {
            t.lock.writeLock().unlock();
        }
    }

    /** Expiry-index entries the TTL sweeps have visited in the live tables (a test hook). */
    public long sweepVisits() {
        long n = 0;
        for (Table t : tables.values()) {
            n += t.expiryVisits();
        }
        return n;
    }
}
