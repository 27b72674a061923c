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
 * @param unknownPuts the items whose outcome is unknown: a request carrying them reached DynamoDB
 *     but its answer was lost (a dropped connection, a timeout, a 5xx), so they may be stored;
 *     writing them again is safe (a batch put replaces the item with the same content)
 * @param unknownDeletes the keys whose deletion is unknown, for the same reason
 */
public record BatchWriteResult<T>(
        int written,
        List<T> unwrittenPuts,
        List<Key> unwrittenDeletes,
        double consumedCapacity,
        List<T> unknownPuts,
        List<Key> unknownDeletes) {

    /**
     * Copies the lists.
     *
     * @throws NullPointerException if a list is null
     */
    public BatchWriteResult {
        unwrittenPuts = List.copyOf(Objects.requireNonNull(unwrittenPuts, "unwrittenPuts"));
        unwrittenDeletes =
                List.copyOf(Objects.requireNonNull(unwrittenDeletes, "unwrittenDeletes"));
        unknownPuts = List.copyOf(Objects.requireNonNull(unknownPuts, "unknownPuts"));
        unknownDeletes = List.copyOf(Objects.requireNonNull(unknownDeletes, "unknownDeletes"));
    }

    /**
     * A result without operations of unknown outcome.
     *
     * @param written how many puts and deletes were applied
     * @param unwrittenPuts the items not written
     * @param unwrittenDeletes the keys not deleted
     * @param consumedCapacity the write capacity units consumed
     * @throws NullPointerException if a list is null
     */
    public BatchWriteResult(
            int written,
            List<T> unwrittenPuts,
            List<Key> unwrittenDeletes,
            double consumedCapacity) {
        this(written, unwrittenPuts, unwrittenDeletes, consumedCapacity, List.of(), List.of());
    }

    /**
     * Whether every put and delete is known to be applied.
     *
     * @return true when nothing is left unwritten or of unknown outcome
     */
    public boolean complete() {
        return unwrittenPuts.isEmpty()
                && unwrittenDeletes.isEmpty()
                && unknownPuts.isEmpty()
                && unknownDeletes.isEmpty();
    }
}
