package dev.dynamorm;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a {@link Hook} receives around one request: the {@link OperationEvent} plus what a
 * before-hook may change, and a scratch space shared by a hook's {@code before} and {@code after}.
 *
 * <p>What a before-hook may change, by operation:
 *
 * <ul>
 *   <li>create, put, update, delete: {@link #addCondition(Condition)} (AND-ed with the request's
 *       own condition; field names are the model's Java names);
 *   <li>update (not in a transaction): {@link #setOnUpdate(String, AttributeValue)} sets one more
 *       attribute in the same request, e.g. a stamp that an upserted item must carry;
 *   <li>get: {@link #respondWith(Map)} serves the item without sending a request (later hooks'
 *       {@code before} do not run);
 *   <li>transactional writes: {@link #addTransactionPut(String, Map)} adds a put to the same
 *       transaction, so it happens iff the transaction commits;
 *   <li>every operation: veto by throwing, and the item attributes through {@link
 *       Hook#beforeWrite(ItemContext, Map)} and {@link Hook#afterRead(ItemContext, Map)}.
 * </ul>
 *
 * Calling an amending method in an operation that does not allow it, or in an after-hook, throws
 * {@link IllegalStateException}.
 */
public interface HookContext extends OperationEvent {

    /**
     * Adds a condition the stored item must meet for the write to happen.
     *
     * @param condition the condition, over the model's Java field names
     * @throws IllegalStateException unless the operation is create, put, update or delete and the
     *     hook is a before-hook
     */
    void addCondition(Condition condition);

    /**
     * Sets an attribute in the update being sent, in the same request ({@code SET field = value}):
     * a stamp that an item the update creates ({@code upsert()}) must carry as well as an existing
     * one. Combine it with {@link #addCondition(Condition)} when the existing value must match.
     *
     * @param field the model's Java field name, not a key field and not one the update already
     *     writes or removes
     * @param value the attribute in its stored form
     * @throws IllegalArgumentException if the field is not a mapped non-key field of the model
     * @throws IllegalStateException unless the operation is a single-item update and the hook is a
     *     before-hook, or if the update already writes the field
     */
    default void setOnUpdate(String field, AttributeValue value) {
        throw new UnsupportedOperationException("setOnUpdate");
    }

    /**
     * Serves a get from the hook: no request is sent, hooks after this one are skipped, and the
     * item goes through {@link Hook#afterRead(ItemContext, Map)} like a stored one.
     *
     * @param item the item's stored attributes
     * @throws IllegalStateException unless the operation is get and the hook is a before-hook
     */
    void respondWith(Map<String, AttributeValue> item);

    /**
     * Adds a put of a raw item to the transaction being sent.
     *
     * @param tableName the physical table name
     * @param item the item's attributes, key included
     * @throws IllegalStateException unless the operation is a transactional write and the hook is a
     *     before-hook
     */
    void addTransactionPut(String tableName, Map<String, AttributeValue> item);

    /**
     * A value a hook stored for this request (e.g. a span or a start time).
     *
     * @param key the key, namespaced as {@code "pluginName:key"}
     * @return the value, or null
     */
    @Nullable Object attribute(String key);

    /**
     * Stores a value for this request, visible to every hook until the request's after-hooks end,
     * and to {@link Hook#afterRead} through {@link ItemContext#attribute(String)} for the items the
     * request read. A request sent on behalf of an operation starts with the values hooks captured
     * for it on the caller's thread ({@link Hook#capture}); the resend of the items a batch request
     * left unprocessed starts with the values stored for the request it follows.
     *
     * @param key the key, namespaced as {@code "pluginName:key"}
     * @param value the value, or null to remove it
     */
    void attribute(String key, @Nullable Object value);
}
