package dev.dynamorm;

import org.jspecify.annotations.Nullable;

/** The table does not exist (or is not active yet). */
public class TableNotFoundException extends DynamORMException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the table
     * @param operation the operation
     * @param modelType the model, or null
     * @param cause the AWS error, or null
     */
    public TableNotFoundException(
            String message,
            Operation operation,
            @Nullable Class<?> modelType,
            @Nullable Throwable cause) {
        super(message, operation, modelType, false, cause);
    }
}
