package dev.dynamorm;

import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The item an item-transform hook ({@link Hook#beforeWrite}, {@link Hook#afterRead}) works on. */
public interface ItemContext {

    /**
     * The operation writing or reading the item.
     *
     * @return the operation
     */
    Operation operation();

    /**
     * The physical table name.
     *
     * @return the table name
     */
    String tableName();

    /**
     * The model of the item.
     *
     * @return the model, or empty for a table no model of this instance maps
     */
    Optional<ModelInfo> model();

    /**
     * Whether the attributes are only part of an item (the values an update sets, or a projection).
     *
     * @return true for partial items
     */
    boolean partial();

    /**
     * The primary key attributes of the item: taken from the item when it holds them, else given by
     * the engine (the values an update sets, the attributes an update returns).
     *
     * @return the key attributes, empty when unknown
     */
    default Map<String, AttributeValue> key() {
        return Map.of();
    }

    /**
     * A value a hook stored with {@link HookContext#attribute(String, Object)} for the request that
     * read this item: lets an {@link Hook#afterRead} see what its {@link Hook#before} saw on the
     * calling thread, whichever thread converts the response (the async view converts on the thread
     * that completed the request).
     *
     * @param key the attribute's key
     * @return the value, or null when the item was not read by a request (e.g. {@code
     *     Table.fromItem}) or no hook stored one
     */
    default @Nullable Object attribute(String key) {
        throw new UnsupportedOperationException("ItemContext.attribute(String)");
    }
}
