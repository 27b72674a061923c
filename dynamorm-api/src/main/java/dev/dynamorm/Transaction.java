package dev.dynamorm;

import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The actions of one atomic write, collected by the consumer given to {@link
 * DynamORM#transaction(Consumer)} and sent as a single TransactWriteItems call: either every action
 * is applied or none is.
 *
 * <pre>{@code
 * db.transaction(tx -> tx
 *         .create(order)
 *         .update(stock, u -> u.decrement("available").when("available", ">", 0))
 *         .delete(cartLine)
 *         .conditionCheck(customer, Condition.when("blocked", "=", false)));
 * }</pre>
 *
 * <p>Actions may touch several tables and models; each item may appear once. Versioning,
 * {@code @CreatedAt}/{@code @UpdatedAt} and hooks apply to every action as they do to single
 * writes. At most {@value #MAX_ACTIONS} actions: the next one fails with an {@link
 * InvalidRequestException} before anything is sent. Not thread-safe; use it only inside the
 * consumer.
 */
public interface Transaction {

    /** DynamoDB's limit on the actions of one transaction. */
    int MAX_ACTIONS = 100;

    /**
     * Writes a new item; the transaction is cancelled if the key exists.
     *
     * @param item the item
     * @param <T> the model type
     * @return this transaction
     */
    <T> Transaction create(T item);

    /**
     * Writes an item, replacing any item with the same key (checking the version of versioned
     * models).
     *
     * @param item the item
     * @param <T> the model type
     * @return this transaction
     */
    default <T> Transaction put(T item) {
        return put(item, null);
    }

    /**
     * Writes an item when a condition holds.
     *
     * @param item the item
     * @param condition the condition the stored item must meet, or null
     * @param <T> the model type
     * @return this transaction
     */
    <T> Transaction put(T item, @Nullable Condition condition);

    /**
     * Changes chosen fields of an existing item, as {@link Table#update(Object, String...)}.
     *
     * @param item the item carrying the key and new values
     * @param fields Java field names; none means every non-key field
     * @param <T> the model type
     * @return this transaction
     */
    <T> Transaction update(T item, String... fields);

    /**
     * Updates the item with this item's key (checking its version for versioned models).
     *
     * @param item the item (its key and version are used)
     * @param update the actions and conditions
     * @param <T> the model type
     * @return this transaction
     */
    <T> Transaction update(T item, Consumer<UpdateBuilder> update);

    /**
     * Updates an item by key (no version check).
     *
     * @param modelType the model
     * @param key the key
     * @param update the actions and conditions
     * @return this transaction
     */
    Transaction update(Class<?> modelType, Key key, Consumer<UpdateBuilder> update);

    /**
     * Deletes the item with this item's key (checking its version for versioned models).
     *
     * @param item the item
     * @param <T> the model type
     * @return this transaction
     */
    default <T> Transaction delete(T item) {
        return delete(item, null);
    }

    /**
     * Deletes the item with this item's key when a condition holds.
     *
     * @param item the item
     * @param condition the condition, or null
     * @param <T> the model type
     * @return this transaction
     */
    <T> Transaction delete(T item, @Nullable Condition condition);

    /**
     * Deletes an item by key (no version check).
     *
     * @param modelType the model
     * @param key the key
     * @return this transaction
     */
    Transaction delete(Class<?> modelType, Key key);

    /**
     * Requires a condition on another item without writing it.
     *
     * @param item the item (only its key is used)
     * @param condition the condition
     * @param <T> the model type
     * @return this transaction
     */
    <T> Transaction conditionCheck(T item, Condition condition);

    /**
     * Requires a condition on an item given by key.
     *
     * @param modelType the model
     * @param key the key
     * @param condition the condition
     * @return this transaction
     */
    Transaction conditionCheck(Class<?> modelType, Key key, Condition condition);

    /**
     * Sets the client request token that makes the transaction idempotent: DynamoDB applies a
     * token's transaction once within ten minutes, so resending it (DynamORM's own retries use the
     * same token) does not apply it twice. A random token is used when none is set.
     *
     * @param token 1 to 36 characters
     * @return this transaction
     * @throws IllegalArgumentException if empty or longer than 36 characters
     */
    Transaction clientRequestToken(String token);
}
