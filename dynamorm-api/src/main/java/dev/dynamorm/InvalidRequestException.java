package dev.dynamorm;

import org.jspecify.annotations.Nullable;

/**
 * A request is invalid: either rejected before sending (unknown field, wrong value type, limits) or
 * rejected by DynamoDB as a validation error (then the AWS error is the cause).
 */
public class InvalidRequestException extends DynamORMException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and what would work
     * @param operation the operation
     * @param modelType the model, or null
     * @param cause the AWS validation error, or null when rejected before sending
     */
    public InvalidRequestException(
            String message,
            Operation operation,
            @Nullable Class<?> modelType,
            @Nullable Throwable cause) {
        super(message, operation, modelType, false, cause);
    }
}
