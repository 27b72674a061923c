package dev.dynamorm;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * @param <T> the model type
 * @param item the returned attributes mapped to the model (partially filled for UPDATED_* modes),
 *     or empty when nothing was returned
 * @param attributes the returned attributes as stored, empty when nothing was returned
 * @param consumedCapacity the capacity the write consumed, when DynamoDB reported it
 * @param written the item as this write stored it, or empty (deletes, key-bound updates)
 */
public record WriteResult<T>(
        Optional<T> item,
        Map<String, AttributeValue> attributes,
        Optional<ConsumedCapacity> consumedCapacity,
        Optional<T> written) {

    /**
     * Copies the attributes.
     *
     * @throws NullPointerException if a component is null
     */
    public WriteResult {
        attributes = Map.copyOf(attributes);
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(consumedCapacity, "consumedCapacity");
        Objects.requireNonNull(written, "written");
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
