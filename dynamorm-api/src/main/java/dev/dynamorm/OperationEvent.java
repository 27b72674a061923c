package dev.dynamorm;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;

/**
 * One request of an operation, as seen by a {@link Hook}: what is done, on which table and model,
 * to which items. Read-only; {@link HookContext} adds what a before-hook may change.
 */
public interface OperationEvent {

    /**
     * The operation.
     *
     * @return the operation
     */
    Operation operation();

    /**
     * The physical table name (with the configured prefix); for a batch or transaction over several
     * tables, the first one (see {@link #items()} for all).
     *
     * @return the table name
     */
    String tableName();

    /**
     * The model class, for operations on one model.
     *
     * @return the model class, or {@code Object.class} for multi-table batches and transactions
     */
    Class<?> modelType();

    /**
     * The model's description, for operations on one model.
     *
     * @return the model, or empty
     */
    Optional<ModelInfo> model();

    /**
     * The primary key of the item concerned, for single-item operations.
     *
     * @return the key, or empty
     */
    Optional<Map<String, AttributeValue>> key();

    /**
     * Every item this request reads or writes: one for create, put, get, update and delete; one per
     * key or write for batches and transactions; none for queries and scans.
     *
     * @return the items, in request order
     */
    List<ItemRef> items();

    /**
     * The secondary index a query or scan reads.
     *
     * @return the index name, or empty for the table itself
     */
    Optional<String> indexName();

    /**
     * Whether the read is strongly consistent.
     *
     * @return true for consistent gets, queries and scans, and transactional reads
     */
    boolean consistentRead();

    /**
     * Whether the request is part of a transaction ({@code TransactWriteItems} or {@code
     * TransactGetItems}).
     *
     * @return true for transactions
     */
    boolean transactional();

    /**
     * The page of a query or scan: 1 for the request that starts it, 2 or more for a request that
     * continues it (from the previous page's last key or a cursor); 0 for other operations.
     *
     * @return the page number
     */
    int page();

    /**
     * The AWS SDK request: in {@code before}, as it will be sent before amendments; in {@code
     * after}, as it was sent (with amendments). Its type follows the operation ({@code
     * PutItemRequest} for create and put, {@code QueryRequest} for queries, and so on).
     *
     * @return the request, or empty for requests the engine does not describe
     */
    Optional<DynamoDbRequest> request();
}
