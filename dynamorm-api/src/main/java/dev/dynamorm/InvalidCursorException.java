package dev.dynamorm;

/**
 * A pagination cursor cannot be used with this query: it was made by another query, model, index or
 * direction, it was altered, or it is not a DynamORM cursor at all. Nothing was sent.
 */
public class InvalidCursorException extends InvalidRequestException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message why the cursor does not fit and what to do
     * @param operation the operation
     * @param modelType the model
     */
    public InvalidCursorException(String message, Operation operation, Class<?> modelType) {
        super(message, operation, modelType, null);
    }
}
