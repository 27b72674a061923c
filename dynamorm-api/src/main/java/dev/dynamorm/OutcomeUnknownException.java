package dev.dynamorm;

import org.jspecify.annotations.Nullable;

/**
 * A write whose outcome is unknown: a request reached (or may have reached) DynamoDB but its answer
 * was lost (a dropped connection, a timeout, a server error), and the write is not idempotent (an
 * arithmetic update, a list append, a set add without a version), so DynamORM did not send it again
 * blindly. The write may or may not be applied: read the item to find out, or send such writes
 * idempotently ({@link UpdateBuilder#idempotent()}, {@link
 * WriteOptions.Builder#idempotent(boolean)}).
 */
public class OutcomeUnknownException extends DynamORMException {

    private static final long serialVersionUID = 1L;

    private final String write;

    /**
     * Creates the exception.
     *
     * @param message what happened, naming the write
     * @param operation the operation
     * @param modelType the model, or null
     * @param write the write whose outcome is unknown: table, key and expression
     * @param cause the lost answer's failure
     */
    public OutcomeUnknownException(
            String message,
            Operation operation,
            @Nullable Class<?> modelType,
            String write,
            Throwable cause) {
        super(message, operation, modelType, false, cause);
        this.write = write;
    }

    /**
     * The write whose outcome is unknown: its table, key and update or condition expression.
     *
     * @return a description of the write
     */
    public String write() {
        return write;
    }
}
