package dev.dynamorm;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a batch write.
 *
 * @param <T> the model type
 * @param written how many puts and deletes were applied
 * @param unwrittenPuts the items not written (the budget ran out or a request failed); empty on
 *     success
 * @param unwrittenDeletes the keys not deleted; empty on success
 * @param consumedCapacity the write capacity units consumed, as reported by DynamoDB (0 when not
 *     reported)
 */
public record BatchWriteResult<T>(
        int written, List<T> unwrittenPuts, List<Key> unwrittenDeletes, double consumedCapacity) {

    /**
     * Copies the lists.
     *
     * @throws NullPointerException if a list is null
     */
    public BatchWriteResult {
        unwrittenPuts = List.copyOf(Objects.requireNonNull(unwrittenPuts, "unwrittenPuts"));
        unwrittenDeletes =
                List.copyOf(Objects.requireNonNull(unwrittenDeletes, "unwrittenDeletes"));
    }

    /**
     * Whether every put and delete was applied.
     *
     * @return true when nothing is left unwritten
     */
    public boolean complete() {
        return unwrittenPuts.isEmpty() && unwrittenDeletes.isEmpty();
    }
}
