package dev.dynamorm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a write transaction.
 *
 * @param clientRequestToken the token the transaction was sent with
 * @param written per action, in order: the item as written (with its new version and timestamps)
 *     for create, put and update-from-item actions, null for the others
 * @param consumedCapacity the write capacity units consumed, as reported by DynamoDB (0 when not
 *     reported)
 */
public record TransactionResult(
        String clientRequestToken, List<@Nullable Object> written, double consumedCapacity) {

    /**
     * Copies the list (which may hold nulls).
     *
     * @throws NullPointerException if the token or list is null
     */
    public TransactionResult {
        Objects.requireNonNull(clientRequestToken, "clientRequestToken");
        written = Collections.unmodifiableList(new ArrayList<>(written));
    }

    /**
     * The item written by one action.
     *
     * @param index the action's position, from 0
     * @param modelType the model class
     * @param <T> the model type
     * @return the item as written, or empty for deletes, condition checks and updates by key
     * @throws IndexOutOfBoundsException if there is no such action
     * @throws ClassCastException if the item is of another class
     */
    public <T> Optional<T> written(int index, Class<T> modelType) {
        return Optional.ofNullable(written.get(index)).map(modelType::cast);
    }
}
