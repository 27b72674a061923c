package dev.dynamorm;

import java.util.Map;
import java.util.Optional;
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
     * @param options an extra condition and return values ({@code ALL_OLD} returns nothing on success)
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
     * Starts a query with a condition on a field.
     *
     * @param field the Java field name
     * @param operator an operator symbol, see {@link Operator#parse(String)}
     * @param value the value
     * @return the query; nothing is sent until a terminal call
     */
    Query<T> where(String field, String operator, Object value);

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
     * Creates the table with on-demand billing and waits until it is active.
     *
     * @throws TableInUseException if it exists
     */
    default void createTable() {
        createTable(CreateTableOptions.onDemand());
    }

    /**
     * Creates the table from the model: keys, indexes with projections, billing, and TTL when
     * the model has a {@code @Ttl} field.
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
     * Compares the existing table with the model: key schema, attribute types, indexes,
     * projections and TTL.
     *
     * @return the differences
     * @throws TableNotFoundException if it does not exist
     */
    SchemaDrift drift();
}
