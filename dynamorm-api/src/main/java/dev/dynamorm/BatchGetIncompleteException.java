package dev.dynamorm;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A batch read could not read every key: the retry budget for throttled requests or unprocessed
 * keys ran out, or a request failed. The partial result holds what was read; retryable.
 */
public class BatchGetIncompleteException extends DynamORMException {

    private static final long serialVersionUID = 1L;

    private final transient BatchGetResult<?> result;

    /**
     * Creates the exception.
     *
     * @param message how many keys were not read, and why
     * @param modelType the model
     * @param result the partial outcome, with the unprocessed keys
     * @param cause the last failure, or null when only unprocessed keys remained
     */
    public BatchGetIncompleteException(
            String message,
            Class<?> modelType,
            BatchGetResult<?> result,
            @Nullable Throwable cause) {
        super(message, Operation.BATCH_GET, modelType, true, cause);
        this.result = result;
    }

    /**
     * The partial outcome: items read, keys known missing, keys not read.
     *
     * @return the result
     */
    public BatchGetResult<?> result() {
        return result;
    }

    /**
     * The keys that were not read.
     *
     * @return the keys, in request order
     */
    public List<Key> unprocessedKeys() {
        return result.unprocessedKeys();
    }
}
