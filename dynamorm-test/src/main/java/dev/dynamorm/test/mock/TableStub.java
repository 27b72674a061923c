package dev.dynamorm.test.mock;

import dev.dynamorm.BatchGetResult;
import dev.dynamorm.BatchOptions;
import dev.dynamorm.BatchWriteResult;
import dev.dynamorm.Key;
import dev.dynamorm.UpdateBuilder;
import dev.dynamorm.WriteOptions;
import dev.dynamorm.WriteResult;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Programs the answer to single-item and batch operations on a table; each method names the
 * expected call with its arguments; from {@link MockDB#expect(dev.dynamorm.Table)}.
 *
 * @param <T> the model type
 */
public final class TableStub<T> {

    private final MockDB db;
    private final MockTable<T> table;
    private final String location;

    TableStub(MockDB db, MockTable<T> table, String location) {
        this.db = db;
        this.table = table;
        this.location = location;
    }

    private <R> Stub<R> stub(MockCall call, Programmed.Responder success) {
        return new Stub<>(db, call, location, success);
    }

    /**
     * Expects {@code create(item)}.
     *
     * @param item the item
     * @return the stub
     */
    public Stub<WriteResult<T>> create(T item) {
        return create(item, WriteOptions.defaults());
    }

    /**
     * Expects {@code create(item, options)}.
     *
     * @param item the item
     * @param options the options
     * @return the stub
     */
    public Stub<WriteResult<T>> create(T item, WriteOptions options) {
        return stub(table.createCall(item, options), (call, detail) -> Stub.written(item));
    }

    /**
     * Expects {@code put(item)}.
     *
     * @param item the item
     * @return the stub
     */
    public Stub<WriteResult<T>> put(T item) {
        return put(item, WriteOptions.defaults());
    }

    /**
     * Expects {@code put(item, options)}.
     *
     * @param item the item
     * @param options the options
     * @return the stub
     */
    public Stub<WriteResult<T>> put(T item, WriteOptions options) {
        return stub(table.putCall(item, options), (call, detail) -> Stub.written(item));
    }

    /**
     * Expects {@code update(item, fields...)}.
     *
     * @param item the item
     * @param fields the fields, none for all
     * @return the stub
     */
    public Stub<WriteResult<T>> update(T item, String... fields) {
        return update(item, WriteOptions.defaults(), fields);
    }

    /**
     * Expects {@code update(item, options, fields...)}.
     *
     * @param item the item
     * @param options the options
     * @param fields the fields, none for all
     * @return the stub
     */
    public Stub<WriteResult<T>> update(T item, WriteOptions options, String... fields) {
        return stub(table.updateCall(item, options, fields), (call, detail) -> Stub.written(item));
    }

    /**
     * Expects {@code update(item, u -> ...)} with these actions and conditions.
     *
     * @param item the item
     * @param update the expected update
     * @return the stub
     */
    public Stub<WriteResult<T>> update(T item, Consumer<UpdateBuilder> update) {
        return stub(table.updateCall(item, update), (call, detail) -> Stub.written(item));
    }

    /**
     * Expects {@code updateChanged(before, after)}.
     *
     * @param before the item as read
     * @param after the item with the changes
     * @return the stub; {@link Stub#succeeds()} returns {@code after} as written
     */
    public Stub<WriteResult<T>> updateChanged(T before, T after) {
        return updateChanged(before, after, WriteOptions.defaults());
    }

    /**
     * Expects {@code updateChanged(before, after, options)}.
     *
     * @param before the item as read
     * @param after the item with the changes
     * @param options the options
     * @return the stub; {@link Stub#succeeds()} returns {@code after} as written
     */
    public Stub<WriteResult<T>> updateChanged(T before, T after, WriteOptions options) {
        return stub(
                table.updateChangedCall(before, after, options),
                (call, detail) -> Stub.written(after));
    }

    /**
     * Expects {@code delete(item)}.
     *
     * @param item the item
     * @return the stub
     */
    public Stub<WriteResult<T>> delete(T item) {
        return delete(item, WriteOptions.defaults());
    }

    /**
     * Expects {@code delete(item, options)}.
     *
     * @param item the item
     * @param options the options
     * @return the stub
     */
    public Stub<WriteResult<T>> delete(T item, WriteOptions options) {
        return stub(table.deleteCall(item, options), (call, detail) -> Stub.emptyWrite());
    }

    /**
     * Expects {@code delete(key)}.
     *
     * @param key the key
     * @return the stub
     */
    public Stub<WriteResult<T>> delete(Key key) {
        return delete(key, WriteOptions.defaults());
    }

    /**
     * Expects {@code delete(key, options)}.
     *
     * @param key the key
     * @param options the options
     * @return the stub
     */
    public Stub<WriteResult<T>> delete(Key key, WriteOptions options) {
        return stub(table.deleteCall(key, options), (call, detail) -> Stub.emptyWrite());
    }

    /**
     * Expects {@code get(partitionKey)} (or {@code get(Key.of(partitionKey))}).
     *
     * @param partitionKey the partition key value
     * @return the stub; program it with {@code returns(Optional.of(item))}
     */
    public Stub<Optional<T>> get(Object partitionKey) {
        return get(Key.of(partitionKey));
    }

    /**
     * Expects {@code get(partitionKey, sortKey)} (or {@code get(Key.of(partitionKey, sortKey))}).
     *
     * @param partitionKey the partition key value
     * @param sortKey the sort key value
     * @return the stub; program it with {@code returns(Optional.of(item))}
     */
    public Stub<Optional<T>> get(Object partitionKey, Object sortKey) {
        return get(Key.of(partitionKey, sortKey));
    }

    /**
     * Expects {@code get(key)}.
     *
     * @param key the key
     * @return the stub; program it with {@code returns(Optional.of(item))}
     */
    public Stub<Optional<T>> get(Key key) {
        return stub(table.getCall(key), (call, detail) -> Optional.empty());
    }

    /**
     * Expects {@code batchGet(keys)}.
     *
     * @param keys the keys, in order
     * @return the stub
     */
    public Stub<BatchGetResult<T>> batchGet(Collection<Key> keys) {
        return batchGet(keys, BatchOptions.defaults());
    }

    /**
     * Expects {@code batchGet(keys, options)}.
     *
     * @param keys the keys, in order
     * @param options the options
     * @return the stub
     */
    public Stub<BatchGetResult<T>> batchGet(Collection<Key> keys, BatchOptions options) {
        List<Key> copy = List.copyOf(keys);
        return stub(
                table.batchGetCall(copy, options),
                (call, detail) -> new BatchGetResult<T>(List.of(), copy, List.of(), 0));
    }

    /**
     * Expects {@code batchPut(items)}.
     *
     * @param items the items, in order
     * @return the stub
     */
    public Stub<BatchWriteResult<T>> batchPut(Collection<? extends T> items) {
        return batchWrite(items, List.of(), BatchOptions.defaults());
    }

    /**
     * Expects {@code batchDelete(keys)}.
     *
     * @param keys the keys, in order
     * @return the stub
     */
    public Stub<BatchWriteResult<T>> batchDelete(Collection<Key> keys) {
        return batchWrite(List.of(), keys, BatchOptions.defaults());
    }

    /**
     * Expects {@code batchWrite(puts, deletes, options)}.
     *
     * @param puts the items, in order
     * @param deletes the keys, in order
     * @param options the options
     * @return the stub
     */
    public Stub<BatchWriteResult<T>> batchWrite(
            Collection<? extends T> puts, Collection<Key> deletes, BatchOptions options) {
        int n = puts.size() + deletes.size();
        return stub(
                table.batchWriteCall(puts, deletes, options),
                (call, detail) -> new BatchWriteResult<T>(n, List.of(), List.of(), 0));
    }

    @Override
    public String toString() {
        return "TableStub[" + table.tableName() + "]";
    }
}
