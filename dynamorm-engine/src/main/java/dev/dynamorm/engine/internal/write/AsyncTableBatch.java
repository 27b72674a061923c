package dev.dynamorm.engine.internal.write;

import dev.dynamorm.BatchGetResult;
import dev.dynamorm.BatchOptions;
import dev.dynamorm.BatchWriteResult;
import dev.dynamorm.Key;
import dev.dynamorm.Operation;
import dev.dynamorm.engine.internal.client.AsyncExecutor;
import dev.dynamorm.engine.internal.plugin.AsyncAround;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * Batch reads and writes of one table for the async view: the same {@link GetBatch}/{@link
 * WriteBatch} as the sync {@link TableBatch} (chunks, unprocessed keys and items retried under the
 * retry policy, exact reports of what is left), with up to {@link BatchOptions#workers()} chunks in
 * flight at once instead of worker threads, and backoff on a timer. A failure of the batch (budget
 * spent, a call failing for good) fails the future with the same {@code
 * BatchGetIncompleteException}/{@code BatchWriteIncompleteException} as the sync call; so does the
 * async executor refusing a hand-off ({@link Lanes}): the exception lists what was read or written,
 * what was not sent and what is of unknown outcome, with the refusal as the root cause.
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
                    Lanes lanes = new Lanes();
                    return then(
                            lanes.run(
                                    batch.chunks(),
                                    options.workers(),
                                    c ->
                                            UnprocessedRetry.sendAsync(
                                                            executor,
                                                            batch,
                                                            c,
                                                            client::batchGetItem)
                                                    .thenRun(() -> batch.chunkDone(c)),
                                    batch::unread),
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
                    Lanes lanes = new Lanes();
                    CompletableFuture<Void> read =
                            reads.isEmpty()
                                    ? CompletableFuture.completedFuture(null)
                                    : lanes.run(
                                            reads.chunks(),
                                            options.workers(),
                                            c ->
                                                    UnprocessedRetry.sendAsync(
                                                            executor,
                                                            reads,
                                                            c,
                                                            client::batchGetItem),
                                            c -> {});
                    return then(
                            read.thenCompose(
                                    ignored -> {
                                        RejectedExecutionException refused = lanes.refused;
                                        if (refused != null) {
                                            // the puts whose read did not complete say why
                                            reads.failure()
                                                    .compareAndSet(
                                                            null,
                                                            UnprocessedRetry.refusal(
                                                                    Operation.BATCH_WRITE,
                                                                    table.modelType(),
                                                                    refused));
                                        }
                                        return lanes.run(
                                                batch.chunks(),
                                                options.workers(),
                                                c ->
                                                        UnprocessedRetry.sendAsync(
                                                                        executor,
                                                                        batch,
                                                                        c,
                                                                        client::batchWriteItem)
                                                                .thenRun(() -> batch.chunkDone(c)),
                                                c -> batch.unwritten(c, false));
                                    }),
                            batch::result);
                });
    }

    /**
     * The chunks of one batch call, at most {@code workers} in flight at once. When the async
     * executor refuses a step of a chunk's loop (shut down, saturated), the batch has recorded that
     * chunk's pending elements ({@link UnprocessedRetry.Batch#refused}); no further chunk is sent
     * (the executor would drop its answer too) and each one left is handed to {@code notSent}, so
     * the batch reports every element, as the sync batch does for chunks it did not finish.
     */
    static final class Lanes {

        /** The first refusal; once set, no chunk starts. */
        volatile RejectedExecutionException refused;

        /**
         * Runs every chunk; completes when all are done or handed to {@code notSent}, or fails with
         * the first failure that is neither recorded in the batch nor a refusal (e.g. the instance
         * closed).
         */
        <C> CompletableFuture<Void> run(
                List<C> chunks,
                int workers,
                Function<C, CompletableFuture<Void>> work,
                Consumer<C> notSent) {
            AtomicInteger next = new AtomicInteger();
            int lanes = Math.max(1, Math.min(workers, chunks.size()));
            CompletableFuture<?>[] all = new CompletableFuture<?>[lanes];
            for (int i = 0; i < lanes; i++) {
                all[i] = lane(chunks, next, work, notSent);
            }
            return CompletableFuture.allOf(all);
        }

        private <C> CompletableFuture<Void> lane(
                List<C> chunks,
                AtomicInteger next,
                Function<C, CompletableFuture<Void>> work,
                Consumer<C> notSent) {
            for (int i = next.getAndIncrement(); i < chunks.size(); i = next.getAndIncrement()) {
                C chunk = chunks.get(i);
                if (refused != null) {
                    notSent.accept(chunk);
                    continue;
                }
                return work.apply(chunk)
                        .exceptionally(this::refusedOrRethrow)
                        .thenCompose(ignored -> lane(chunks, next, work, notSent));
            }
            return CompletableFuture.completedFuture(null);
        }

        /** A refusal ends the chunk (the batch recorded it); anything else fails the lane. */
        private Void refusedOrRethrow(Throwable thrown) {
            if (AsyncAround.unwrap(thrown) instanceof RejectedExecutionException r) {
                if (refused == null) {
                    refused = r;
                }
                return null;
            }
            throw thrown instanceof CompletionException c ? c : new CompletionException(thrown);
        }
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
