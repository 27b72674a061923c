package dev.dynamorm.engine.internal.async;

import dev.dynamorm.AsyncTable;
import dev.dynamorm.BatchGetResult;
import dev.dynamorm.BatchOptions;
import dev.dynamorm.BatchWriteResult;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Key;
import dev.dynamorm.Operation;
import dev.dynamorm.Page;
import dev.dynamorm.Query;
import dev.dynamorm.Table;
import dev.dynamorm.UpdateBuilder;
import dev.dynamorm.WriteOptions;
import dev.dynamorm.WriteResult;
import dev.dynamorm.engine.internal.query.AsyncQueryRunner;
import dev.dynamorm.engine.internal.query.AsyncSend;
import dev.dynamorm.engine.internal.write.AsyncTableBatch;
import dev.dynamorm.engine.internal.write.AsyncWrites;
import dev.dynamorm.engine.internal.write.TableContext;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * The {@link AsyncTable} of one model: the sync table's preparation, sent through the async engine.
 *
 * @param <T> the model type
 */
public final class DefaultAsyncTable<T> implements AsyncTable<T> {

    private final Table<T> sync;
    private final TableContext<T> table;
    private final AsyncEngine engine;
    private final AsyncWrites<T> writes;
    private final AsyncTableBatch<T> batches;
    private final Function<Query<T>, AsyncQueryRunner<T>> queries;

    /**
     * The async view of a table.
     *
     * @param sync the sync table
     * @param table what the read and write paths share about it
     * @param engine the async client and executor
     * @param queries the async runner of a query of this table given how to send its requests
     *     (fails on another table's query)
     */
    public DefaultAsyncTable(
            Table<T> sync,
            TableContext<T> table,
            AsyncEngine engine,
            BiFunction<Query<T>, AsyncSend, AsyncQueryRunner<T>> queries) {
        this.sync = sync;
        this.table = table;
        this.engine = engine;
        this.writes = new AsyncWrites<>(table, engine.client(), engine.executor());
        this.batches = new AsyncTableBatch<>(table, engine.client(), engine.executor());
        AsyncSend send = new TableSend(table, engine);
        this.queries = q -> queries.apply(q, send);
    }

    @Override
    public Table<T> table() {
        return sync;
    }

    @Override
    public CompletableFuture<WriteResult<T>> create(T item, WriteOptions options) {
        return writes.create(item, Objects.requireNonNull(options, "options"));
    }

    @Override
    public CompletableFuture<WriteResult<T>> put(T item, WriteOptions options) {
        return writes.put(item, Objects.requireNonNull(options, "options"));
    }

    @Override
    public CompletableFuture<Optional<T>> get(Object partitionKey) {
        return guarded(
                () -> {
                    if (table.model().sortKey().isPresent()) {
                        throw new InvalidRequestException(
                                String.format(
                                        Locale.ROOT,
                                        "model %s has sort key '%s': call get(partitionKey, sortKey)",
                                        table.modelType().getName(),
                                        table.model().sortKey().get().name()),
                                Operation.GET,
                                table.modelType(),
                                null);
                    }
                    return getItem(table.key(partitionKey, null, Operation.GET));
                });
    }

    @Override
    public CompletableFuture<Optional<T>> get(Object partitionKey, Object sortKey) {
        return guarded(
                () -> {
                    if (table.model().sortKey().isEmpty()) {
                        throw new InvalidRequestException(
                                String.format(
                                        Locale.ROOT,
                                        "model %s has no sort key: call get(partitionKey)",
                                        table.modelType().getName()),
                                Operation.GET,
                                table.modelType(),
                                null);
                    }
                    return getItem(table.key(partitionKey, sortKey, Operation.GET));
                });
    }

    @Override
    public CompletableFuture<Optional<T>> get(Key key) {
        return guarded(() -> getItem(table.writer().keyOf(key, Operation.GET)));
    }

    private CompletableFuture<Optional<T>> getItem(Map<String, AttributeValue> key) {
        table.requireReadableForQuery(Operation.GET);
        GetItemRequest request =
                GetItemRequest.builder().tableName(table.tableName()).key(key).build();
        return engine.executor()
                .runAndConvert(
                        table.event(Operation.GET, key),
                        request,
                        engine.client()::getItem,
                        e -> table.map(e, Operation.GET),
                        null,
                        response ->
                                response.hasItem()
                                                && !response.item().isEmpty()
                                                && !table.hidden(response.item())
                                        ? Optional.of(
                                                table.model()
                                                        .fromItem(response.item(), Operation.GET))
                                        : Optional.empty());
    }

    @Override
    public CompletableFuture<WriteResult<T>> update(
            T item, WriteOptions options, String... fields) {
        return writes.update(item, Objects.requireNonNull(options, "options"), fields);
    }

    @Override
    public CompletableFuture<WriteResult<T>> update(T item, Consumer<UpdateBuilder> update) {
        return writes.update(item, update);
    }

    @Override
    public CompletableFuture<WriteResult<T>> delete(T item, WriteOptions options) {
        return writes.delete(item, Objects.requireNonNull(options, "options"));
    }

    @Override
    public CompletableFuture<WriteResult<T>> delete(Key key, WriteOptions options) {
        return writes.delete(key, Objects.requireNonNull(options, "options"));
    }

    // ---- batches ----

    @Override
    public CompletableFuture<BatchGetResult<T>> batchGet(
            Collection<Key> keys, BatchOptions options) {
        return batches.get(keys, Objects.requireNonNull(options, "options"));
    }

    @Override
    public CompletableFuture<BatchWriteResult<T>> batchWrite(
            Collection<? extends T> puts, Collection<Key> deletes, BatchOptions options) {
        return batches.write(puts, deletes, Objects.requireNonNull(options, "options"));
    }

    // ---- queries ----

    @Override
    public CompletableFuture<Optional<T>> first(Query<T> query) {
        return guarded(() -> queries.apply(query).first());
    }

    @Override
    public CompletableFuture<Page<T>> page(Query<T> query) {
        return guarded(() -> queries.apply(query).page());
    }

    @Override
    public CompletableFuture<List<T>> all(Query<T> query) {
        return guarded(() -> queries.apply(query).all());
    }

    @Override
    public CompletableFuture<Long> count(Query<T> query) {
        return guarded(() -> queries.apply(query).count());
    }

    @Override
    public CompletableFuture<List<T>> parallelScan(Query<T> query, int segments) {
        return guarded(() -> queries.apply(query).parallelScan(segments));
    }

    @Override
    public Flow.Publisher<Page<T>> pages(Query<T> query) {
        return queries.apply(query).pages(false);
    }

    @Override
    public Flow.Publisher<T> items(Query<T> query) {
        return queries.apply(query).items(false);
    }

    @Override
    public Flow.Publisher<Page<T>> scanPages(Query<T> query) {
        return queries.apply(query).pages(true);
    }

    @Override
    public Flow.Publisher<T> scanItems(Query<T> query) {
        return queries.apply(query).items(true);
    }

    private static <R> CompletableFuture<R> guarded(Supplier<CompletableFuture<R>> body) {
        try {
            return body.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
