package dev.dynamorm;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A batch write could not apply every put and delete: the retry budget for throttled requests or
 * unprocessed items ran out, or a request failed. Everything not listed here was written. The
 * unwritten ones were not (DynamoDB reported them unprocessed or never received them); those of
 * unknown outcome were sent but the answer was lost, so they may be stored. Retryable: write the
 * listed items again (batch puts and deletes are safe to repeat).
 */
public class BatchWriteIncompleteException extends DynamORMException {

    private static final long serialVersionUID = 1L;

    private final transient BatchWriteResult<?> result;

    /**
     * Creates the exception.
     *
     * @param message how many items were not written, and why
     * @param modelType the model, or null for writes of several models
     * @param result the outcome, listing what was not written
     * @param cause the last failure, or null when only unprocessed items remained
     */
    public BatchWriteIncompleteException(
            String message,
            @Nullable Class<?> modelType,
            BatchWriteResult<?> result,
            @Nullable Throwable cause) {
        super(message, Operation.BATCH_WRITE, modelType, true, cause);
        this.result = result;
    }

    /**
     * The outcome, with the unwritten items and keys.
     *
     * @return the result
     */
    public BatchWriteResult<?> result() {
        return result;
    }

    /**
     * The items that were not written.
     *
     * @param modelType the model class
     * @param <T> the model type
     * @return the items, in the order given
     * @throws ClassCastException if an item is of another class
     */
    public <T> List<T> unwrittenPuts(Class<T> modelType) {
        return result.unwrittenPuts().stream().map(modelType::cast).toList();
    }

    /**
     * The keys that were not deleted.
     *
     * @return the keys, in the order given
     */
    public List<Key> unwrittenDeletes() {
        return result.unwrittenDeletes();
    }

    /**
     * The items whose request reached DynamoDB without an answer: they may be stored.
     *
     * @param modelType the model class
     * @param <T> the model type
     * @return the items, in the order given
     * @throws ClassCastException if an item is of another class
     */
    public <T> List<T> unknownPuts(Class<T> modelType) {
        return result.unknownPuts().stream().map(modelType::cast).toList();
    }

    /**
     * The keys whose delete request reached DynamoDB without an answer: they may be deleted.
     *
     * @return the keys, in the order given
     */
    public List<Key> unknownDeletes() {
        return result.unknownDeletes();
    }
}
