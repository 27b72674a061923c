package dev.dynamorm;

import java.lang.annotation.Annotation;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Code a {@link Plugin} runs around every request DynamORM sends, and on every item it writes or
 * reads. Every method has a no-op default, so a hook implements only the phases it needs.
 *
 * <h2>Phases</h2>
 *
 * <ul>
 *   <li>{@link #before(HookContext)} runs before each request, in plugin order (lower {@link
 *       Plugin#order()} first). It sees the operation, table, model, keys and the request about to
 *       be sent. Throwing vetoes the operation: nothing is sent and the caller gets the exception
 *       (wrapped in {@link dev.dynamorm.PluginException} unless it already is a {@link
 *       dev.dynamorm.DynamORMException}). What it may change depends on the operation; see {@link
 *       HookContext}.
 *   <li>{@link #after(HookContext, Outcome)} runs after each request, in reverse plugin order, for
 *       every hook whose {@code before} completed. It sees the outcome: the response or the
 *       failure, the elapsed time, attempts and throttles. An exception thrown here is logged and
 *       counted and never changes the outcome the caller sees.
 *   <li>{@link #beforeWrite(ItemContext, Map)} transforms the attributes of each item before it is
 *       written (create, put, update values, batch and transaction puts), in plugin order.
 *   <li>{@link #afterRead(ItemContext, Map)} transforms the attributes of each item read (get,
 *       every query or scan result, batch and transaction reads, items returned by writes and
 *       condition failures), in reverse plugin order, before they are mapped to the model.
 * </ul>
 *
 * <p>A query or scan runs {@code before}/{@code after} once per page and {@code afterRead} once per
 * result; a batch runs them once per request chunk. {@code before}/{@code after} run on the thread
 * that sends the request (the caller's, a batch's worker thread, a batch writer's sender, or the
 * thread completing an earlier request of the async view); {@link #capture} runs on the caller's
 * thread. Hooks must be thread-safe. When no plugin is installed none of this runs.
 */
public interface Hook {

    /**
     * Called before a request is sent.
     *
     * @param context the operation about to run, with what may be amended
     * @throws RuntimeException to veto the operation (nothing is sent)
     */
    default void before(HookContext context) {}

    /**
     * Called on the caller's thread when DynamORM accepts an operation whose requests it may send
     * later or from another thread: a batch get or write (its chunks, their resends of unprocessed
     * items), each write a batch writer accepts, and the queries and scans of the async view (their
     * pages) and parallel scans. What a hook puts into {@code attributes} starts the attributes
     * ({@link HookContext#attribute(String)}) of every request sent on the operation's behalf,
     * before that request's {@link #before} runs, whatever thread sends it: e.g. a value the
     * caller's thread holds in a thread-local. A batch writer sends together only writes whose
     * captured attributes are equal.
     *
     * @param operation the operation accepted (its operation, table and model; no request yet)
     * @param attributes where to put the values to carry, keys namespaced as {@code
     *     "pluginName:key"}
     */
    default void capture(OperationEvent operation, Map<String, Object> attributes) {}

    /**
     * Called after a request completed, failed, or was served by a hook.
     *
     * @param context the operation, as it was sent
     * @param outcome the response or failure, timing, attempts
     */
    default void after(HookContext context, Outcome outcome) {}

    /**
     * Transforms the attributes of an item about to be written. Key attributes must be returned
     * unchanged.
     *
     * @param context the operation, table and model of the item
     * @param item the attributes (not to be modified in place)
     * @return the attributes to write: {@code item} itself or a new map
     * @throws RuntimeException to abort the write (nothing is sent)
     */
    default Map<String, AttributeValue> beforeWrite(
            ItemContext context, Map<String, AttributeValue> item) {
        return item;
    }

    /**
     * Transforms the attributes of an item just read, before it is mapped to the model.
     *
     * @param context the operation, table and model of the item
     * @param item the attributes as stored (not to be modified in place)
     * @return the attributes to map: {@code item} itself or a new map
     * @throws RuntimeException to fail the read
     */
    default Map<String, AttributeValue> afterRead(
            ItemContext context, Map<String, AttributeValue> item) {
        return item;
    }

    /**
     * Whether this hook needs the consumed capacity of each request; when any installed hook does,
     * DynamORM asks DynamoDB for it ({@code ReturnConsumedCapacity=TOTAL}) unless the request
     * already asks.
     *
     * @return false by default
     */
    default boolean wantsConsumedCapacity() {
        return false;
    }

    /**
     * The field annotations (each marked {@link dev.dynamorm.annotations.FieldTransform}) whose
     * fields this hook transforms: in {@link #beforeWrite(ItemContext, Map)} it turns every
     * attribute of such a field, in every item it is given, into a value of the annotation's {@link
     * dev.dynamorm.annotations.FieldTransform#storedAs()} type other than the one it got, including
     * partial items (the values an update builder sets, {@link ItemContext#partial()}, whose key is
     * {@link ItemContext#key()}); in {@link #afterRead(ItemContext, Map)} it turns them back.
     * {@link ModelInfo#transformedAttributes} names a model's attributes of each annotation.
     *
     * <p>The engine refuses every read and write of a model with fields carrying such an annotation
     * (before anything is sent) unless an installed hook declares it here, and refuses a write
     * whose transformed attributes come back unchanged or of another type.
     *
     * @return the annotation types, none by default
     */
    default Set<Class<? extends Annotation>> transformedFields() {
        return Set.of();
    }
}
