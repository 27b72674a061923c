package dev.dynamorm.engine.internal.write;

import static dev.dynamorm.engine.internal.write.BatchSupport.chunk;
import static dev.dynamorm.engine.internal.write.BatchSupport.identity;
import static dev.dynamorm.engine.internal.write.BatchSupport.total;

import dev.dynamorm.BatchOptions;
import dev.dynamorm.BatchWriteIncompleteException;
import dev.dynamorm.BatchWriteResult;
import dev.dynamorm.DynamORMException;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Key;
import dev.dynamorm.Operation;
import dev.dynamorm.RetryPolicy;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import dev.dynamorm.engine.internal.plugin.Event;
import dev.dynamorm.engine.internal.write.BatchSupport.Progress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.DoubleAdder;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * One batch write of one table, whatever sends it (the sync {@link TableBatch} or the async {@link
 * AsyncTableBatch}): the puts and deletes prepared and checked, split into chunks, the request of
 * each attempt, what was written, left unwritten or is of unknown outcome, and the result (or the
 * exception listing exactly what was not surely written). Thread-safe: chunks are sent in parallel.
 *
 * @param <T> the model type
 */
final class WriteBatch<T>
        implements UnprocessedRetry.Batch<
                WriteBatch.Op, BatchWriteItemRequest, BatchWriteItemResponse> {

    /** One put or delete of a batch write. */
    record Op(int index, boolean put, Object source, List<Object> id, WriteRequest request) {}

    private final TableContext<T> table;

    /** What hooks captured on the caller's thread: every request of the batch starts with it. */
    private final Event origin;

    private final ModelMetadata<T> model;
    private final List<Op> ops;
    // built once the stored creation times are carried over
    private List<List<Op>> chunks;
    // the puts whose stored @CreatedAt is read first (by op index), or empty
    private final Map<Integer, Map<String, AttributeValue>> carried = new HashMap<>();
    private final StoredCreationReads reads;
    private final RetryPolicy policy;
    // the policy's elapsed-time budget counts for the whole operation, not for each chunk
    private final long start = System.nanoTime();
    private final Progress progress;
    private final Set<Integer> unwritten = ConcurrentHashMap.newKeySet();
    private final Set<Integer> unknown = ConcurrentHashMap.newKeySet();
    private final AtomicInteger written = new AtomicInteger();
    private final DoubleAdder capacity = new DoubleAdder();
    private final AtomicReference<DynamORMException> failure = new AtomicReference<>();

    /**
     * Prepares and checks the writes; nothing is sent.
     *
     * @throws InvalidRequestException on null collections, a bad item or key, or a duplicate key
     */
    WriteBatch(
            TableContext<T> table,
            Collection<? extends T> puts,
            Collection<Key> deletes,
            BatchOptions options) {
        Objects.requireNonNull(options, "options");
        this.table = table;
        this.model = table.model();
        if (puts == null || deletes == null) {
            throw invalid(
                    "batch write of model %s needs collections of puts and deletes "
                            + "(use an empty list for none), got null",
                    model.type().getName());
        }
        TableWriter<T> writer = table.writer();
        this.policy = options.retryPolicy().orElse(table.context().executor().retryPolicy());
        this.origin = table.origin(Operation.BATCH_WRITE);
        this.reads = new StoredCreationReads(policy, start, origin);
        List<Op> all = new ArrayList<>(puts.size() + deletes.size());
        Map<List<Object>, Op> byKey = new HashMap<>();
        for (T item : puts) {
            PreparedWrite p = writer.prepareBatchPut(item, options.ignoreVersioning());
            if (StoredCreationReads.wanted(writer, item)) {
                carried.put(all.size(), p.item());
                reads.add(table, p.key());
            }
            add(
                    all,
                    byKey,
                    new Op(
                            all.size(),
                            true,
                            item,
                            identity(p.key()),
                            WriteRequest.builder()
                                    .putRequest(PutRequest.builder().item(p.item()).build())
                                    .build()));
        }
        for (Key k : deletes) {
            Map<String, AttributeValue> key = writer.batchDeleteKey(k, options.ignoreVersioning());
            add(
                    all,
                    byKey,
                    new Op(
                            all.size(),
                            false,
                            k,
                            identity(key),
                            WriteRequest.builder()
                                    .deleteRequest(DeleteRequest.builder().key(key).build())
                                    .build()));
        }
        this.ops = all;
        this.progress = new Progress(options.progress().orElse(null), all.size());
    }

    private void add(List<Op> all, Map<List<Object>, Op> byKey, Op op) {
        Op other = byKey.putIfAbsent(op.id(), op);
        if (other != null) {
            throw invalid(
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
        all.add(op);
    }

    /**
     * The reads of the stored creation times to carry over, sent before {@link #chunks()}; empty
     * when no put needs one.
     */
    StoredCreationReads reads() {
        return reads;
    }

    /**
     * The chunks of writes, each sent on its own: once asked for, the stored creation times read
     * are carried over, and a put whose read did not complete is left unwritten.
     */
    List<List<Op>> chunks() {
        if (chunks == null) {
            List<Op> send = ops;
            if (!carried.isEmpty()) {
                send = new ArrayList<>(ops.size());
                List<Op> unsent = new ArrayList<>();
                for (Op op : ops) {
                    Map<String, AttributeValue> item = carried.get(op.index());
                    if (item == null) {
                        send.add(op);
                    } else if (reads.carryOver(table, keyOf(op.request()), item)) {
                        send.add(
                                new Op(
                                        op.index(),
                                        true,
                                        op.source(),
                                        op.id(),
                                        WriteRequest.builder()
                                                .putRequest(PutRequest.builder().item(item).build())
                                                .build()));
                    } else {
                        unsent.add(op);
                    }
                }
                if (!unsent.isEmpty()) {
                    failure.compareAndSet(null, reads.whyUnsent(unsent.size()));
                    unwritten(unsent, false);
                }
            }
            chunks = chunk(send, TableBatch.MAX_WRITE_ITEMS);
        }
        return chunks;
    }

    @Override
    public Operation operation() {
        return Operation.BATCH_WRITE;
    }

    @Override
    public RetryPolicy policy() {
        return policy;
    }

    @Override
    public long start() {
        return start;
    }

    @Override
    public Event event() {
        return table.event(Operation.BATCH_WRITE, null).follow(origin);
    }

    @Override
    public DynamORMException map(SdkException e) {
        return table.map(e, Operation.BATCH_WRITE);
    }

    @Override
    public BatchWriteItemRequest request(List<Op> pending) {
        return BatchWriteItemRequest.builder()
                .requestItems(Map.of(table.tableName(), pending.stream().map(Op::request).toList()))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .build();
    }

    @Override
    public List<Op> answered(List<Op> pending, BatchWriteItemResponse response) {
        capacity.add(total(response.consumedCapacity()));
        List<WriteRequest> left =
                response.hasUnprocessedItems()
                        ? response.unprocessedItems().getOrDefault(table.tableName(), List.of())
                        : List.of();
        if (left.isEmpty()) {
            written.addAndGet(pending.size());
            return List.of();
        }
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
        return next;
    }

    /** A call failed for good: its pending writes are unwritten, or of unknown outcome if lost. */
    @Override
    public void failed(List<Op> pending, DynamORMException e, boolean lost) {
        failure.compareAndSet(null, e);
        unwritten(pending, lost);
    }

    /**
     * Writes not surely written (the budget ran out, or their chunk was not sent): unknown once an
     * answer of their chunk was lost, since that attempt may have applied them.
     */
    void unwritten(List<Op> pending, boolean lost) {
        pending.forEach(op -> (lost ? unknown : unwritten).add(op.index()));
    }

    @Override
    public void left(List<Op> pending, boolean lost) {
        unwritten(pending, lost);
    }

    /**
     * The async executor refused the loop's next step: its pending writes are of unknown outcome
     * when a request carrying them went unanswered, else (answered unprocessed, resend refused)
     * unwritten.
     */
    @Override
    public void refused(List<Op> pending, RejectedExecutionException rejected, boolean sent) {
        failure.compareAndSet(
                null, UnprocessedRetry.refusal(Operation.BATCH_WRITE, model.type(), rejected));
        unwritten(pending, sent);
    }

    @Override
    public AtomicReference<DynamORMException> failure() {
        return failure;
    }

    /** A chunk is done (written, or left). */
    void chunkDone(List<Op> chunk) {
        progress.advance(chunk.size());
    }

    /**
     * The result.
     *
     * @throws BatchWriteIncompleteException if some writes are not surely written (it lists them)
     */
    BatchWriteResult<T> result() {
        List<T> unwrittenPuts = new ArrayList<>();
        List<Key> unwrittenDeletes = new ArrayList<>();
        List<T> unknownPuts = new ArrayList<>();
        List<Key> unknownDeletes = new ArrayList<>();
        for (Op op : ops) {
            boolean lost = unknown.contains(op.index());
            if (lost || unwritten.contains(op.index())) {
                if (op.put()) {
                    @SuppressWarnings("unchecked") // puts hold the caller's items of type T
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

    private Map<String, AttributeValue> keyOf(WriteRequest r) {
        return WriterWrite.keyOf(table, r);
    }

    private InvalidRequestException invalid(String format, Object... args) {
        return new InvalidRequestException(
                String.format(Locale.ROOT, format, args),
                Operation.BATCH_WRITE,
                model.type(),
                null);
    }
}
