package dev.dynamorm;

/** A model class cannot be mapped: the message names the class, the field and what would work. */
public class ModelDefinitionException extends DynamORMException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, naming the class and field
     * @param modelType the model class
     */
    public ModelDefinitionException(String message, Class<?> modelType) {
        super(message, Operation.REGISTER, modelType, false, null);
    }
}
