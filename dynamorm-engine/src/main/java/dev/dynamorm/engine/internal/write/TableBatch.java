package dev.dynamorm.engine.internal.write;

import static dev.dynamorm.engine.internal.write.BatchSupport.backoff;
import static dev.dynamorm.engine.internal.write.BatchSupport.chunk;
import static dev.dynamorm.engine.internal.write.BatchSupport.identity;
import static dev.dynamorm.engine.internal.write.BatchSupport.runChunks;
import static dev.dynamorm.engine.internal.write.BatchSupport.total;

import dev.dynamorm.BatchGetIncompleteException;
import dev.dynamorm.BatchGetResult;
import dev.dynamorm.BatchOptions;
import dev.dynamorm.BatchWriteIncompleteException;
import dev.dynamorm.BatchWriteResult;
import dev.dynamorm.DynamORMException;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Key;
import dev.dynamorm.Operation;
import dev.dynamorm.engine.internal.client.EngineContext;
import dev.dynamorm.engine.internal.client.ErrorMapper;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import dev.dynamorm.engine.internal.write.BatchSupport.Progress;
import dev.dynamorm.spi.RetryPolicy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.DoubleAdder;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Batch reads and writes of one table: chunks of {@value #MAX_GET_KEYS} keys or {@value
 * #MAX_WRITE_ITEMS} writes, sent by parallel workers, with unprocessed keys and items retried under
 * the retry policy until done or the budget is spent; whatever is left is reported exactly, never
 * dropped.
 */
public final class TableBatch<T> {

    /** DynamoDB's limit on the keys of one BatchGetItem call. */
    public static final int MAX_GET_KEYS = 100;

    /** DynamoDB's limit on the writes of one BatchWriteItem call. */
    public static final int MAX_WRITE_ITEMS = 25;

    private final TableContext<T> table;
    private final TableWriter<T> writer;
    private final ModelMetadata<T> model;
    private final EngineContext ctx;

    public TableBatch(TableContext<T> table) {
        this.table = table;
        this.writer = table.writer();
        this.model = table.model();
        this.ctx = table.context();
    }

    // ---- reads ----

    public BatchGetResult<T> get(Collection<Key> keys, BatchOptions options) {
        Objects.requireNonNull(options, "options");
        if (keys == null) {
            throw invalid(
                    Operation.BATCH_GET,
                    "batch get of model %s needs a collection of keys, got null",
                    model.type().getName());
        }
        table.requireReadableForQuery(Operation.BATCH_GET);
        List<Key> requested = new ArrayList<>(keys);
        List<Map<String, AttributeValue>> bound = new ArrayList<>(requested.size());
        Map<List<Object>, Map<String, AttributeValue>> distinct = new LinkedHashMap<>();
        for (Key k : requested) {
            Map<String, AttributeValue> key = writer.keyOf(k, Operation.BATCH_GET);
            bound.add(key);
            distinct.putIfAbsent(identity(key), key);
        }
        List<List<Map<String, AttributeValue>>> chunks =
                chunk(new ArrayList<>(distinct.values()), MAX_GET_KEYS);
        Map<List<Object>, Map<String, AttributeValue>> found = new ConcurrentHashMap<>();
        Set<List<Object>> unprocessed = ConcurrentHashMap.newKeySet();
        DoubleAdder capacity = new DoubleAdder();
        AtomicReference<DynamORMException> failure = new AtomicReference<>();
        RetryPolicy policy = options.retryPolicy().orElse(ctx.executor().retryPolicy());
        // the policy's elapsed-time budget counts for the whole operation, not for each chunk
        long operationStart = System.nanoTime();
        Progress progress = new Progress(options.progress().orElse(null), distinct.size());
        Set<Object> finished =
                runChunks(
                        chunks,
                        options.workers(),
                        chunk -> {
                            getChunk(
                                    operationStart,
                                    chunk,
                                    options.consistentRead(),
                                    policy,
                                    found,
                                    unprocessed,
                                    capacity,
                                    failure);
                            progress.advance(chunk.size());
                        },
                        failure,
                        Operation.BATCH_GET);
        for (List<Map<String, AttributeValue>> chunk : chunks) {
            if (!finished.contains(chunk)) {
                chunk.forEach(k -> unprocessed.add(identity(k)));
            }
        }
        List<T> items = new ArrayList<>();
        List<Key> missing = new ArrayList<>();
        List<Key> left = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            List<Object> id = identity(bound.get(i));
            Map<String, AttributeValue> item = found.get(id);
            if (item != null && !table.hidden(item)) {
                items.add(model.fromItem(item, Operation.BATCH_GET));
            } else if (item == null && unprocessed.contains(id)) {
                left.add(requested.get(i));
            } else {
                missing.add(requested.get(i));
            }
        }
        BatchGetResult<T> result = new BatchGetResult<>(items, missing, left, capacity.sum());
        if (!left.isEmpty()) {
            throw new BatchGetIncompleteException(
                    String.format(
                            Locale.ROOT,
                            "batch get of model %s from table '%s' left %d of %d keys unread: %s; the exception's result "
                                    + "holds what was read",
                            model.type().getName(),
                            table.tableName(),
                            left.size(),
                            requested.size(),
                            failure.get() == null
                                    ? "the retry budget for unprocessed keys ran out"
                                    : failure.get().getMessage()),
                    model.type(),
                    result,
                    failure.get());
        }
        return result;
    }

    private void getChunk(
            long start,
            List<Map<String, AttributeValue>> chunk,
            boolean consistent,
            RetryPolicy policy,
            Map<List<Object>, Map<String, AttributeValue>> found,
            Set<List<Object>> unprocessed,
            DoubleAdder capacity,
            AtomicReference<DynamORMException> failure) {
        String tableName = table.tableName();
        List<Map<String, AttributeValue>> pending = chunk;
        int attempts = 0;
        while (!pending.isEmpty()) {
            BatchGetItemRequest request =
                    BatchGetItemRequest.builder()
                            .requestItems(
                                    Map.of(
                                            tableName,
                                            KeysAndAttributes.builder()
                                                    .keys(pending)
                                                    .consistentRead(consistent)
                                                    .build()))
                            .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                            .build();
            BatchGetItemResponse response;
            try {
                response =
                        ctx.executor()
                                .run(
                                        table.event(Operation.BATCH_GET, null),
                                        request,
                                        r -> ctx.client().batchGetItem(r),
                                        e -> table.map(e, Operation.BATCH_GET),
                                        policy);
            } catch (DynamORMException e) {
                failure.compareAndSet(null, e);
                pending.forEach(k -> unprocessed.add(identity(k)));
                return;
            }
            capacity.add(total(response.consumedCapacity()));
            for (Map<String, AttributeValue> item :
                    response.responses().getOrDefault(tableName, List.of())) {
                found.put(identity(keyAttributes(item)), item);
            }
            KeysAndAttributes left =
                    response.hasUnprocessedKeys()
                            ? response.unprocessedKeys().get(tableName)
                            : null;
            pending = left == null || !left.hasKeys() ? List.of() : left.keys();
            if (!pending.isEmpty()) {
                attempts++;
                if (!backoff(
                        policy, attempts, start, pending.size(), Operation.BATCH_GET, failure)) {
                    pending.forEach(k -> unprocessed.add(identity(k)));
                    return;
                }
            }
        }
    }

    // ---- writes ----

    /** One put or delete of a batch write. */
    private record Op(
            int index, boolean put, Object source, List<Object> id, WriteRequest request) {}

    public BatchWriteResult<T> write(
            Collection<? extends T> puts, Collection<Key> deletes, BatchOptions options) {
        Objects.requireNonNull(options, "options");
        if (puts == null || deletes == null) {
            throw invalid(
                    Operation.BATCH_WRITE,
                    "batch write of model %s needs collections of puts and deletes "
                            + "(use an empty list for none), got null",
                    model.type().getName());
        }
        List<Op> ops = new ArrayList<>(puts.size() + deletes.size());
        Map<List<Object>, Op> byKey = new HashMap<>();
        for (T item : puts) {
            PreparedWrite p = writer.prepareBatchPut(item, options.ignoreVersioning());
            addOp(
                    ops,
                    byKey,
                    new Op(
                            ops.size(),
                            true,
                            item,
                            identity(p.key()),
                            WriteRequest.builder()
                                    .putRequest(PutRequest.builder().item(p.item()).build())
                                    .build()));
        }
        for (Key k : deletes) {
            Map<String, AttributeValue> key = writer.batchDeleteKey(k, options.ignoreVersioning());
            addOp(
                    ops,
                    byKey,
                    new Op(
                            ops.size(),
                            false,
                            k,
                            identity(key),
                            WriteRequest.builder()
                                    .deleteRequest(DeleteRequest.builder().key(key).build())
                                    .build()));
        }
        List<List<Op>> chunks = chunk(ops, MAX_WRITE_ITEMS);
        Set<Integer> unwritten = ConcurrentHashMap.newKeySet();
        Set<Integer> unknown = ConcurrentHashMap.newKeySet();
        AtomicInteger written = new AtomicInteger();
        DoubleAdder capacity = new DoubleAdder();
        AtomicReference<DynamORMException> failure = new AtomicReference<>();
        RetryPolicy policy = options.retryPolicy().orElse(ctx.executor().retryPolicy());
        // the policy's elapsed-time budget counts for the whole operation, not for each chunk
        long operationStart = System.nanoTime();
        Progress progress = new Progress(options.progress().orElse(null), ops.size());
        Set<Object> finished =
                runChunks(
                        chunks,
                        options.workers(),
                        chunk -> {
                            writeChunk(
                                    operationStart,
                                    chunk,
                                    policy,
                                    unwritten,
                                    unknown,
                                    written,
                                    capacity,
                                    failure);
                            progress.advance(chunk.size());
                        },
                        failure,
                        Operation.BATCH_WRITE);
        for (List<Op> chunk : chunks) {
            if (!finished.contains(chunk)) {
                chunk.forEach(op -> unwritten.add(op.index()));
            }
        }
        List<T> unwrittenPuts = new ArrayList<>();
        List<Key> unwrittenDeletes = new ArrayList<>();
        List<T> unknownPuts = new ArrayList<>();
        List<Key> unknownDeletes = new ArrayList<>();
        for (Op op : ops) {
            boolean lost = unknown.contains(op.index());
            if (lost || unwritten.contains(op.index())) {
                if (op.put()) {
                    @SuppressWarnings("unchecked")
                    T item = (T) op.source();
                    (lost ? unknownPuts : unwrittenPuts).add(item);
                } else {
                    (lost ? unknownDeletes : unwrittenDeletes).add((Key) op.source());
                }
            }
        }
        BatchWriteResult<T> result =
                new BatchWriteResult<>(
                        written.get(),
                        unwrittenPuts,
                        unwrittenDeletes,
                        capacity.sum(),
                        unknownPuts,
                        unknownDeletes);
        if (!result.complete()) {
            throw new BatchWriteIncompleteException(
                    String.format(
                            Locale.ROOT,
                            "batch write of model %s to table '%s' left %d of %d operations unwritten (%d puts, %d deletes)"
                                    + " and %d of unknown outcome (sent, answer lost: they may be stored): "
                                    + "%s; the exception lists them, everything else was written",
                            model.type().getName(),
                            table.tableName(),
                            unwrittenPuts.size() + unwrittenDeletes.size(),
                            ops.size(),
                            unwrittenPuts.size(),
                            unwrittenDeletes.size(),
                            unknownPuts.size() + unknownDeletes.size(),
                            failure.get() == null
                                    ? "the retry budget for unprocessed items ran out"
                                    : failure.get().getMessage()),
                    model.type(),
                    result,
                    failure.get());
        }
        return result;
    }

    private void addOp(List<Op> ops, Map<List<Object>, Op> byKey, Op op) {
        Op other = byKey.putIfAbsent(op.id(), op);
        if (other != null) {
            throw invalid(
                    Operation.BATCH_WRITE,
                    "batch write of model %s has two operations on key %s (%s #%d and "
                            + "%s #%d): DynamoDB rejects duplicate keys in one request and their order could not be kept: "
                            + "keep one",
                    model.type().getName(),
                    table.describeKey(keyOf(op.request())),
                    other.put() ? "put" : "delete",
                    other.index(),
                    op.put() ? "put" : "delete",
                    op.index());
        }
        ops.add(op);
    }

    private void writeChunk(
            long start,
            List<Op> chunk,
            RetryPolicy policy,
            Set<Integer> unwritten,
            Set<Integer> unknown,
            AtomicInteger written,
            DoubleAdder capacity,
            AtomicReference<DynamORMException> failure) {
        String tableName = table.tableName();
        List<Op> pending = chunk;
        int attempts = 0;
        // once an attempt's answer is lost, what is still pending may have been applied by it
        AtomicBoolean lost = new AtomicBoolean();
        while (!pending.isEmpty()) {
            BatchWriteItemRequest request =
                    BatchWriteItemRequest.builder()
                            .requestItems(
                                    Map.of(tableName, pending.stream().map(Op::request).toList()))
                            .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                            .build();
            BatchWriteItemResponse response;
            try {
                response =
                        ctx.executor()
                                .run(
                                        table.event(Operation.BATCH_WRITE, null),
                                        request,
                                        r -> {
                                            try {
                                                return ctx.client().batchWriteItem(r);
                                            } catch (SdkException e) {
                                                if (ErrorMapper.ambiguous(e)) {
                                                    lost.set(true);
                                                }
                                                throw e;
                                            }
                                        },
                                        e -> table.map(e, Operation.BATCH_WRITE),
                                        policy);
            } catch (DynamORMException e) {
                failure.compareAndSet(null, e);
                pending.forEach(op -> (lost.get() ? unknown : unwritten).add(op.index()));
                return;
            }
            capacity.add(total(response.consumedCapacity()));
            List<WriteRequest> left =
                    response.hasUnprocessedItems()
                            ? response.unprocessedItems().getOrDefault(tableName, List.of())
                            : List.of();
            Map<List<Object>, Op> byId = new HashMap<>();
            pending.forEach(op -> byId.put(op.id(), op));
            List<Op> next = new ArrayList<>(left.size());
            for (WriteRequest r : left) {
                Op op = byId.get(identity(keyOf(r)));
                if (op != null) {
                    next.add(op);
                }
            }
            written.addAndGet(pending.size() - next.size());
            pending = next;
            if (!pending.isEmpty()) {
                attempts++;
                if (!backoff(
                        policy, attempts, start, pending.size(), Operation.BATCH_WRITE, failure)) {
                    pending.forEach(op -> (lost.get() ? unknown : unwritten).add(op.index()));
                    return;
                }
            }
        }
    }

    private Map<String, AttributeValue> keyOf(WriteRequest r) {
        return r.putRequest() != null
                ? keyAttributes(r.putRequest().item())
                : r.deleteRequest().key();
    }

    private Map<String, AttributeValue> keyAttributes(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new HashMap<>(4);
        String pk = model.partitionKey().attributeName();
        key.put(pk, item.get(pk));
        model.sortKey().ifPresent(s -> key.put(s.attributeName(), item.get(s.attributeName())));
        return key;
    }

    private InvalidRequestException invalid(Operation op, String format, Object... args) {
        return new InvalidRequestException(
                String.format(Locale.ROOT, format, args), op, model.type(), null);
    }
}
