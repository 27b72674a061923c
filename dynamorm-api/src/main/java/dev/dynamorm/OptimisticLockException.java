package dev.dynamorm;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A write of a versioned model found another version stored than the one it expected: someone else
 * wrote the item in between. Reload the item and apply the change again.
 */
public class OptimisticLockException extends ConditionFailedException {

    private static final long serialVersionUID = 1L;

    private final long expectedVersion;

    /**
     * Creates the exception.
     *
     * @param message names the model, key and expected version
     * @param operation the operation
     * @param modelType the model
     * @param expectedVersion the version the write expected
     * @param storedItem the stored item, or null
     * @param storedModel the stored item as a model, or null
     * @param cause the AWS error
     */
    public OptimisticLockException(
            String message,
            Operation operation,
            @Nullable Class<?> modelType,
            long expectedVersion,
            @Nullable Map<String, AttributeValue> storedItem,
            @Nullable Object storedModel,
            Throwable cause) {
        super(message, operation, modelType, storedItem, storedModel, cause);
        this.expectedVersion = expectedVersion;
    }

    /**
     * The version the write expected to find.
     *
     * @return the expected version
     */
    public long expectedVersion() {
        return expectedVersion;
    }
}
