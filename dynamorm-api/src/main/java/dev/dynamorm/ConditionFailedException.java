package dev.dynamorm;

import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A write's condition did not hold; nothing was written. Carries the stored item when DynamoDB
 * returned it.
 */
public class ConditionFailedException extends DynamORMException {

    private static final long serialVersionUID = 1L;

    private final transient @Nullable Map<String, AttributeValue> storedItem;
    private final transient @Nullable Object storedModel;

    /**
     * Creates the exception.
     *
     * @param message what failed
     * @param operation the operation
     * @param modelType the model
     * @param storedItem the item as stored, or null when not returned
     * @param storedModel the stored item mapped to the model, or null
     * @param cause the AWS error
     */
    public ConditionFailedException(
            String message,
            Operation operation,
            @Nullable Class<?> modelType,
            @Nullable Map<String, AttributeValue> storedItem,
            @Nullable Object storedModel,
            Throwable cause) {
        super(message, operation, modelType, false, cause);
        this.storedItem = storedItem == null ? null : Map.copyOf(storedItem);
        this.storedModel = storedModel;
    }

    /**
     * The item as it was stored when the condition failed.
     *
     * @return the raw attributes, or empty when DynamoDB did not return them (or no item existed)
     */
    public Optional<Map<String, AttributeValue>> storedItem() {
        return Optional.ofNullable(storedItem);
    }

    /**
     * The stored item mapped to the model.
     *
     * @param modelType the model class
     * @param <T> the model type
     * @return the stored model, or empty
     * @throws ClassCastException if the model class differs
     */
    public <T> Optional<T> storedModel(Class<T> modelType) {
        return Optional.ofNullable(storedModel).map(modelType::cast);
    }
}
