package dev.dynamorm.streams;

import java.util.List;

/**
 * Handles one batch of changes of one shard, in stream order. Called again with the same batch when
 * it throws (at-least-once delivery): make it idempotent, e.g. by remembering sequence numbers.
 *
 * @param <T> the model type
 */
@FunctionalInterface
public interface ChangeHandler<T> {

    /**
     * Handles a batch.
     *
     * @param changes the changes, oldest first; never empty
     * @throws Exception to have the batch retried, and the shard stopped when retries run out
     */
    void handle(List<ChangeEvent<T>> changes) throws Exception;
}
