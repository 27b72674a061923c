package dev.dynamorm;

import java.util.concurrent.CompletableFuture;

/**
 * The non-blocking counterpart of {@link BatchWriter}: buffers single puts and deletes of any
 * registered models and sends them as BatchWriteItem calls over the async client, with the same
 * {@link BatchWriterOptions} (batches of up to 25, the flush interval, the buffered-bytes bound, at
 * most {@link BatchWriterOptions#workers()} calls in flight) and the same preparation, hooks,
 * plugins and retries as the sync writer.
 *
 * <pre>{@code
 * AsyncBatchWriter writer = db.async().batchWriter();
 * CompletableFuture<Void> accepted = CompletableFuture.completedFuture(null);
 * for (Order o : orders) {
 *     accepted = accepted.thenCompose(ignored -> writer.put(o)); // waits for room, never blocks
 * }
 * accepted.thenCompose(ignored -> writer.close())
 *         .thenAccept(result -> log.info("stored {}", result.written()));
 * }</pre>
 *
 * <p><b>Back-pressure.</b> {@code put} and {@code delete} answer when the write is
 * <em>accepted</em>: at once while fewer than {@link BatchWriterOptions#capacity()} writes are
 * pending, otherwise when room frees. Up to {@code capacity()} more writes may wait for room; a
 * write beyond that fails its future with {@link IllegalStateException} and is not accepted (wait
 * for a write's future before the next one). Nothing blocks a thread.
 *
 * <p><b>Outcomes.</b> What happened to each write is reported by {@link #flush()} (and {@link
 * #close()}): its future completes with the result of every write requested since the previous
 * flush once all of them (and every earlier one) are finished, or fails with a {@link
 * BatchWriteIncompleteException} listing exactly the writes not surely applied (unprocessed when
 * the retry budget ran out, failed, or of unknown outcome when an answer was lost); each such write
 * is also described by a suppressed exception naming its table, model and key. Nothing accepted is
 * dropped silently.
 *
 * <p><b>Order.</b> Writes are accepted in the order of the calls; writes to the same key are never
 * in flight together and are applied in that order. Bad input (a null item, an unknown model, an
 * oversize item, a versioned model without {@link BatchWriterOptions#ignoreVersioning()}) fails the
 * future of its call with the sync writer's exception, before it is accepted.
 *
 * <p>Thread-safe; obtained from {@link AsyncDynamORM#batchWriter(BatchWriterOptions)}.
 */
public interface AsyncBatchWriter {

    /**
     * Queues a put; an item whose {@code @CreatedAt} is null keeps the stored creation time, as
     * with {@link BatchWriter#put(Object)}.
     *
     * @param item the item, of a model whose table is registered
     * @param <T> the model type
     * @return completes when the write is accepted; fails with {@link InvalidRequestException} on
     *     bad input, {@link IllegalStateException} if the writer is closed or full
     */
    <T> CompletableFuture<Void> put(T item);

    /**
     * Queues a delete of the item with this item's key.
     *
     * @param item the item (only its key is used)
     * @param <T> the model type
     * @return completes when the write is accepted; fails as {@link #put(Object)}
     */
    <T> CompletableFuture<Void> delete(T item);

    /**
     * Queues a delete by key.
     *
     * @param modelType the model
     * @param key the key
     * @return completes when the write is accepted; fails as {@link #put(Object)}
     */
    CompletableFuture<Void> delete(Class<?> modelType, Key key);

    /**
     * Sends every queued write and reports the writes requested since the previous flush.
     *
     * @return completes when every write requested before this call is stored or has failed, with
     *     the writes applied and the capacity consumed; fails with {@link
     *     BatchWriteIncompleteException} listing the writes not surely applied
     */
    CompletableFuture<BatchWriteResult<Object>> flush();

    /**
     * How many writes are requested and not finished yet (accepted or waiting for room).
     *
     * @return the number of pending writes
     */
    int pending();

    /**
     * Refuses later writes, then flushes. Idempotent: a second call answers with the same future.
     *
     * @return the last flush's result, as {@link #flush()}
     */
    CompletableFuture<BatchWriteResult<Object>> close();
}
