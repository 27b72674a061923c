package dev.dynamorm;

import java.util.concurrent.CompletableFuture;

/**
 * Buffers single puts and deletes of any registered models, from any number of threads, and sends
 * them as BatchWriteItem calls when {@link BatchWriterOptions#maxBatchSize()} writes are queued,
 * when {@link BatchWriterOptions#flushInterval()} has passed since the oldest queued write, or when
 * the queued writes exceed {@link BatchWriterOptions#maxBufferedBytes()}.
 *
 * <pre>{@code
 * try (BatchWriter writer = db.batchWriter()) {
 *     for (Order o : orders) {
 *         writer.put(o).whenComplete((ok, failure) -> { if (failure != null) log(o, failure); });
 *     }
 * }   // close() waits until every accepted write is stored or has failed
 * }</pre>
 *
 * <p>Each write gets its own future: completed when DynamoDB applied it, or completed exceptionally
 * with a {@link DynamORMException} (a {@link BatchWriteIncompleteException} when the retry budget
 * for unprocessed items ran out). Nothing accepted is dropped. Writes to the same key are applied
 * in the order they were accepted. When {@link BatchWriterOptions#capacity()} writes are pending,
 * {@code put} and {@code delete} block until room is free (back-pressure). Bad input (unknown
 * model, null key, oversize item, versioned model without {@link
 * BatchWriterOptions#ignoreVersioning()}) throws at the call and is not accepted.
 *
 * <p>Thread-safe.
 */
public interface BatchWriter extends AutoCloseable {

    /**
     * Queues a put. An item whose {@code @CreatedAt} is null keeps the stored creation time, best
     * effort: its call reads the stored ones first (one consistent BatchGetItem), and a writer that
     * creates or deletes the item between that read and the write still wins.
     *
     * @param item the item, of a model whose table is registered
     * @param <T> the model type
     * @return completes when the item is stored, or exceptionally with the failure
     * @throws InvalidRequestException if the item cannot be written (before it is accepted)
     * @throws IllegalStateException if the writer is closed
     */
    <T> CompletableFuture<Void> put(T item);

    /**
     * Queues a delete of the item with this item's key.
     *
     * @param item the item (only its key is used)
     * @param <T> the model type
     * @return completes when the item is deleted, or exceptionally with the failure
     * @throws InvalidRequestException if the key is invalid (before it is accepted)
     * @throws IllegalStateException if the writer is closed
     */
    <T> CompletableFuture<Void> delete(T item);

    /**
     * Queues a delete by key.
     *
     * @param modelType the model
     * @param key the key
     * @return completes when the item is deleted, or exceptionally with the failure
     * @throws InvalidRequestException if the key is invalid (before it is accepted)
     * @throws IllegalStateException if the writer is closed
     */
    CompletableFuture<Void> delete(Class<?> modelType, Key key);

    /**
     * Sends every queued write and waits until each write accepted before this call is stored or
     * has failed.
     *
     * @throws DynamORMException if interrupted while waiting (the interrupt flag is kept)
     */
    void flush();

    /**
     * How many accepted writes are not finished yet.
     *
     * @return the number of pending writes
     */
    int pending();

    /** Flushes, then stops the writer's threads; later writes fail. Idempotent. */
    @Override
    void close();
}
