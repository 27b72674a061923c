package dev.dynamorm;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a batch read.
 *
 * @param <T> the model type
 * @param items the items found, in the order of the requested keys (a key asked twice appears
 *     twice)
 * @param missingKeys the requested keys with no item, in request order
 * @param unprocessedKeys keys DynamoDB left unprocessed when the retry budget ran out; empty on
 *     success
 * @param consumedCapacity the read capacity units consumed, as reported by DynamoDB (0 when not
 *     reported)
 */
public record BatchGetResult<T>(
        List<T> items, List<Key> missingKeys, List<Key> unprocessedKeys, double consumedCapacity) {

    /**
     * Copies the lists.
     *
     * @throws NullPointerException if a list is null
     */
    public BatchGetResult {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        missingKeys = List.copyOf(Objects.requireNonNull(missingKeys, "missingKeys"));
        unprocessedKeys = List.copyOf(Objects.requireNonNull(unprocessedKeys, "unprocessedKeys"));
    }
}
