package dev.dynamorm.engine.internal.write;

import dev.dynamorm.Condition;
import dev.dynamorm.ConditionFailedException;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Operation;
import dev.dynamorm.ReturnValue;
import dev.dynamorm.UpdateBuilder;
import dev.dynamorm.WriteOptions;
import dev.dynamorm.WriteResult;
import dev.dynamorm.engine.internal.client.AsyncExecutor;
import dev.dynamorm.engine.internal.client.Futures;
import dev.dynamorm.engine.internal.expr.DefaultUpdateBuilder;
import dev.dynamorm.engine.internal.plugin.AsyncAround;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The single-item writes of one table for the async view: the {@link TableWriter}'s preparation and
 * requests, sent through an {@link AsyncExecutor}; writes of models with {@code @Unique} fields go
 * through {@link AsyncUniqueWrites}. Bad input fails the returned future (the preparation runs on
 * the calling thread); nothing is then sent.
 *
 * @param <T> the model type
 */
public final class AsyncWrites<T> {

    private final TableWriter<T> writer;
    private final TableContext<T> table;
    private final DynamoDbAsyncClient client;
    private final AsyncExecutor executor;
    private final AsyncUniqueWrites<T> unique;

    // the SDK calls, bound once rather than per write
    private final Function<PutItemRequest, CompletableFuture<PutItemResponse>> putItem;
    private final Function<DeleteItemRequest, CompletableFuture<DeleteItemResponse>> deleteItem;
    private final Function<UpdateItemRequest, CompletableFuture<UpdateItemResponse>> updateItem;
    private final Function<TransactWriteItemsRequest, CompletableFuture<TransactWriteItemsResponse>>
            transactWriteItems;

    /**
     * The async writes of a table.
     *
     * @param table the table
     * @param client the async client
     * @param executor the async executor
     */
    public AsyncWrites(TableContext<T> table, DynamoDbAsyncClient client, AsyncExecutor executor) {
        this.table = table;
        this.writer = table.writer();
        this.client = client;
        this.executor = executor;
        this.unique = new AsyncUniqueWrites<>(table, client, executor);
        this.putItem = client::putItem;
        this.deleteItem = client::deleteItem;
        this.updateItem = client::updateItem;
        this.transactWriteItems = client::transactWriteItems;
    }

