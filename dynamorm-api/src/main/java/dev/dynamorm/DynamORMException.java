package dev.dynamorm;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * The root of every failure DynamORM reports: knows the operation, the model, whether a retry may
 * succeed, and keeps the AWS error underneath as its cause.
 */
public abstract class DynamORMException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final @Nullable Operation operation;
    private final transient @Nullable Class<?> modelType;
    private final boolean retryable;

    /**
     * Creates an exception.
     *
     * @param message what went wrong, naming the table, field or value and how to fix it
     * @param operation the operation, or null when none applies
     * @param modelType the model, or null when none applies
     * @param retryable whether sending the same request again may succeed
     * @param cause the underlying error, or null
     */
    protected DynamORMException(
            String message,
            @Nullable Operation operation,
            @Nullable Class<?> modelType,
            boolean retryable,
            @Nullable Throwable cause) {
        super(message, cause);
        this.operation = operation;
        this.modelType = modelType;
        this.retryable = retryable;
    }

    /**
     * The operation that failed.
     *
     * @return the operation, or empty
     */
    public Optional<Operation> operation() {
        return Optional.ofNullable(operation);
    }

    /**
     * The model involved.
     *
     * @return the model class, or empty
     */
    public Optional<Class<?>> modelType() {
        return Optional.ofNullable(modelType);
    }

    /**
     * Whether sending the same request again may succeed (throttling, server errors, conflicts).
     *
     * @return true if retryable
     */
    public boolean isRetryable() {
        return retryable;
    }

    /**
     * The AWS service error underneath, if the failure came from DynamoDB.
     *
     * @return the AWS error, or empty
     */
    public Optional<AwsServiceException> awsException() {
        return getCause() instanceof AwsServiceException e ? Optional.of(e) : Optional.empty();
    }
}
