package dev.dynamorm;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The non-blocking view of a {@link DynamORM} instance, over the {@code DynamoDbAsyncClient} given
 * to {@link DynamORM.Builder#asyncClient}: the operations that span tables (transactions), with the
 * same preparation, hooks, plugins, conversion, retries and exceptions as the sync calls, answered
 * by a {@link CompletableFuture} that fails with the exception the sync call throws.
 *
 * <pre>{@code
 * AsyncDynamORM async = db.async();
 * async.transaction(tx -> tx.create(order).update(account, u -> u.add("balance", -order.total())))
 *         .thenAccept(r -> log.info("committed with token {}", r.clientRequestToken()));
 * }</pre>
 *
 * <p>The transaction's body runs on the calling thread, before anything is sent; what it throws
 * fails the future and nothing is sent. Thread-safe; obtained from {@link DynamORM#async()}.
 */
public interface AsyncDynamORM {

    /**
     * The sync instance this view belongs to.
     *
     * @return the instance
     */
    DynamORM sync();

    /**
     * The async view of a model's table, as {@code sync().table(modelType).async()}.
     *
     * @param modelType the model
     * @param <T> the model type
     * @return the async table
     */
    default <T> AsyncTable<T> table(Class<T> modelType) {
        return sync().table(modelType).async();
    }

    /**
     * Runs an atomic write transaction, as {@link DynamORM#transaction(Consumer)}: one
     * TransactWriteItems call with a client request token, conflicts and throttling retried with
     * the same token.
     *
     * @param body adds the actions (runs on the calling thread)
     * @return the token, the written items and the consumed capacity; fails with {@link
     *     TransactionCanceledException} if DynamoDB cancelled it, {@link InvalidRequestException}
     *     if an action is invalid (nothing sent)
     */
    CompletableFuture<TransactionResult> transaction(Consumer<Transaction> body);

    /**
     * Reads up to 100 items atomically with one TransactGetItems call, as {@link
     * DynamORM#readTransaction(Consumer)}.
     *
     * @param body adds the gets (runs on the calling thread)
     * @return the items, in the order of the gets; fails as the sync call throws
     */
    CompletableFuture<TransactionReadResult> readTransaction(Consumer<ReadTransaction> body);

    /**
     * A non-blocking writer that batches single puts and deletes, with default options, as {@link
     * DynamORM#batchWriter()}.
     *
     * @return a new writer; close it to flush it
     */
    default AsyncBatchWriter batchWriter() {
        return batchWriter(BatchWriterOptions.defaults());
    }

    /**
     * A non-blocking writer that batches single puts and deletes, as {@link
     * DynamORM#batchWriter(BatchWriterOptions)}: the same options and semantics, with back-pressure
     * through the futures of its writes instead of blocked threads.
     *
     * @param options flush triggers, buffer bound, calls in flight and retries
     * @return a new writer; close it to flush it
     * @throws IllegalStateException if the instance is closed
     */
    default AsyncBatchWriter batchWriter(BatchWriterOptions options) {
        throw new UnsupportedOperationException("batchWriter");
    }
}
