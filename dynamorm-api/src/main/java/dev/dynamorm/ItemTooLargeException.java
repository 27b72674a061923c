package dev.dynamorm;

import org.jspecify.annotations.Nullable;

/**
 * An item, or an item collection of a local index, exceeds DynamoDB's size limit (400 KB per item,
 * 10 GB per item collection).
 */
public class ItemTooLargeException extends InvalidRequestException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the table and the limit
     * @param operation the operation
     * @param modelType the model, or null
     * @param cause the AWS error, or null when detected before sending
     */
    public ItemTooLargeException(
            String message,
            Operation operation,
            @Nullable Class<?> modelType,
            @Nullable Throwable cause) {
        super(message, operation, modelType, cause);
    }
}
