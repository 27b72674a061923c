package dev.dynamorm;

import org.jspecify.annotations.Nullable;

/**
 * DynamoDB throttled the request (provisioned throughput exceeded, request limit, or throttling)
 * and the retry policy gave up; retryable.
 */
public class ThrottledException extends DynamORMException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was throttled
     * @param operation the operation
     * @param modelType the model, or null
     * @param cause the AWS error
     */
    public ThrottledException(
            String message, Operation operation, @Nullable Class<?> modelType, Throwable cause) {
        super(message, operation, modelType, true, cause);
    }
}
