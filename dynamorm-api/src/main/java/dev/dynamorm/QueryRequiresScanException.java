package dev.dynamorm;

/**
 * No key of the table or of an index is bound by the query's conditions, so only a scan could
 * answer it; the message names the fields given and the keys that exist.
 */
public class QueryRequiresScanException extends InvalidRequestException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the fields given and the indexes that exist
     * @param modelType the model
     */
    public QueryRequiresScanException(String message, Class<?> modelType) {
        super(message, Operation.QUERY, modelType, null);
    }
}
