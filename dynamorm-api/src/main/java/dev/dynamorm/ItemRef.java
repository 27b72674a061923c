package dev.dynamorm;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One item a request reads or writes: its table, key and action, and for writes the attributes
 * written. Immutable.
 */
public final class ItemRef {

    /** What a request does to an item. */
    public enum Action {
        /** Written whole (create, put, batch put, transaction put). */
        PUT,
        /** Changed in place (update). */
        UPDATE,
        /** Removed. */
        DELETE,
        /** Only checked, in a transaction. */
        CONDITION_CHECK,
        /** Read by key. */
        GET
    }

    private final Action action;
    private final String tableName;
    private final @Nullable Class<?> modelType;
    private final Map<String, AttributeValue> key;
    private final @Nullable Map<String, AttributeValue> item;
    private final Set<String> changedAttributes;

    /**
     * Describes one item.
     *
     * @param action what is done
     * @param tableName the physical table name
     * @param modelType the model mapped to the table, or null when none is
     * @param key the item's primary key
     * @param item for puts the whole item, for updates the values set by plain assignments; else
     *     null
     * @param changedAttributes names of the attributes written or removed (empty for reads, deletes
     *     and checks)
     */
    public ItemRef(
            Action action,
            String tableName,
            @Nullable Class<?> modelType,
            Map<String, AttributeValue> key,
            @Nullable Map<String, AttributeValue> item,
            Set<String> changedAttributes) {
        this.action = Objects.requireNonNull(action, "action");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.modelType = modelType;
        this.key = Map.copyOf(Objects.requireNonNull(key, "key"));
        this.item = item == null ? null : Map.copyOf(item);
        this.changedAttributes =
                Set.copyOf(Objects.requireNonNull(changedAttributes, "changedAttributes"));
    }

    /**
     * What is done to the item.
     *
     * @return the action
     */
    public Action action() {
        return action;
    }

    /**
     * The physical table name.
     *
     * @return the table name
     */
    public String tableName() {
        return tableName;
    }

    /**
     * The model mapped to the table.
     *
     * @return the model class, or empty for a table no model of this instance maps
     */
    public Optional<Class<?>> modelType() {
        return Optional.ofNullable(modelType);
    }

    /**
     * The item's primary key.
     *
     * @return the key attributes
     */
    public Map<String, AttributeValue> key() {
        return key;
    }

    /**
     * The attributes written: the whole item for puts, the assigned values for updates.
     *
     * @return the attributes, or empty for reads, deletes and checks
     */
    public Optional<Map<String, AttributeValue>> item() {
        return Optional.ofNullable(item);
    }

    /**
     * Names of the attributes written or removed.
     *
     * @return the names, empty for reads, deletes and checks
     */
    public Set<String> changedAttributes() {
        return changedAttributes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ItemRef r
                && action == r.action
                && tableName.equals(r.tableName)
                && Objects.equals(modelType, r.modelType)
                && key.equals(r.key)
                && Objects.equals(item, r.item)
                && changedAttributes.equals(r.changedAttributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(action, tableName, modelType, key, item, changedAttributes);
    }

    @Override
    public String toString() {
        return "ItemRef["
                + action
                + " "
                + tableName
                + " key="
                + key.keySet()
                + " changed="
                + changedAttributes
                + "]";
    }
}
