package dev.dynamorm;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The items of one model in its DynamoDB table: writes, key lookups, queries and table management.
 *
 * <p>Obtained from {@link DynamORM#table(Class)}; thread-safe and cheap to keep.
 *
 * @param <T> the model type
 */
public interface Table<T> {

    /**
     * The model class.
     *
     * @return the model class
     */
    Class<T> modelType();

    /**
     * The physical table name (including any configured prefix).
     *
     * @return the table name
     */
    String tableName();

    /**
     * Writes a new item; fails if an item with the same key exists.
     *
     * @param item the item
     * @return the outcome
     * @throws ItemAlreadyExistsException if the key is taken
     * @throws DynamORMException on any other failure
     */
    default WriteResult<T> create(T item) {
        return create(item, WriteOptions.defaults());
    }

    /**
     * Writes a new item with options; fails if an item with the same key exists.
     *
     * @param item the item
     * @param options an extra condition and return values ({@code ALL_OLD} returns nothing on
     *     success)
     * @return the outcome
     * @throws ItemAlreadyExistsException if the key is taken
     * @throws ConditionFailedException if the extra condition fails
     */
    WriteResult<T> create(T item, WriteOptions options);

    /**
     * Writes an item, replacing any item with the same key.
     *
     * @param item the item
     * @return the outcome
     * @throws DynamORMException on failure
     */
    default WriteResult<T> put(T item) {
        return put(item, WriteOptions.defaults());
    }

    /**
     * Writes an item with options, replacing any item with the same key.
     *
     * @param item the item
     * @param options an extra condition and return values ({@code NONE} or {@code ALL_OLD})
     * @return the outcome
     * @throws ConditionFailedException if the condition fails
     */
    WriteResult<T> put(T item, WriteOptions options);

    /**
     * Reads an item of a model whose key is a partition key only.
     *
     * @param partitionKey the partition key value
     * @return the item, or empty
     * @throws InvalidRequestException if the model has a sort key
     */
    Optional<T> get(Object partitionKey);

    /**
     * Reads an item by partition and sort key.
     *
     * @param partitionKey the partition key value
     * @param sortKey the sort key value
     * @return the item, or empty
     * @throws InvalidRequestException if the model has no sort key
     */
    Optional<T> get(Object partitionKey, Object sortKey);

    /**
     * Changes chosen fields of an existing item; only those attributes are sent.
     *
     * @param item the item carrying the key and the new values
     * @param fields Java field names to write; none means every non-key field
     * @return the outcome
     * @throws ItemNotFoundException if no item has this key
     * @throws UnknownFieldException if a field name is not in the model
     */
    default WriteResult<T> update(T item, String... fields) {
        return update(item, WriteOptions.defaults(), fields);
    }

    /**
     * Changes chosen fields of an existing item with options; only those attributes are sent.
     *
     * @param item the item carrying the key and the new values
     * @param options an extra condition, return values and null handling (skip by default)
     * @param fields Java field names to write; none means every non-key field
     * @return the outcome
     * @throws ItemNotFoundException if no item has this key
     * @throws ConditionFailedException if the extra condition fails
     */
    WriteResult<T> update(T item, WriteOptions options, String... fields);

    /**
     * Changes an existing item by sending only the attributes that differ between two instances of
     * it: {@code before} as read and {@code after} as changed. Each field is converted and compared
     * as stored (numbers by value, sets ignoring order, nested objects, maps and lists compared
     * whole and written whole when any part differs); a changed or added value is SET, and a field
     * that was set before and is null after is REMOVEd (an explicit change: null handling does not
     * apply). Attributes not changed, including ones another writer changed since {@code before}
     * was read, are left as stored.
     *
     * <p>As for {@link #update(Object, WriteOptions, String...)}: the item must exist; for a
     * versioned model the version of {@code before} is checked and incremented; {@code @UpdatedAt}
     * is stamped from the clock. The managed fields ({@code @Version}, {@code @CreatedAt},
     * {@code @UpdatedAt}) are not compared. When nothing differs, no request is sent (so neither
     * the item's existence nor its version is checked, and nothing is stamped) and the result is
     * empty: no item, no attributes, no consumed capacity, no written state.
     *
     * <pre>{@code
     * Order before = orders.get("o-1").orElseThrow();
     * Order after = before.withStatus("SHIPPED");
     * orders.updateChanged(before, after); // UpdateItem with SET status (and the version and @UpdatedAt)
     * }</pre>
     *
     * @param before the item as read
     * @param after the same item with the changes
     * @return the outcome; {@link WriteResult#written()} holds {@code after} with its new version
     *     and {@code @UpdatedAt}, or is empty when nothing changed
     * @throws InvalidRequestException if either is null, their keys differ, or their versions
     *     differ (before sending)
     * @throws ItemNotFoundException if no item has the key
     * @throws OptimisticLockException if another version than that of {@code before} is stored
     */
    default WriteResult<T> updateChanged(T before, T after) {
        return updateChanged(before, after, WriteOptions.defaults());
    }

    /**
     * Changes an existing item by sending only the attributes that differ between two instances,
     * with options; see {@link #updateChanged(Object, Object)}.
     *
     * @param before the item as read
     * @param after the same item with the changes
     * @param options an extra condition and return values; null handling does not apply
     * @return the outcome, empty when nothing changed
     * @throws InvalidRequestException if either is null, their keys differ, or their versions
     *     differ (before sending)
     * @throws ItemNotFoundException if no item has the key
     * @throws OptimisticLockException if another version than that of {@code before} is stored
     * @throws ConditionFailedException if the extra condition fails
     */
    default WriteResult<T> updateChanged(T before, T after, WriteOptions options) {
        throw new UnsupportedOperationException();
    }

    /**
     * Deletes the item with this item's key; deleting a missing item is not an error.
     *
     * @param item the item (only its key is used)
     * @return the outcome
     * @throws DynamORMException on failure
     */
    default WriteResult<T> delete(T item) {
        return delete(item, WriteOptions.defaults());
    }

    /**
     * Deletes the item with this item's key, with options.
     *
     * @param item the item (only its key is used)
     * @param options an extra condition and return values ({@code NONE} or {@code ALL_OLD})
     * @return the outcome
     * @throws ConditionFailedException if the condition fails
     */
    WriteResult<T> delete(T item, WriteOptions options);

    /**
     * Updates the item with this item's key through an update builder: {@code set}, {@code add},
     * {@code increment}, {@code remove}, list and set actions, conditions and return values. For a
     * versioned model the instance's version is checked and incremented, as by every write.
     *
     * <pre>{@code
     * orders.update(order, u -> u.increment("totalCents", 500).appendToList("items", "gift-wrap")
     *                            .when("status", "=", "NEW").returnValue(ReturnValue.ALL_NEW));
     * }</pre>
     *
     * @param item the item (its key and, for versioned models, its version are used)
     * @param update adds the actions and conditions
     * @return the outcome; {@link WriteResult#written()} holds the instance with its new version
     * @throws ItemNotFoundException if no item has the key (unless {@link UpdateBuilder#upsert()})
     * @throws OptimisticLockException if another version is stored
     * @throws ConditionFailedException if a condition fails
     * @throws InvalidRequestException if an action is invalid (before sending)
     */
    default WriteResult<T> update(T item, Consumer<UpdateBuilder> update) {
        throw new UnsupportedOperationException();
    }

    /**
     * Deletes the item with a key; deleting a missing item is not an error. No version check.
     *
     * @param key the key
     * @return the outcome
     * @throws InvalidRequestException if the key does not fit the model
     */
    default WriteResult<T> delete(Key key) {
        return delete(key, WriteOptions.defaults());
    }

    /**
     * Deletes the item with a key, with options. No version check.
     *
     * @param key the key
     * @param options an extra condition and return values ({@code NONE} or {@code ALL_OLD})
     * @return the outcome
     * @throws ConditionFailedException if the condition fails
     */
    default WriteResult<T> delete(Key key, WriteOptions options) {
        throw new UnsupportedOperationException();
    }

    /**
     * Reads an item by key.
     *
     * @param key the key
     * @return the item, or empty
     * @throws InvalidRequestException if the key does not fit the model
     */
    default Optional<T> get(Key key) {
        throw new UnsupportedOperationException();
    }

    /**
     * The key of an item.
     *
     * @param item the item
     * @return its key as Java values
     * @throws InvalidRequestException if a key field is null
     */
    default Key keyOf(T item) {
        throw new UnsupportedOperationException();
    }

    /**
     * Reads many items by key, in chunks of 100 (DynamoDB's limit per BatchGetItem) sent by
     * parallel workers, retrying unprocessed keys with the retry policy.
     *
     * @param keys the keys, any number; a key given twice is read once and returned twice
     * @return the items in key order and the missing keys
     * @throws BatchGetIncompleteException if the retry budget ran out (it carries the partial
     *     result)
     */
    default BatchGetResult<T> batchGet(Collection<Key> keys) {
        return batchGet(keys, BatchOptions.defaults());
    }

    /**
     * Reads many items by key with options.
     *
     * @param keys the keys
     * @param options workers, retry policy, progress callback, consistency
     * @return the items in key order and the missing keys
     * @throws BatchGetIncompleteException if the retry budget ran out (it carries the partial
     *     result)
     */
    default BatchGetResult<T> batchGet(Collection<Key> keys, BatchOptions options) {
        throw new UnsupportedOperationException();
    }

    /**
     * Writes many items, in chunks of 25 (DynamoDB's limit per BatchWriteItem), retrying
     * unprocessed items with backoff and jitter. Batch writes carry no conditions: versioned models
     * are refused unless {@link BatchOptions#ignoreVersioning()}. An instance whose
     * {@code @CreatedAt} is null keeps the stored creation time, best effort: one consistent
     * BatchGetItem reads the stored ones first (none when every instance has one), and a writer
     * that creates or deletes the item between that read and the write still wins; items not stored
     * get the clock's time.
     *
     * @param items the items, any number; two with the same key are refused
     * @return the outcome
     * @throws BatchWriteIncompleteException if some items were not written (it lists them exactly)
     * @throws InvalidRequestException on bad input, before anything is sent
     */
    default BatchWriteResult<T> batchPut(Collection<? extends T> items) {
        return batchWrite(items, List.of(), BatchOptions.defaults());
    }

    /**
     * Deletes many items by key, in chunks of 25.
     *
     * @param keys the keys, any number; duplicates are refused
     * @return the outcome
     * @throws BatchWriteIncompleteException if some items were not deleted (it lists them exactly)
     */
    default BatchWriteResult<T> batchDelete(Collection<Key> keys) {
        return batchWrite(List.of(), keys, BatchOptions.defaults());
    }

    /**
     * Writes and deletes many items, in chunks of 25 sent by parallel workers, retrying throttled
     * calls and unprocessed items with the retry policy. Two operations on the same key are refused
     * before anything is sent (their order could not be kept).
     *
     * @param puts the items to write
     * @param deletes the keys to delete
     * @param options workers, retry policy, progress callback, versioning opt-out
     * @return the outcome, with the consumed capacity
     * @throws BatchWriteIncompleteException if the budget ran out or a call failed: lists exactly
     *     which puts and deletes were not applied (everything else was)
     * @throws InvalidRequestException on bad input (duplicate key, versioned model, oversize item)
     */
    default BatchWriteResult<T> batchWrite(
            Collection<? extends T> puts, Collection<Key> deletes, BatchOptions options) {
        throw new UnsupportedOperationException();
    }

    /**
     * Starts a query with a condition on a field.
     *
     * @param field the Java field name
     * @param operator an operator symbol, see {@link Operator#parse(String)}
     * @param value the value
     * @return the query; nothing is sent until a terminal call
     */
    Query<T> where(String field, String operator, Object value);

    /**
     * Starts a query without conditions, to add them with {@link Query#where(Condition)} or to read
     * the whole table with {@link Query#allowScan()} or {@link Query#scan()}.
     *
     * @return the query; nothing is sent until a terminal call
     */
    Query<T> query();

    /**
     * Reads every item of the table with a Scan, all pages merged; for large tables prefer {@code
     * query().allowScan().stream()} or {@link Query#parallelScan(int)}.
     *
     * @return the items, in no particular order
     * @throws DynamORMException on failure
     */
    default List<T> scan() {
        return query().scan();
    }

    /**
     * Converts a model instance to the item DynamoDB stores.
     *
     * @param item the model instance
     * @return the attributes
     */
    Map<String, AttributeValue> toItem(T item);

    /**
     * Converts a stored item to a model instance.
     *
     * @param item the attributes
     * @return the model instance
     */
    T fromItem(Map<String, AttributeValue> item);

    /**
     * Converts an item image that arrived outside a read (a DynamoDB Streams record, a Lambda
     * event) to a model instance the way a read does: the plugins' {@code afterRead} transforms run
     * with {@link Operation#STREAM_READ}, so {@code @Encrypted} fields are decrypted, and the image
     * is refused when the model has {@code @Encrypted} fields and no installed plugin handles them.
     * Unlike {@link #fromItem(Map)}, which maps attributes as given.
     *
     * @param image the attributes of the image, possibly only the key (a {@code KEYS_ONLY} stream)
     * @return the model instance; fields missing from the image are null or the type's default
     * @throws InvalidRequestException if the model has {@code @Encrypted} fields and no plugin
     *     decrypts them, or an attribute does not fit its field
     * @throws PluginException if a plugin's transform fails (e.g. a value cannot be decrypted)
     */
    default T fromImage(Map<String, AttributeValue> image) {
        throw new UnsupportedOperationException();
    }

    /**
     * The model as plugins see it: table name, key attributes, field to attribute names.
     *
     * @return the model's description
     */
    default dev.dynamorm.ModelInfo modelInfo() {
        throw new UnsupportedOperationException();
    }

    /**
     * Creates the table with on-demand billing and waits until it is active.
     *
     * @throws TableInUseException if it exists
     */
    default void createTable() {
        createTable(CreateTableOptions.onDemand());
    }

    /**
     * Creates the table from the model: keys, indexes with projections, billing, and TTL when the
     * model has a {@code @Ttl} field.
     *
     * @param options billing and waiting
     * @throws TableInUseException if it exists
     */
    void createTable(CreateTableOptions options);

    /**
     * Creates the table unless it exists, and waits until it is active.
     *
     * @return true if it was created, false if it existed
     */
    boolean createTableIfMissing();

    /**
     * Whether the table exists.
     *
     * @return true if it exists
     */
    boolean tableExists();

    /**
     * Describes the table.
     *
     * @return DynamoDB's description
     * @throws TableNotFoundException if it does not exist
     */
    TableDescription describeTable();

    /**
     * Deletes the table and waits until it is gone.
     *
     * @throws TableNotFoundException if it does not exist
     */
    void deleteTable();

    /**
     * Compares the existing table with the model: key schema, attribute types, indexes, projections
     * and TTL.
     *
     * @return the differences
     * @throws TableNotFoundException if it does not exist
     */
    SchemaDrift drift();

    /**
     * Like {@link #where(String, String, Object)} with a typed field reference generated by {@code
     * dynamorm-processor}.
     *
     * @param field the field reference, e.g. {@code Order_.customerId}
     * @param operator an operator symbol
     * @param value the value, of the field's type
     * @param <V> the field type
     * @return a query
     */
    default <V> Query<T> where(FieldRef<T, V> field, String operator, V value) {
        return where(field.path(), operator, value);
    }

    /**
     * Starts a nearest-neighbour search on the vector index of a field declared with {@link
     * dev.dynamorm.annotations.VectorIndex}.
     *
     * <pre>{@code
     * List<VectorMatch<Doc>> top = docs.nearest("embedding", v).where("category", "=", "news").limit(10).all();
     * }</pre>
     *
     * @param field the Java name of the vector field
     * @param vector the search vector; its length must be the index's dimensions
     * @return a search returning 10 items unless {@link VectorQuery#limit(int)} says otherwise
     * @throws UnknownFieldException if the model has no such field
     * @throws InvalidRequestException if the field has no vector index, the vector's length is not
     *     the index's dimensions or it holds a NaN or infinite element
     * @throws UnsupportedOperationException if the implementation has no vector search
     */
    default VectorQuery<T> nearest(String field, float[] vector) {
        throw new UnsupportedOperationException(
                "vector search is not implemented by " + getClass());
    }

    /**
     * Like {@link #nearest(String, float[])} with the vector as a list of numbers.
     *
     * @param field the Java name of the vector field
     * @param vector the search vector
     * @return a search
     * @throws NullPointerException if the vector or one of its elements is null
     * @throws InvalidRequestException as {@link #nearest(String, float[])}
     */
    default VectorQuery<T> nearest(String field, List<? extends Number> vector) {
        float[] values = new float[vector.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = vector.get(i).floatValue();
        }
        return nearest(field, values);
    }

    /**
     * The non-blocking view of this table over the async client given to {@link
     * DynamORM.Builder#asyncClient}.
     *
     * @return the async view
     * @throws IllegalStateException if no async client was given
     */
    default AsyncTable<T> async() {
        throw new UnsupportedOperationException();
    }
}
