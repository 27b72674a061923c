package dev.dynamorm.local.internal.engine;

import dev.dynamorm.local.internal.error.DynamoException;
import dev.dynamorm.local.internal.expr.Bindings;
import dev.dynamorm.local.internal.expr.Documents;
import dev.dynamorm.local.internal.expr.Updater;
import dev.dynamorm.local.internal.value.ItemSize;
import dev.dynamorm.local.internal.value.Value;
import dev.dynamorm.local.internal.wire.AttributeCodec;
import dev.dynamorm.local.internal.wire.Json;
import dev.dynamorm.local.internal.wire.Request;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Lock;

/**
 * TransactWriteItems and TransactGetItems: all-or-nothing under the write locks of every table
 * involved.
 */
final class TransactOps {
    private static final long MAX_TRANSACTION_BYTES = 4L * 1024 * 1024;

    private static final String KEY_MISMATCH = "The provided key element does not match the schema";

    private static final long TOKEN_TTL_MILLIS = 10 * 60 * 1000;

    // the fingerprint is a digest computed once for this entry and never mutated
    @SuppressWarnings("ArrayRecordComponent")
    private record TokenEntry(byte[] fingerprint, long createdMillis) {}

    private final Engine engine;
    private final Map<String, TokenEntry> tokens = new LinkedHashMap<>();

    TransactOps(Engine engine) {
        this.engine = engine;
    }

    private static List<Object> transactItems(Request r) {
        List<Object> items = r.list("TransactItems");
        if (items == null) {
            throw DynamoException.validation(
                    "1 validation error detected: Value null at 'transactItems' failed to satisfy constraint: Member must not be null");
        }
        if (items.isEmpty() || items.size() > 100) {
            throw DynamoException.validation(
                    "1 validation error detected: Value '"
                            + (items.isEmpty() ? "[]" : "[...]")
                            + "' at 'transactItems' failed to satisfy constraint: Member must have length "
                            + (items.isEmpty()
                                    ? "greater than or equal to 1"
                                    : "less than or equal to 100"));
        }
        return items;
    }

