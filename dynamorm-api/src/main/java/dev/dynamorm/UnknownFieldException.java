package dev.dynamorm;

/** A field name is not part of the model; the message suggests the nearest field. */
public class UnknownFieldException extends InvalidRequestException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, with a suggestion
     * @param operation the operation
     * @param modelType the model
     * @param field the unknown field name
     */
    public UnknownFieldException(
            String message, Operation operation, Class<?> modelType, String field) {
        super(message, operation, modelType, null);
        this.field = field;
    }

    /**
     * The unknown field name as given.
     *
     * @return the field name
     */
    public String field() {
        return field;
    }
}
