package dev.dynamorm;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The primary key of one item, as Java values that the key fields' converters turn into attributes:
 * {@code Key.of("c-42")} for a partition key only, {@code Key.of("c-42", "o-1")} with a sort key.
 *
 * @param partitionKey the partition key value
 * @param sortKey the sort key value, or null when the model has no sort key
 */
public record Key(Object partitionKey, @Nullable Object sortKey) {

    /**
     * Checks the partition key.
     *
     * @throws NullPointerException if the partition key is null
     */
    public Key {
        Objects.requireNonNull(partitionKey, "partitionKey");
    }

    /**
     * The key of a model without sort key.
     *
     * @param partitionKey the partition key value
     * @return the key
     */
    public static Key of(Object partitionKey) {
        return new Key(partitionKey, null);
    }

    /**
     * The key of a model with a sort key.
     *
     * @param partitionKey the partition key value
     * @param sortKey the sort key value
     * @return the key
     * @throws NullPointerException if either value is null
     */
    public static Key of(Object partitionKey, Object sortKey) {
        return new Key(partitionKey, Objects.requireNonNull(sortKey, "sortKey"));
    }

    /**
     * The sort key value.
     *
     * @return the value, or empty
     */
    public Optional<Object> sortKeyValue() {
        return Optional.ofNullable(sortKey);
    }

    @Override
    public String toString() {
        return sortKey == null
                ? "Key[" + partitionKey + "]"
                : "Key[" + partitionKey + ", " + sortKey + "]";
    }
}
