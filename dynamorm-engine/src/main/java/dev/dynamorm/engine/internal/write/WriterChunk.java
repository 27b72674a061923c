package dev.dynamorm.engine.internal.write;

import dev.dynamorm.BatchWriteIncompleteException;
import dev.dynamorm.DynamORMException;
import dev.dynamorm.DynamoServiceException;
import dev.dynamorm.Operation;
import dev.dynamorm.RetryPolicy;
import dev.dynamorm.engine.internal.client.AsyncExecutor;
import dev.dynamorm.engine.internal.client.ErrorMapper;
import dev.dynamorm.engine.internal.plugin.AsyncAround;
import dev.dynamorm.engine.internal.plugin.Event;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.DoubleAdder;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * One BatchWriteItem call of the {@link DefaultAsyncBatchWriter} (writes of any tables, distinct
 * keys), sent without blocking: the stored creation times its puts carry over are read first
 * ({@link StoredCreationReads}, as the sync writer does), then the writes go through {@link
 * UnprocessedRetry#sendAsync} (hooks, the retry policy, unprocessed items again after a timer
 * backoff). Each write ends written or with its own failure ({@link BatchWriterFailures}, as the
 * sync writer's futures fail).
 */
final class WriterChunk
        implements UnprocessedRetry.Batch<
                WriterWrite, BatchWriteItemRequest, BatchWriteItemResponse> {

    private final AsyncExecutor executor;
    private final DynamoDbAsyncClient client;
    private final RetryPolicy policy;
    private final List<WriterWrite> writes;
    private final long start = System.nanoTime();
    private final Map<List<Object>, BatchWriteIncompleteException> failures =
            new ConcurrentHashMap<>();
    private final AtomicReference<DynamORMException> failure = new AtomicReference<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private final DoubleAdder capacity = new DoubleAdder();

    /** The writes of the latest request built (the loop sends one request at a time). */
    private volatile List<WriterWrite> requested;

    /**
     * The writes that may have reached DynamoDB without their outcome taken in: those of the latest
     * request sent, less the ones its answer took in as processed; null until one is sent.
     */
    private volatile List<WriterWrite> open;

    WriterChunk(
            AsyncExecutor executor,
            DynamoDbAsyncClient client,
            RetryPolicy policy,
            List<WriterWrite> writes) {
        this.executor = executor;
        this.client = client;
        this.policy = policy;
        this.writes = writes;
    }

    /**
     * Sends the chunk.
     *
     * @return completes when every write is written or has its failure; never fails
     */
    CompletableFuture<Void> send() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            CompletableFuture<?> unused =
                    keepCreatedAt()
                            .thenCompose(
                                    send ->
                                            send.isEmpty()
                                                    ? CompletableFuture.completedFuture(null)
                                                    : UnprocessedRetry.sendAsync(
                                                            executor, this, send, this::call))
                            .whenComplete((ok, thrown) -> ended(thrown, done));
        } catch (RuntimeException | Error e) {
            ended(e, done);
        }
        return done;
    }

    /**
     * Sends a request built by {@link #request}: from here on its writes may be applied, whatever
     * becomes of the answer.
     */
    private CompletableFuture<BatchWriteItemResponse> call(BatchWriteItemRequest r) {
        open = requested;
        return client.batchWriteItem(r);
    }

    /**
     * A failure the loop does not record (the instance closed, the async executor refusing a
     * hand-off, a bug) fails what is left: every write when no request was sent; else the writes
     * that may have reached DynamoDB unanswered are of unknown outcome (a refused hand-off drops an
     * answer), and those an answer took in as processed stay written.
     */
    private void ended(Throwable thrown, CompletableFuture<Void> done) {
        Throwable why = AsyncAround.unwrap(thrown);
        if (why != null) {
            DynamORMException cause =
                    why instanceof DynamORMException d
                            ? d
                            : new DynamoServiceException(
                                    "the batch writer's call failed: " + why,
                                    Operation.BATCH_WRITE,
                                    null,
                                    true,
                                    why);
            List<WriterWrite> unanswered = open;
            if (unanswered == null) {
                for (WriterWrite w : writes) {
                    failures.putIfAbsent(
                            w.id(), w.unwritten("was not sent: " + cause.getMessage(), cause));
                }
            } else {
                for (WriterWrite w : unanswered) {
                    failures.putIfAbsent(w.id(), w.unknown(attempts.get() + 1, cause));
                }
            }
        }
        done.complete(null);
    }

    /**
     * Reads the stored creation times the puts carry over; a put whose read did not complete fails,
     * unsent.
     *
     * @return the writes to send
     */
    private CompletableFuture<List<WriterWrite>> keepCreatedAt() {
        StoredCreationReads reads = new StoredCreationReads(policy, start, writes.get(0).origin());
        for (WriterWrite w : writes) {
            if (w.keepCreatedAt()) {
                reads.add(w.table(), w.key());
            }
        }
        if (reads.isEmpty()) {
            return CompletableFuture.completedFuture(writes);
        }
        CompletableFuture<Void> read = CompletableFuture.completedFuture(null);
        for (List<StoredCreationReads.Wanted> c : reads.chunks()) {
            read =
                    read.thenCompose(
                            ignored ->
                                    UnprocessedRetry.sendAsync(
                                            executor, reads, c, client::batchGetItem));
        }
        return read.thenApply(
                ignored -> {
                    List<WriterWrite> send = new ArrayList<>(writes.size());
                    for (WriterWrite w : writes) {
                        Map<String, AttributeValue> item =
                                w.keepCreatedAt()
                                        ? new HashMap<>(w.request().putRequest().item())
                                        : null;
                        if (item == null) {
                            send.add(w);
                        } else if (reads.carryOver(w.table(), w.key(), item)) {
                            send.add(w.withItem(item));
                        } else {
                            DynamORMException why = reads.whyUnsent(1);
                            failures.put(
                                    w.id(), w.unwritten("was not sent: " + why.getMessage(), why));
                        }
                    }
                    return send;
                });
    }

    /** The failure of a write of this chunk, or null when it was written. */
    BatchWriteIncompleteException failureOf(WriterWrite w) {
        return failures.get(w.id());
    }

    /** The write capacity units the calls consumed. */
    double consumedCapacity() {
        return capacity.sum();
    }

    @Override
    public Operation operation() {
        return Operation.BATCH_WRITE;
    }

    @Override
    public Event event() {
        // the writes of a chunk were captured with the same attributes (the writer's take())
        return Event.multiTable(Operation.BATCH_WRITE).follow(writes.get(0).origin());
    }

    @Override
    public BatchWriteItemRequest request(List<WriterWrite> pending) {
        requested = pending;
        Map<String, List<WriteRequest>> items = new LinkedHashMap<>();
        for (WriterWrite w : pending) {
            items.computeIfAbsent(w.table().tableName(), t -> new ArrayList<>()).add(w.request());
        }
        return BatchWriteItemRequest.builder()
                .requestItems(items)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .build();
    }

    @Override
    public DynamORMException map(SdkException e) {
        return ErrorMapper.map(e, Operation.BATCH_WRITE, null, null, null);
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
    public List<WriterWrite> answered(List<WriterWrite> pending, BatchWriteItemResponse response) {
        capacity.add(BatchSupport.total(response.consumedCapacity()));
        if (!response.hasUnprocessedItems() || response.unprocessedItems().isEmpty()) {
            open = List.of();
            return List.of();
        }
        Map<List<Object>, WriterWrite> byId = new HashMap<>();
        Map<String, TableContext<?>> tables = new HashMap<>();
        for (WriterWrite w : pending) {
            byId.put(w.id(), w);
            tables.put(w.table().tableName(), w.table());
        }
        List<WriterWrite> left = new ArrayList<>();
        response.unprocessedItems()
                .forEach(
                        (tableName, requests) -> {
                            TableContext<?> table = tables.get(tableName);
                            for (WriteRequest r : requests) {
                                WriterWrite w =
                                        table == null
                                                ? null
                                                : byId.remove(WriterWrite.idOf(table, r));
                                if (w != null) {
                                    left.add(w);
                                }
                            }
                        });
        if (!left.isEmpty()) {
            attempts.incrementAndGet();
        }
        open = left;
        return left;
    }

    @Override
    public void failed(List<WriterWrite> pending, DynamORMException e, boolean lost) {
        int tried = attempts.get() + 1;
        for (WriterWrite w : pending) {
            failures.put(
                    w.id(),
                    lost ? w.unknown(tried, e) : w.unwritten("failed: " + e.getMessage(), e));
        }
    }

    @Override
    public void left(List<WriterWrite> pending, boolean lost) {
        int tried = attempts.get();
        for (WriterWrite w : pending) {
            failures.put(
                    w.id(),
                    lost
                            ? w.unknown(tried, failure.get())
                            : w.unwritten(
                                    "was still unprocessed after "
                                            + tried
                                            + " attempts: the retry budget ran out",
                                    failure.get()));
        }
    }

    @Override
    public AtomicReference<DynamORMException> failure() {
        return failure;
    }
}