    /** Runs a preparation, turning what it throws into a failed future. */
    static <R> CompletableFuture<R> guarded(Supplier<CompletableFuture<R>> body) {
        try {
            return body.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    public CompletableFuture<WriteResult<T>> create(T item, WriteOptions options) {
        return guarded(
                () -> {
                    writer.requireReturnValue(
                            options, Operation.CREATE, ReturnValue.NONE, ReturnValue.ALL_OLD);
                    if (unique.active()) {
                        writer.unique()
                                .requireNoReturnValue(Operation.CREATE, options.returnValue());
                        return unique.send(
                                () ->
                                        CompletableFuture.completedFuture(
                                                writer.prepareCreate(
                                                        item, options.condition().orElse(null))));
                    }
                    return sendPut(
                            writer.prepareCreate(item, options.condition().orElse(null)), options);
                });
    }

    public CompletableFuture<WriteResult<T>> put(T item, WriteOptions options) {
        // the most frequent write: guarded in place, without a capturing lambda per call
        try {
            writer.requireReturnValue(
                    options, Operation.PUT, ReturnValue.NONE, ReturnValue.ALL_OLD);
            Condition extra = options.condition().orElse(null);
            if (unique.active()) {
                writer.unique().requireNoReturnValue(Operation.PUT, options.returnValue());
                return unique.send(() -> unique.preparePut(item, extra));
            }
            Map<String, AttributeValue> key = writer.keyKeepingCreatedAt(item);
            if (key == null) {
                return sendPut(writer.preparePut(item, extra), options);
            }
            return putKeepingCreatedAt(item, extra, key, options, 1);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * A put of an instance without {@code @CreatedAt} keeps the stored one, as the sync put: read
     * it, put conditioned on it being still stored, read again if it changed in between.
     */
    private CompletableFuture<WriteResult<T>> putKeepingCreatedAt(
            T item,
            Condition extra,
            Map<String, AttributeValue> key,
            WriteOptions options,
            int attempt) {
        CompletableFuture<StoredCreation> read =
                Futures.map(
                        executor.run(
                                table.event(Operation.GET, key),
                                writer.storedCreationRequest(key),
                                client::getItem,
                                e -> table.map(e, Operation.PUT),
                                null),
                        writer::storedCreation);
        CompletableFuture<WriteResult<T>> out = new CompletableFuture<>();
        CompletableFuture<?> unused =
                read.whenComplete(
                        (stored, readFailure) -> {
                            if (readFailure != null) {
                                out.completeExceptionally(AsyncAround.unwrap(readFailure));
                                return;
                            }
                            CompletableFuture<?> unusedPut =
                                    guarded(
                                                    () ->
                                                            sendPut(
                                                                    writer.preparePut(
                                                                            item, extra, stored),
                                                                    options))
                                            .whenComplete(
                                                    (result, thrown) -> {
                                                        Throwable failure =
                                                                AsyncAround.unwrap(thrown);
                                                        if (failure == null) {
                                                            out.complete(result);
                                                        } else if (failure
                                                                        instanceof
                                                                        ConditionFailedException e
                                                                && writer.readAgain(
                                                                        attempt, stored, e)) {
                                                            relay(
                                                                    putKeepingCreatedAt(
                                                                            item,
                                                                            extra,
                                                                            key,
                                                                            options,
                                                                            attempt + 1),
                                                                    out);
                                                        } else {
                                                            out.completeExceptionally(failure);
                                                        }
                                                    });
                        });
        return out;
    }

    /** Completes {@code to} as {@code from} completes, failures unwrapped. */
    private static <R> void relay(CompletableFuture<R> from, CompletableFuture<R> to) {
        CompletableFuture<R> unused =
                from.whenComplete(
                        (r, thrown) -> {
                            if (thrown == null) {
                                to.complete(r);
                            } else {
                                to.completeExceptionally(AsyncAround.unwrap(thrown));
                            }
                        });
    }

    public CompletableFuture<WriteResult<T>> update(
            T item, WriteOptions options, String... fields) {
        return guarded(
                () -> {
                    if (unique.active()) {
                        writer.unique()
                                .requireNoReturnValue(Operation.UPDATE, options.returnValue());
                        return unique.send(
                                () ->
                                        CompletableFuture.completedFuture(
                                                writer.prepareUpdateFields(
                                                        item,
                                                        options.nullHandling(),
                                                        options.condition().orElse(null),
                                                        fields)));
                    }
                    PreparedWrite p =
                            writer.prepareUpdateFields(
                                    item,
                                    options.nullHandling(),
                                    options.condition().orElse(null),
                                    fields);
                    return sendUpdate(p, options.returnValue(), options.idempotent(), false);
                });
    }

    public CompletableFuture<WriteResult<T>> update(T item, Consumer<UpdateBuilder> update) {
        return guarded(
                () -> {
                    Map<String, AttributeValue> attributes =
                            writer.itemForKey(item, Operation.UPDATE);
                    DefaultUpdateBuilder u = writer.build(update);
                    if (unique.active()) {
                        writer.unique().requireNoReturnValue(Operation.UPDATE, u.returnValue());
                        return unique.send(
                                () -> {
                                    Map<String, AttributeValue> fresh =
                                            writer.itemForKey(item, Operation.UPDATE);
                                    return CompletableFuture.completedFuture(
                                            writer.prepareUpdate(
                                                    table.keyOf(fresh, Operation.UPDATE),
                                                    fresh,
                                                    u,
                                                    null));
                                });
                    }
                    PreparedWrite p =
                            writer.prepareUpdate(
                                    table.keyOf(attributes, Operation.UPDATE), attributes, u, null);
                    return sendUpdate(
                            p, u.returnValue(), u.isIdempotent(), TableWriter.accumulates(u));
                });
    }

    public CompletableFuture<WriteResult<T>> delete(T item, WriteOptions options) {
        return guarded(
                () -> {
                    writer.requireReturnValue(
                            options, Operation.DELETE, ReturnValue.NONE, ReturnValue.ALL_OLD);
                    if (item == null) {
                        throw new InvalidRequestException(
                                "delete of a null " + table.modelType().getName(),
                                Operation.DELETE,
                                table.modelType(),
                                null);
                    }
                    Map<String, AttributeValue> attributes =
                            table.model().toItem(item, Operation.DELETE);
                    Supplier<PreparedWrite> prepare =
                            () ->
                                    writer.prepareDelete(
                                            table.keyOf(attributes, Operation.DELETE),
                                            writer.versionCheck(attributes),
                                            options.condition().orElse(null));
                    if (unique.active()) {
                        writer.unique()
                                .requireNoReturnValue(Operation.DELETE, options.returnValue());
                        return unique.send(() -> CompletableFuture.completedFuture(prepare.get()));
                    }
                    return sendDelete(prepare.get(), options);
                });
    }

    public CompletableFuture<WriteResult<T>> delete(dev.dynamorm.Key key, WriteOptions options) {
        return guarded(
                () -> {
                    writer.requireReturnValue(
                            options, Operation.DELETE, ReturnValue.NONE, ReturnValue.ALL_OLD);
                    Map<String, AttributeValue> k = writer.keyOf(key, Operation.DELETE);
                    if (unique.active()) {
                        writer.unique()
                                .requireNoReturnValue(Operation.DELETE, options.returnValue());
                        return unique.send(
                                () ->
                                        CompletableFuture.completedFuture(
                                                writer.prepareDelete(
                                                        k,
                                                        null,
                                                        options.condition().orElse(null))));
                    }
                    return sendDelete(
                            writer.prepareDelete(k, null, options.condition().orElse(null)),
                            options);
                });
    }

    private CompletableFuture<WriteResult<T>> sendPut(PreparedWrite p, WriteOptions options) {
        var request = writer.putRequest(p, options);
        if (options.idempotent()) {
            return sendIdempotently(p, request, options.returnValue());
        }
        return executor.runAndConvert(
                table.event(p),
                request,
                putItem,
                e -> writer.failure(p, e),
                writer.retryOf(p, false, () -> PutItemResponse.builder().build()),
                r ->
                        writer.result(
                                r.hasAttributes() ? r.attributes() : null,
                                r.consumedCapacity(),
                                p));
    }

    private CompletableFuture<WriteResult<T>> sendDelete(PreparedWrite p, WriteOptions options) {
        var request = writer.deleteRequest(p, options);
        if (options.idempotent()) {
            return sendIdempotently(p, request, options.returnValue());
        }
        return executor.runAndConvert(
                table.event(p),
                request,
                deleteItem,
                e -> writer.failure(p, e),
                writer.retryOf(p, false, () -> DeleteItemResponse.builder().build()),
                r ->
                        writer.result(
                                r.hasAttributes() ? r.attributes() : null,
                                r.consumedCapacity(),
                                p));
    }

    private CompletableFuture<WriteResult<T>> sendUpdate(
            PreparedWrite p, ReturnValue returnValue, boolean idempotent, boolean accumulates) {
        var request = writer.updateRequest(p, returnValue);
        if (idempotent) {
            return sendIdempotently(p, request, returnValue);
        }
        return executor.runAndConvert(
                table.event(p),
                request,
                updateItem,
                e -> writer.failure(p, e),
                writer.retryOf(p, accumulates, () -> UpdateItemResponse.builder().build()),
                r -> writer.updateResult(r, p, returnValue));
    }

    private CompletableFuture<WriteResult<T>> sendIdempotently(
            PreparedWrite p, DynamoDbRequest write, ReturnValue returnValue) {
        writer.requireNoItemReturned(p, returnValue);
        return executor.runAndConvert(
                table.event(p),
                IdempotentWrites.of(write),
                transactWriteItems,
                e -> writer.failure(p, IdempotentWrites.unwrap(e)),
                null,
                r -> writer.result(null, null, p));
    }
}
