package dev.dynamorm;

/**
 * The reads of one TransactGetItems call, collected by the consumer given to {@link
 * DynamORM#readTransaction(java.util.function.Consumer)}: a consistent snapshot of up to {@value
 * Transaction#MAX_ACTIONS} items across tables. Results come back in the order of the gets.
 *
 * <p>Not thread-safe; use it only inside the consumer.
 */
public interface ReadTransaction {

    /**
     * Reads an item by key.
     *
     * @param modelType the model
     * @param key the key
     * @return this read transaction
     */
    ReadTransaction get(Class<?> modelType, Key key);
}
