package dev.dynamorm.engine.internal.write;

import dev.dynamorm.BatchGetResult;
import dev.dynamorm.BatchOptions;
import dev.dynamorm.BatchWriteResult;
import dev.dynamorm.Key;
import dev.dynamorm.engine.internal.client.AsyncExecutor;
import dev.dynamorm.engine.internal.plugin.AsyncAround;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * Batch reads and writes of one table for the async view: the same {@link GetBatch}/{@link
 * WriteBatch} as the sync {@link TableBatch} (chunks, unprocessed keys and items retried under the
 * retry policy, exact reports of what is left), with up to {@link BatchOptions#workers()} chunks in
 * flight at once instead of worker threads, and backoff on a timer. A failure of the batch (budget
 * spent, a call failing for good) fails the future with the same {@code
 * BatchGetIncompleteException}/{@code BatchWriteIncompleteException} as the sync call.
 *
 * @param <T> the model type
 */
public final class AsyncTableBatch<T> {

    private final TableContext<T> table;
    private final DynamoDbAsyncClient client;
    private final AsyncExecutor executor;

    /**
     * The async batches of a table.
     *
     * @param table the table
     * @param client the async client
     * @param executor the async executor
     */
    public AsyncTableBatch(
            TableContext<T> table, DynamoDbAsyncClient client, AsyncExecutor executor) {
        this.table = table;
        this.client = client;
        this.executor = executor;
    }

    /**
     * Reads many items by key, as {@code Table.batchGet}.
     *
     * @param keys the keys
     * @param options workers, retry policy, progress, consistent reads
     * @return the result; fails as the sync call throws
     */
    public CompletableFuture<BatchGetResult<T>> get(Collection<Key> keys, BatchOptions options) {
        return AsyncWrites.guarded(
                () -> {
                    GetBatch<T> batch = new GetBatch<>(table, keys, options);
                    return then(
                            inFlight(
                                    batch.chunks(),
                                    options.workers(),
                                    c ->
                                            UnprocessedRetry.sendAsync(
                                                            executor,
                                                            batch,
                                                            c,
                                                            client::batchGetItem)
                                                    .thenRun(() -> batch.chunkDone(c))),
                            batch::result);
                });
    }

    /**
     * Writes and deletes many items, as {@code Table.batchWrite}.
     *
     * @param puts the items to put
     * @param deletes the keys to delete
     * @param options workers, retry policy, progress, versioning
     * @return the result; fails as the sync call throws
     */
    public CompletableFuture<BatchWriteResult<T>> write(
            Collection<? extends T> puts, Collection<Key> deletes, BatchOptions options) {
        return AsyncWrites.guarded(
                () -> {
                    WriteBatch<T> batch = new WriteBatch<>(table, puts, deletes, options);
                    StoredCreationReads reads = batch.reads();
                    CompletableFuture<Void> read =
                            reads.isEmpty()
                                    ? CompletableFuture.completedFuture(null)
                                    : inFlight(
                                            reads.chunks(),
                                            options.workers(),
                                            c ->
                                                    UnprocessedRetry.sendAsync(
                                                            executor,
                                                            reads,
                                                            c,
                                                            client::batchGetItem));
                    return then(
                            read.thenCompose(
                                    ignored ->
                                            inFlight(
                                                    batch.chunks(),
                                                    options.workers(),
                                                    c ->
                                                            UnprocessedRetry.sendAsync(
                                                                            executor,
                                                                            batch,
                                                                            c,
                                                                            client::batchWriteItem)
                                                                    .thenRun(
                                                                            () ->
                                                                                    batch.chunkDone(
                                                                                            c)))),
                            batch::result);
                });
    }

    /**
     * Runs every chunk with at most {@code workers} in flight; completes when all are done, or
     * fails with the first failure that is not recorded in the batch (e.g. the instance closed).
     */
    static <C> CompletableFuture<Void> inFlight(
            List<C> chunks, int workers, Function<C, CompletableFuture<Void>> work) {
        AtomicInteger next = new AtomicInteger();
        int lanes = Math.max(1, Math.min(workers, chunks.size()));
        CompletableFuture<?>[] all = new CompletableFuture<?>[lanes];
        for (int i = 0; i < lanes; i++) {
            all[i] = lane(chunks, next, work);
        }
        return CompletableFuture.allOf(all);
    }

    private static <C> CompletableFuture<Void> lane(
            List<C> chunks, AtomicInteger next, Function<C, CompletableFuture<Void>> work) {
        int i = next.getAndIncrement();
        if (i >= chunks.size()) {
            return CompletableFuture.completedFuture(null);
        }
        return work.apply(chunks.get(i)).thenCompose(ignored -> lane(chunks, next, work));
    }

    /** The value of {@code result} once {@code done} completes; failures unwrapped. */
    private static <R> CompletableFuture<R> then(CompletableFuture<Void> done, Supplier<R> result) {
        CompletableFuture<R> out = new CompletableFuture<>();
        CompletableFuture<Void> unused =
                done.whenComplete(
                        (ignored, thrown) -> {
                            if (thrown != null) {
                                out.completeExceptionally(AsyncAround.unwrap(thrown));
                                return;
                            }
                            try {
                                out.complete(result.get());
                            } catch (RuntimeException | Error x) {
                                out.completeExceptionally(x);
                            }
                        });
        return out;
    }
}
