package dev.dynamorm;

/** An update addressed an item that does not exist; nothing was written. */
public class ItemNotFoundException extends ConditionFailedException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the table and key
     * @param operation the operation
     * @param modelType the model
     * @param cause the AWS error
     */
    public ItemNotFoundException(
            String message, Operation operation, Class<?> modelType, Throwable cause) {
        super(message, operation, modelType, null, null, cause);
    }
}
