package dev.dynamorm;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

/**
 * The outcome of a single-item write.
 *
 * <p>{@link #written()} is how a caller learns the state DynamORM wrote, whatever the {@link
 * ReturnValue}: after {@code create} and {@code put}, the whole item with the version,
 * {@code @CreatedAt} and {@code @UpdatedAt} values DynamORM set; after an update from a model
 * instance, that instance with its new version and {@code @UpdatedAt} (its other fields as given,
 * which for an update of chosen fields need not be what is stored); after any update that asked for
 * {@link ReturnValue#ALL_NEW}, the whole item as stored. A key-bound update without ALL_NEW leaves
 * it empty. Keep the written item to make the next versioned write with the right expected version.
 *
 * <p>With {@link ReturnValue#UPDATED_OLD} or {@link ReturnValue#UPDATED_NEW} DynamoDB returns only
 * the updated attributes, so {@link #item()} is a partial model: its key fields come from the
 * request, the returned attributes fill their fields, and every other field holds its absent value
 * (null, or 0 and false for primitives) — which is not what is stored. {@link #itemFields()} says
 * which fields were read:
 *
 * <pre>{@code
 * WriteResult<Account> r = accounts.where("id", "=", id)
 *         .update(u -> u.set("note", "x").returnValue(ReturnValue.UPDATED_NEW));
 * r.itemFields();              // [id, note]: r.item().get().balance() is 0, not the balance
 * }</pre>
 *
 * @param <T> the model type
 * @param item the returned attributes mapped to the model (partially filled for UPDATED_* modes),
 *     or empty when nothing was returned
 * @param attributes the returned attributes as stored, empty when nothing was returned
 * @param consumedCapacity the capacity the write consumed, when DynamoDB reported it
 * @param written the item as this write stored it, or empty (deletes, key-bound updates)
 * @param itemFields the Java names of the fields of {@code item} that were read (whole fields, in
 *     model order); empty when {@code item} is empty
 */
public record WriteResult<T>(
        Optional<T> item,
        Map<String, AttributeValue> attributes,
        Optional<ConsumedCapacity> consumedCapacity,
        Optional<T> written,
        Set<String> itemFields) {

    /**
     * Copies the attributes and the field names.
     *
     * @throws NullPointerException if a component is null
     */
    public WriteResult {
        attributes = Map.copyOf(attributes);
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(consumedCapacity, "consumedCapacity");
        Objects.requireNonNull(written, "written");
        itemFields = Collections.unmodifiableSet(new LinkedHashSet<>(itemFields));
    }

    /**
     * A result whose item, if any, was read whole or carries no field list.
     *
     * @param item the returned item mapped to the model, or empty
     * @param attributes the returned attributes
     * @param consumedCapacity the consumed capacity, or empty
     * @param written the item as written, or empty
     */
    public WriteResult(
            Optional<T> item,
            Map<String, AttributeValue> attributes,
            Optional<ConsumedCapacity> consumedCapacity,
            Optional<T> written) {
        this(item, attributes, consumedCapacity, written, Set.of());
    }

    /**
     * A result without written state.
     *
     * @param item the returned item mapped to the model, or empty
     * @param attributes the returned attributes
     * @param consumedCapacity the consumed capacity, or empty
     */
    public WriteResult(
            Optional<T> item,
            Map<String, AttributeValue> attributes,
            Optional<ConsumedCapacity> consumedCapacity) {
        this(item, attributes, consumedCapacity, Optional.empty());
    }
}
