package dev.dynamorm;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * The non-blocking view of a {@link Table}, over the {@code DynamoDbAsyncClient} given to {@link
 * DynamORM.Builder#asyncClient}: the same operations with the same preparation, hooks, plugins,
 * conversion, retries and exceptions, answered by a {@link CompletableFuture} or a {@link
 * Flow.Publisher}.
 *
 * <pre>{@code
 * AsyncTable<Order> orders = db.table(Order.class).async();
 * orders.create(order)
 *         .thenCompose(r -> orders.get(order.customerId(), order.orderId()))
 *         .thenAccept(read -> log.info("stored {}", read.orElseThrow()));
 * Flow.Publisher<Order> paid = orders.items(orders.where("status", "=", "PAID"));
 * }</pre>
 *
 * <p><b>Failures.</b> Bad input (an unknown field, a null item, a query no index serves) fails the
 * future, as does every failure the sync call would throw: the future completes exceptionally with
 * that same exception ({@link ItemAlreadyExistsException}, {@link OptimisticLockException}, ...),
 * never with a wrapper. Only {@link CompletableFuture#join()} and dependent stages add {@link
 * java.util.concurrent.CompletionException} around it, as they always do; {@code
 * whenComplete}/{@code exceptionally} on the returned future itself see the exception directly.
 *
 * <p><b>Threads.</b> Nothing blocks: retries wait with a timer, not a sleeping thread. Hooks,
 * converters and the future's completion run on the executor given to {@link
 * DynamORM.Builder#asyncExecutor}; without one, on the thread that completed the SDK's future (the
 * SDK's future-completion executor by default), moving to the common fork-join pool only from an
 * I/O event loop. They never run on the SDK's event loop.
 *
 * <p><b>Queries.</b> Build a query with {@link #where} or {@link #query()} (the same immutable
 * {@link Query} as the sync API; nothing runs while building) and run it with a terminal call here.
 * A publisher sends nothing until subscribed and reads the next page only when the subscriber
 * requested more than it has received; each subscription reads the query anew.
 *
 * <p>Thread-safe; obtained from {@link Table#async()}.
 *
 * @param <T> the model type
 */
public interface AsyncTable<T> {

    /**
     * The sync view of the same table (table management, item conversion).
     *
     * @return the table
     */
    Table<T> table();

    /**
     * Writes a new item; fails if an item with the same key exists.
     *
     * @param item the item
     * @return the outcome; fails with {@link ItemAlreadyExistsException} if the key is taken
     */
    default CompletableFuture<WriteResult<T>> create(T item) {
        return create(item, WriteOptions.defaults());
    }

    /**
     * Writes a new item with options, as {@link Table#create(Object, WriteOptions)}.
     *
     * @param item the item
     * @param options condition and return value
     * @return the outcome; fails as the sync call throws
     */
    CompletableFuture<WriteResult<T>> create(T item, WriteOptions options);

    /**
     * Writes an item, replacing any with the same key (checking the version of a versioned model).
     *
     * @param item the item
     * @return the outcome; fails with {@link OptimisticLockException} on a stale version
     */
    default CompletableFuture<WriteResult<T>> put(T item) {
        return put(item, WriteOptions.defaults());
    }

    /**
     * Writes an item with options, as {@link Table#put(Object, WriteOptions)}.
     *
     * @param item the item
     * @param options condition and return value
     * @return the outcome; fails as the sync call throws
     */
    CompletableFuture<WriteResult<T>> put(T item, WriteOptions options);

    /**
     * Reads an item by partition key (models without a sort key).
     *
     * @param partitionKey the partition key value
     * @return the item, or empty; fails with {@link InvalidRequestException} if the model has a
     *     sort key
     */
    CompletableFuture<Optional<T>> get(Object partitionKey);

    /**
     * Reads an item by its full key.
     *
     * @param partitionKey the partition key value
     * @param sortKey the sort key value
     * @return the item, or empty; fails with {@link InvalidRequestException} if the model has no
     *     sort key
     */
    CompletableFuture<Optional<T>> get(Object partitionKey, Object sortKey);

    /**
     * Reads an item by a {@link Key}.
     *
     * @param key the key
     * @return the item, or empty
     */
    CompletableFuture<Optional<T>> get(Key key);

    /**
     * Updates the given fields of an item (all non-key fields when none are named), as {@link
     * Table#update(Object, WriteOptions, String...)}.
     *
     * @param item the item
     * @param options condition, null handling and return value
     * @param fields the Java field names to write
     * @return the outcome; fails with {@link ItemNotFoundException} if the item does not exist
     */
    CompletableFuture<WriteResult<T>> update(T item, WriteOptions options, String... fields);

    /**
     * Updates an item with the update builder, as {@link Table#update(Object, Consumer)}.
     *
     * @param item the item whose key is updated
     * @param update sets, removes, adds and conditions
     * @return the outcome; fails as the sync call throws
     */
    CompletableFuture<WriteResult<T>> update(T item, Consumer<UpdateBuilder> update);

    /**
     * Deletes an item (checking its version when the model is versioned).
     *
     * @param item the item
     * @return the outcome
     */
    default CompletableFuture<WriteResult<T>> delete(T item) {
        return delete(item, WriteOptions.defaults());
    }

    /**
     * Deletes an item with options, as {@link Table#delete(Object, WriteOptions)}.
     *
     * @param item the item
     * @param options condition and return value
     * @return the outcome; fails as the sync call throws
     */
    CompletableFuture<WriteResult<T>> delete(T item, WriteOptions options);

    /**
     * Deletes the item of a key, as {@link Table#delete(Key, WriteOptions)}.
     *
     * @param key the key
     * @param options condition and return value
     * @return the outcome; fails as the sync call throws
     */
    CompletableFuture<WriteResult<T>> delete(Key key, WriteOptions options);

    /**
     * Reads many items by key, as {@link Table#batchGet(Collection)}: chunks of 100 keys, up to
     * {@link BatchOptions#workers()} of them in flight at once, unprocessed keys retried with the
     * retry policy.
     *
     * @param keys the keys, any number; a key given twice is read once and returned twice
     * @return the items in key order and the missing keys; fails with {@link
     *     BatchGetIncompleteException} if the retry budget ran out (it carries the partial result)
     */
    default CompletableFuture<BatchGetResult<T>> batchGet(Collection<Key> keys) {
        return batchGet(keys, BatchOptions.defaults());
    }

    /**
     * Reads many items by key with options, as {@link Table#batchGet(Collection, BatchOptions)}.
     *
     * @param keys the keys
     * @param options chunks in flight, retry policy, progress callback, consistency
     * @return the items in key order and the missing keys; fails as the sync call throws
     */
    CompletableFuture<BatchGetResult<T>> batchGet(Collection<Key> keys, BatchOptions options);

    /**
     * Writes many items, as {@link Table#batchPut(Collection)}.
     *
     * @param items the items, any number; two with the same key are refused
     * @return the outcome; fails with {@link BatchWriteIncompleteException} if some items were not
     *     written (it lists them exactly), {@link InvalidRequestException} on bad input (nothing
     *     sent)
     */
    default CompletableFuture<BatchWriteResult<T>> batchPut(Collection<? extends T> items) {
        return batchWrite(items, List.of(), BatchOptions.defaults());
    }

    /**
     * Deletes many items by key, as {@link Table#batchDelete(Collection)}.
     *
     * @param keys the keys, any number; duplicates are refused
     * @return the outcome; fails as the sync call throws
     */
    default CompletableFuture<BatchWriteResult<T>> batchDelete(Collection<Key> keys) {
        return batchWrite(List.of(), keys, BatchOptions.defaults());
    }

    /**
     * Writes and deletes many items, as {@link Table#batchWrite(Collection, Collection,
     * BatchOptions)}: chunks of 25, up to {@link BatchOptions#workers()} of them in flight at once.
     *
     * @param puts the items to write
     * @param deletes the keys to delete
     * @param options chunks in flight, retry policy, progress callback, versioning opt-out
     * @return the outcome; fails with {@link BatchWriteIncompleteException} listing exactly what
     *     was not applied, {@link InvalidRequestException} on bad input (nothing sent)
     */
    CompletableFuture<BatchWriteResult<T>> batchWrite(
            Collection<? extends T> puts, Collection<Key> deletes, BatchOptions options);

    /**
     * Starts a query with a condition (nothing runs until a terminal call of this view).
     *
     * @param field the Java field name
     * @param operator the operator, e.g. {@code "="}
     * @param value the value
     * @return the query
     */
    default Query<T> where(String field, String operator, Object value) {
        return table().where(field, operator, value);
    }

    /**
     * An empty query over this table, for {@link #scanItems(Query)} and friends.
     *
     * @return the query
     */
    default Query<T> query() {
        return table().query();
    }

    /**
     * The first item of a query, as {@link Query#first()}.
     *
     * @param query a query of this table
     * @return the item, or empty
     */
    CompletableFuture<Optional<T>> first(Query<T> query);

    /**
     * One page of a query, as {@link Query#page()}: up to its limit (100 without one), with a
     * cursor when more may follow.
     *
     * @param query a query of this table
     * @return the page
     */
    CompletableFuture<Page<T>> page(Query<T> query);

    /**
     * Every item of a query (up to its limit), as {@link Query#all()}.
     *
     * @param query a query of this table
     * @return the items
     */
    CompletableFuture<List<T>> all(Query<T> query);

    /**
     * The number of items a query matches (up to its limit), as {@link Query#count()}: Select COUNT
     * requests, one page after the other.
     *
     * @param query a query of this table
     * @return the count
     */
    CompletableFuture<Long> count(Query<T> query);

    /**
     * Every item of a scan of the query read in {@code segments} parallel segments, merged in
     * segment order (up to the query's limit), as {@link Query#parallelScan(int)}: all segments are
     * read at once, without a thread per segment.
     *
     * @param query a query of this table, e.g. {@link #query()}
     * @param segments 1 to 1000
     * @return the items; fails with {@link IllegalArgumentException} on a segment count out of
     *     range, {@link InvalidRequestException} on a query with a cursor (nothing sent)
     */
    CompletableFuture<List<T>> parallelScan(Query<T> query, int segments);

    /**
     * The pages of a query, as {@link #page(Query)} and its cursors would give them one after
     * another: each up to the query's limit (100 without one) and with the cursor after it; the
     * last has no cursor. Starts after the query's cursor, if any.
     *
     * @param query a query of this table
     * @return a cold publisher; each subscription runs the query
     */
    Flow.Publisher<Page<T>> pages(Query<T> query);

    /**
     * The items of a query, read one request at a time as the subscriber asks for more, up to its
     * limit (as {@link Query#stream()}).
     *
     * @param query a query of this table
     * @return a cold publisher; each subscription runs the query
     */
    Flow.Publisher<T> items(Query<T> query);

    /**
     * The pages of a scan of the query (a Scan request with the query's conditions as a filter, as
     * {@link Query#scan()}), each up to the query's limit (100 without one).
     *
     * @param query a query of this table, e.g. {@link #query()}
     * @return a cold publisher; each subscription runs the scan
     */
    Flow.Publisher<Page<T>> scanPages(Query<T> query);

    /**
     * The items of a scan of the query, up to its limit.
     *
     * @param query a query of this table, e.g. {@link #query()}
     * @return a cold publisher; each subscription runs the scan
     */
    Flow.Publisher<T> scanItems(Query<T> query);
}
