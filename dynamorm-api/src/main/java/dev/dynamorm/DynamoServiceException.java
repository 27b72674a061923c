package dev.dynamorm;

import org.jspecify.annotations.Nullable;

/**
 * Any other error from DynamoDB or the connection to it: server errors (retryable), network
 * failures (retryable), access denied, limits exceeded.
 */
public class DynamoServiceException extends DynamORMException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed
     * @param operation the operation
     * @param modelType the model, or null
     * @param retryable whether a retry may succeed
     * @param cause the AWS or SDK error
     */
    public DynamoServiceException(
            String message,
            Operation operation,
            @Nullable Class<?> modelType,
            boolean retryable,
            Throwable cause) {
        super(message, operation, modelType, retryable, cause);
    }
}
