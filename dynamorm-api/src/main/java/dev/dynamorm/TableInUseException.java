package dev.dynamorm;

import org.jspecify.annotations.Nullable;

/** The table already exists, or is being created, updated or deleted. */
public class TableInUseException extends DynamORMException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the table
     * @param operation the operation
     * @param modelType the model, or null
     * @param cause the AWS error
     */
    public TableInUseException(
            String message, Operation operation, @Nullable Class<?> modelType, Throwable cause) {
        super(message, operation, modelType, false, cause);
    }
}
