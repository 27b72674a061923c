package dev.dynamorm;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

/**
 * The outcome of a single-item write.
 *
 * @param <T> the model type
 * @param item the returned attributes mapped to the model (partially filled for UPDATED_* modes),
 *     or empty when nothing was returned
 * @param attributes the returned attributes as stored, empty when nothing was returned
 * @param consumedCapacity the capacity the write consumed, when DynamoDB reported it
 */
public record WriteResult<T>(Optional<T> item, Map<String, AttributeValue> attributes,
        Optional<ConsumedCapacity> consumedCapacity) {

    /**
     * Copies the attributes.
     *
     * @throws NullPointerException if a component is null
     */
    public WriteResult {
        attributes = Map.copyOf(attributes);
        java.util.Objects.requireNonNull(item, "item");
        java.util.Objects.requireNonNull(consumedCapacity, "consumedCapacity");
    }
}
