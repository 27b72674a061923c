package dev.dynamorm;

/** The operations DynamORM performs; carried by exceptions and hook events. */
public enum Operation {
    /** Registering a model (reading its annotations). */
    REGISTER,
    /** Writing a new item that must not exist yet. */
    CREATE,
    /** Writing an item, replacing any item with the same key. */
    PUT,
    /** Reading one item by its full key. */
    GET,
    /** Changing attributes of an existing item. */
    UPDATE,
    /** Removing an item. */
    DELETE,
    /** Reading items through a key condition. */
    QUERY,
    /** Reading items by scanning a table or index. */
    SCAN,
    /** Reading many items by key. */
    BATCH_GET,
    /** Writing many items. */
    BATCH_WRITE,
    /** An atomic multi-item write. */
    TRANSACT_WRITE,
    /** An atomic multi-item read. */
    TRANSACT_GET,
    /**
     * A condition check inside a transaction: it writes nothing, only requires its condition to
     * hold (named so in {@link TransactionCanceledException.Reason#operation()}).
     */
    CONDITION_CHECK,
    /** Creating a table. */
    CREATE_TABLE,
    /** Describing a table. */
    DESCRIBE_TABLE,
    /** Deleting a table. */
    DELETE_TABLE,
    /** Changing a table's time-to-live setting. */
    UPDATE_TIME_TO_LIVE,
    /**
     * Mapping an item image of a change record (DynamoDB Streams, a Lambda event) to the model;
     * nothing is sent.
     */
    STREAM_READ,
    /** A nearest-neighbour search on a vector index ({@code SearchVectors}). */
    SEARCH_VECTORS
}