    Map<String, Object> write(Request r) {
        List<Object> items = transactItems(r);
        List<ItemOps.PreparedWrite> writes = new ArrayList<>();
        Set<List<Object>> seen = new HashSet<>();
        for (Object o : items) {
            Request action = Request.of(o);
            String kind = null;
            int kinds = 0;
            for (String k : List.of("Put", "Update", "Delete", "ConditionCheck")) {
                if (action.has(k)) {
                    kind = k;
                    kinds++;
                }
            }
            if (kinds != 1) {
                throw DynamoException.validation(
                        "TransactItems can only contain one of Check, Put, Update or Delete");
            }
            ItemOps.PreparedWrite w;
            try {
                w = ItemOps.prepare(engine, kind, action.object(kind));
            } catch (DynamoException invalid) {
                throw keyMismatchAsCancellation(invalid, writes.size(), items.size());
            }
            if (!seen.add(List.of(w.table.meta().name(), w.key))) {
                throw DynamoException.validation(
                        "Transaction request cannot include multiple operations on one item");
            }
            writes.add(w);
        }
        String token = r.string("ClientRequestToken");
        byte[] fingerprint = token == null ? null : Json.write(items);
        Set<Table> tables = new LinkedHashSet<>();
        writes.forEach(w -> tables.add(w.table));
        Map<String, Capacity> capacity = new LinkedHashMap<>();
        List<Lock> locks = Engine.lockAll(tables);
        try {
            // checked under the table locks so that two calls with one token cannot both apply
            if (token != null && alreadyApplied(token, fingerprint)) {
                return new LinkedHashMap<>();
            }
            if (engine.faults().conflict()) {
                List<Object> conflict = new ArrayList<>();
                for (int i = 0; i < writes.size(); i++) {
                    conflict.add(
                            i == 0
                                    ? reason(
                                            "TransactionConflict",
                                            "Transaction is ongoing for the item",
                                            null)
                                    : reason("None", null, null));
                }
                throw cancelled(conflict);
            }
            List<Object> reasons = new ArrayList<>();
            boolean failed = false;
            List<Map<String, Value>> olds = new ArrayList<>();
            for (ItemOps.PreparedWrite w : writes) {
                Map<String, Value> old = w.table.get(w.key);
                olds.add(old);
                if (w.conditionHolds(old)) {
                    reasons.add(reason("None", null, null));
                } else {
                    failed = true;
                    reasons.add(
                            reason(
                                    "ConditionalCheckFailed",
                                    "The conditional request failed",
                                    w.returnOldOnFailure && old != null
                                            ? AttributeCodec.json(old)
                                            : null));
                }
            }
            if (failed) {
                throw cancelled(reasons);
            }
            // errors caused by applying an action (type mismatch, item too large) cancel the
            // transaction
            List<Updater.Result> results = new ArrayList<>();
            for (int i = 0; i < writes.size(); i++) {
                try {
                    results.add(writes.get(i).compute(olds.get(i)));
                } catch (DynamoException invalid) {
                    if (!invalid.type().equals("ValidationException")) {
                        throw invalid;
                    }
                    List<Object> validation = new ArrayList<>();
                    for (int j = 0; j < writes.size(); j++) {
                        validation.add(
                                j == i
                                        ? reason("ValidationError", invalid.getMessage(), null)
                                        : reason("None", null, null));
                    }
                    throw cancelled(validation);
                }
            }
            checkAggregateSize(writes, results);
            List<Change> changes = new ArrayList<>();
            for (int i = 0; i < writes.size(); i++) {
                ItemOps.PreparedWrite w = writes.get(i);
                Updater.Result result = results.get(i);
                if (!w.kind.equals("ConditionCheck")) {
                    changes.add(new Change(w.table, w.key, result.item()));
                    capacity.computeIfAbsent(w.table.meta().name(), Capacity::transactional)
                            .write(w.table.meta(), olds.get(i), result.item())
                            .write(w.table.meta(), olds.get(i), result.item());
                } else {
                    capacity.computeIfAbsent(w.table.meta().name(), Capacity::transactional)
                            .check(
                                    Capacity.readUnits(
                                                    olds.get(i) == null
                                                            ? 0
                                                            : ItemSize.of(olds.get(i)),
                                                    true)
                                            * 2);
                }
            }
            long now = System.currentTimeMillis();
            engine.commit(
                    changes, token == null ? null : new Journal.Token(token, fingerprint, now));
            if (token != null) {
                synchronized (tokens) {
                    tokens.put(token, new TokenEntry(fingerprint, now));
                }
            }
        } finally {
            Engine.unlockAll(locks);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        BatchOps.addCapacity(out, capacity, r.string("ReturnConsumedCapacity"));
        return out;
    }

    /** DynamoDB's 4 MB limit on the aggregate size of the items a transaction writes. */
    private static void checkAggregateSize(
            List<ItemOps.PreparedWrite> writes, List<Updater.Result> results) {
        long total = 0;
        for (int i = 0; i < writes.size(); i++) {
            String kind = writes.get(i).kind;
            Map<String, Value> item = results.get(i).item();
            if ((kind.equals("Put") || kind.equals("Update")) && item != null) {
                total += ItemSize.of(item);
            }
        }
        if (total > MAX_TRANSACTION_BYTES) {
            throw DynamoException.validation(
                    "Collection size of items exceeded, which can also be caused by the aggregate size of the items in the transaction exceeding the 4MB limit");
        }
    }

    void restoreToken(Journal.Token t) {
        if (System.currentTimeMillis() - t.createdMillis() <= TOKEN_TTL_MILLIS) {
            synchronized (tokens) {
                tokens.put(t.token(), new TokenEntry(t.fingerprint(), t.createdMillis()));
            }
        }
    }

    List<Journal.Token> liveTokens() {
        long now = System.currentTimeMillis();
        List<Journal.Token> live = new ArrayList<>();
        synchronized (tokens) {
            tokens.forEach(
                    (k, e) -> {
                        if (now - e.createdMillis() <= TOKEN_TTL_MILLIS) {
                            live.add(new Journal.Token(k, e.fingerprint(), e.createdMillis()));
                        }
                    });
        }
        return live;
    }

    /**
     * True if this token was applied with the same request; throws if it was used with a different
     * one.
     */
    private boolean alreadyApplied(String token, byte[] fingerprint) {
        synchronized (tokens) {
            long now = System.currentTimeMillis();
            // tokens are kept in insertion order, which is (nearly) creation order: the expired
            // ones are at the head, so dropping them stops at the first live one (a full pass per
            // transaction made a long run of transactions quadratic)
            for (Iterator<TokenEntry> it = tokens.values().iterator(); it.hasNext(); ) {
                if (now - it.next().createdMillis() <= TOKEN_TTL_MILLIS) {
                    break;
                }
                it.remove();
            }
            TokenEntry prior = tokens.get(token);
            if (prior == null || now - prior.createdMillis() > TOKEN_TTL_MILLIS) {
                return false;
            }
            if (Arrays.equals(prior.fingerprint(), fingerprint)) {
                return true;
            }
            throw new DynamoException(
                    "IdempotentParameterMismatchException",
                    "Request with the same client request token but different parameters",
                    400,
                    null);
        }
    }

    private static Map<String, Object> reason(String code, String message, Object item) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Code", code);
        if (message != null) {
            m.put("Message", message);
        }
        if (item != null) {
            m.put("Item", item);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private static DynamoException cancelled(List<Object> reasons) {
        List<String> codes = new ArrayList<>();
        for (Object o : reasons) {
            codes.add((String) ((Map<String, Object>) o).get("Code"));
        }
        return new DynamoException(
                "TransactionCanceledException",
                "Transaction cancelled, please refer cancellation reasons for specific reasons "
                        + codes.toString(),
                400,
                Map.of("CancellationReasons", reasons));
    }

    /**
     * DynamoDB cancels a transaction for "a user error, such as an invalid data format" (API
     * reference, TransactionCanceledException): a key that does not match the schema is the
     * action's {@code ValidationError} reason, {@code None} for the others, and so is a vector that
     * does not fit a vector index (as Dynoxide answers). Other validation errors of the request are
     * returned as they are.
     */
    private static DynamoException keyMismatchAsCancellation(
            DynamoException invalid, int index, int count) {
        if (!invalid.type().equals("ValidationException")
                || !(KEY_MISMATCH.equals(invalid.getMessage())
                        || VectorIndexes.isVectorRefusal(invalid.getMessage()))) {
            return invalid;
        }
        List<Object> reasons = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            reasons.add(
                    j == index
                            ? reason("ValidationError", invalid.getMessage(), null)
                            : reason("None", null, null));
        }
        return cancelled(reasons);
    }

    Map<String, Object> get(Request r) {
        List<Object> items = transactItems(r);
        record Read(Table table, PrimaryKey key, List<List<Object>> projection) {}
        List<Read> reads = new ArrayList<>();
        for (Object o : items) {
            Request get = Request.of(o).object("Get");
            if (get == null) {
                throw DynamoException.validation(
                        "1 validation error detected: Value null at 'transactItems.1.member.get' failed to satisfy constraint: Member must not be null");
            }
            Table t = engine.table(get.requiredString("TableName"));
            PrimaryKey key;
            try {
                key = Keys.key(t.meta(), AttributeCodec.item(get.map("Key")));
            } catch (DynamoException invalid) {
                if (!invalid.type().equals("ValidationException")) {
                    throw invalid;
                }
                // DynamoDB reports a key that does not match the schema as a cancellation reason
                List<Object> validation = new ArrayList<>();
                for (int j = 0; j < items.size(); j++) {
                    validation.add(
                            j == reads.size()
                                    ? reason("ValidationError", invalid.getMessage(), null)
                                    : reason("None", null, null));
                }
                throw cancelled(validation);
            }
            Bindings b = Engine.bindings(get);
            List<List<Object>> projection = ItemOps.projection(get, b);
            b.checkAllUsed();
            for (Read prior : reads) {
                if (prior.table() == t && prior.key().equals(key)) {
                    throw DynamoException.validation(
                            "Transaction request cannot include multiple operations on one item");
                }
            }
            reads.add(new Read(t, key, projection));
        }
        Set<Table> tables = new LinkedHashSet<>();
        reads.forEach(x -> tables.add(x.table()));
        List<Object> responses = new ArrayList<>();
        Map<String, Capacity> capacity = new LinkedHashMap<>();
        List<Lock> locks = Engine.lockAll(tables);
        try {
            for (Read x : reads) {
                Map<String, Value> item = x.table().get(x.key());
                Map<String, Object> resp = new LinkedHashMap<>();
                if (item != null) {
                    resp.put(
                            "Item",
                            AttributeCodec.json(
                                    x.projection() == null
                                            ? item
                                            : Documents.project(item, x.projection())));
                }
                responses.add(resp);
                capacity.computeIfAbsent(x.table().meta().name(), Capacity::transactional)
                        .read(
                                Capacity.readUnits(item == null ? 0 : ItemSize.of(item), true) * 2,
                                null,
                                false);
            }
        } finally {
            Engine.unlockAll(locks);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Responses", responses);
        BatchOps.addCapacity(out, capacity, r.string("ReturnConsumedCapacity"));
        return out;
    }
}
