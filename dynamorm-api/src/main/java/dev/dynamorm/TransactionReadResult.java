package dev.dynamorm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The items of a read transaction, in the order of the gets.
 *
 * @param items per get: the item, or null when no item has the key
 * @param consumedCapacity the read capacity units consumed, as reported by DynamoDB (0 when not
 *     reported)
 */
public record TransactionReadResult(List<@Nullable Object> items, double consumedCapacity) {

    /** Copies the list (which may hold nulls). */
    public TransactionReadResult {
        items = Collections.unmodifiableList(new ArrayList<>(items));
    }

    /**
     * The item of one get.
     *
     * @param index the get's position, from 0
     * @param modelType the model class
     * @param <T> the model type
     * @return the item, or empty when none has the key
     * @throws IndexOutOfBoundsException if there is no such get
     * @throws ClassCastException if the item is of another class
     */
    public <T> java.util.Optional<T> get(int index, Class<T> modelType) {
        return java.util.Optional.ofNullable(items.get(index)).map(modelType::cast);
    }

    /**
     * The number of gets.
     *
     * @return the size
     */
    public int size() {
        return items.size();
    }
}
