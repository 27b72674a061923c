package dev.dynamorm;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@link Table#create} found an item with the same key; nothing was written. */
public class ItemAlreadyExistsException extends ConditionFailedException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the table and key
     * @param modelType the model
     * @param storedItem the existing item, or null
     * @param storedModel the existing item as a model, or null
     * @param cause the AWS error
     */
    public ItemAlreadyExistsException(
            String message,
            @Nullable Class<?> modelType,
            @Nullable Map<String, AttributeValue> storedItem,
            @Nullable Object storedModel,
            Throwable cause) {
        super(message, Operation.CREATE, modelType, storedItem, storedModel, cause);
    }
}
