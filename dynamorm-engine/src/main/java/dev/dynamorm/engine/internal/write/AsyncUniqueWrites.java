package dev.dynamorm.engine.internal.write;

import dev.dynamorm.Condition;
import dev.dynamorm.Operation;
import dev.dynamorm.TransactionCanceledException;
import dev.dynamorm.WriteResult;
import dev.dynamorm.engine.internal.client.AsyncExecutor;
import dev.dynamorm.engine.internal.client.Futures;
import dev.dynamorm.engine.internal.plugin.AsyncAround;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The async counterpart of the sync path's writes of models with {@code @Unique} fields: the same
 * {@link UniqueWrites} expansion (the write guarded by the unique values it read, plus the sentinel
 * puts and deletes), sent as one TransactWriteItems through the async executor, with the same
 * re-read when a value read changed before the write ({@link TableWriter#uniqueFailure}). Every
 * read is sent through the async client: nothing blocks.
 *
 * @param <T> the model type
 */
final class AsyncUniqueWrites<T> {

    private final TableContext<T> table;
    private final TableWriter<T> writer;
    private final UniqueWrites<T> unique;
    private final DynamoDbAsyncClient client;
    private final AsyncExecutor executor;

    AsyncUniqueWrites(TableContext<T> table, DynamoDbAsyncClient client, AsyncExecutor executor) {
        this.table = table;
        this.writer = table.writer();
        this.unique = writer.unique();
        this.client = client;
        this.executor = executor;
    }

    /** Whether the model has unique fields (its writes must go through {@link #send}). */
    boolean active() {
        return unique.active();
    }

    /**
     * Sends a write with its sentinels; on a broken guard prepares, reads and sends it again.
     *
     * @param prepare prepares the write (called again for each attempt); may read without blocking
     * @return the result; fails with what the sync write throws
     */
    CompletableFuture<WriteResult<T>> send(Supplier<CompletableFuture<PreparedWrite>> prepare) {
        return attempt(prepare, 1);
    }

    private CompletableFuture<WriteResult<T>> attempt(
            Supplier<CompletableFuture<PreparedWrite>> prepare, int attempt) {
        CompletableFuture<UniqueWrites.Expansion> expanded =
                Futures.flatMap(AsyncWrites.guarded(prepare), this::expand);
        CompletableFuture<WriteResult<T>> out = new CompletableFuture<>();
        CompletableFuture<?> unused =
                expanded.whenComplete(
                        (x, failed) -> {
                            if (failed != null) {
                                out.completeExceptionally(AsyncAround.unwrap(failed));
                                return;
                            }
                            // the transaction's body is empty: its actions are x's, added here
                            CompletableFuture<?> unusedSent =
                                    AsyncWrites.guarded(
                                                    () ->
                                                            writer.uniqueTransaction(x)
                                                                    .runAsync(
                                                                            tx -> {}, executor,
                                                                            client))
                                            .whenComplete(
                                                    (r, thrown) ->
                                                            settle(
                                                                    prepare,
                                                                    attempt,
                                                                    x,
                                                                    AsyncAround.unwrap(thrown),
                                                                    out));
                        });
        return out;
    }

    private void settle(
            Supplier<CompletableFuture<PreparedWrite>> prepare,
            int attempt,
            UniqueWrites.Expansion x,
            Throwable failure,
            CompletableFuture<WriteResult<T>> out) {
        if (failure == null) {
            try {
                out.complete(writer.result(null, null, x.main()));
            } catch (RuntimeException e) {
                out.completeExceptionally(e);
            }
            return;
        }
        if (!(failure instanceof TransactionCanceledException e)) {
            out.completeExceptionally(failure);
            return;
        }
        RuntimeException mapped;
        try {
            mapped = writer.uniqueFailure(attempt, x, e);
        } catch (RuntimeException thrown) {
            mapped = thrown;
        }
        if (mapped != null) {
            out.completeExceptionally(mapped);
            return;
        }
        // another writer changed a unique value since the read: read again
        CompletableFuture<?> unused =
                attempt(prepare, attempt + 1)
                        .whenComplete(
                                (r, thrown) -> {
                                    if (thrown == null) {
                                        out.complete(r);
                                    } else {
                                        out.completeExceptionally(AsyncAround.unwrap(thrown));
                                    }
                                });
    }

    /** The write with its sentinels, after reading the stored unique values when it needs them. */
    private CompletableFuture<UniqueWrites.Expansion> expand(PreparedWrite p) {
        if (!unique.readsStored(p)) {
            return CompletableFuture.completedFuture(unique.expand(p, Map.of()));
        }
        return Futures.map(
                executor.run(
                        table.event(Operation.GET, p.key()),
                        unique.storedRequest(p.key()),
                        client::getItem,
                        e -> table.map(e, p.op()),
                        null),
                r -> unique.expand(p, UniqueWrites.stored(r)));
    }

    /**
     * Prepares a put like {@link TableWriter#preparePutKeepingCreatedAt}, reading the stored
     * {@code @CreatedAt} through the async client.
     */
    CompletableFuture<PreparedWrite> preparePut(T item, Condition extra) {
        Map<String, AttributeValue> key = writer.keyKeepingCreatedAt(item);
        if (key == null) {
            return CompletableFuture.completedFuture(writer.preparePut(item, extra));
        }
        return Futures.map(
                executor.run(
                        table.event(Operation.GET, key),
                        writer.storedCreationRequest(key),
                        client::getItem,
                        e -> table.map(e, Operation.PUT),
                        null),
                r -> writer.preparePut(item, extra, writer.storedCreation(r)));
    }
}
