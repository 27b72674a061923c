package dev.dynamorm;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB cancelled a transaction: nothing of it was applied. {@link #reasons()} tells, per action
 * in the order they were added, the model, the key and why. Retryable when every reason is a
 * conflict or throttling (DynamORM's retry policy has already retried those with the same client
 * request token before raising this).
 */
public class TransactionCanceledException extends DynamORMException {

    private static final long serialVersionUID = 1L;

    private final transient List<Reason> reasons;
    private final @Nullable String clientRequestToken;

    /**
     * Creates the exception.
     *
     * @param message the summary
     * @param operation {@link Operation#TRANSACT_WRITE} or {@link Operation#TRANSACT_GET}
     * @param reasons one reason per action
     * @param clientRequestToken the token, or null for reads
     * @param retryable whether sending the transaction again may succeed
     * @param cause the AWS error
     */
    public TransactionCanceledException(
            String message,
            Operation operation,
            List<Reason> reasons,
            @Nullable String clientRequestToken,
            boolean retryable,
            Throwable cause) {
        super(message, operation, null, retryable, cause);
        this.reasons = List.copyOf(reasons);
        this.clientRequestToken = clientRequestToken;
    }

    /**
     * Why each action failed or not, in the order the actions were added.
     *
     * @return the reasons, one per action
     */
    public List<Reason> reasons() {
        return reasons;
    }

    /**
     * The reasons of the actions that caused the cancellation (code other than {@link Code#NONE}).
     *
     * @return the failed actions' reasons
     */
    public List<Reason> failures() {
        return reasons.stream().filter(r -> r.code() != Code.NONE).toList();
    }

    /**
     * The client request token the transaction was sent with.
     *
     * @return the token, or empty for read transactions
     */
    public Optional<String> clientRequestToken() {
        return Optional.ofNullable(clientRequestToken);
    }

    /** Why an action of a cancelled transaction failed. */
    public enum Code {
        /** This action did not fail; another one did. */
        NONE,
        /** The action's condition did not hold. */
        CONDITION_FAILED,
        /** A create found an item with its key. */
        ITEM_ALREADY_EXISTS,
        /** An update found no item with its key. */
        ITEM_NOT_FOUND,
        /** A versioned write found another version stored than it expected. */
        VERSION_CONFLICT,
        /** Another transaction or write was in progress on the item. */
        TRANSACTION_CONFLICT,
        /** The request was throttled. */
        THROTTLED,
        /** DynamoDB rejected the action as invalid. */
        VALIDATION,
        /** The item or its item collection would be too large. */
        ITEM_TOO_LARGE,
        /** Any other reason; see {@link Reason#message()}. */
        OTHER
    }

    /**
     * The outcome of one action of a cancelled transaction.
     *
     * @param index the action's position, from 0
     * @param operation what the action did (CREATE, PUT, UPDATE, DELETE, or TRANSACT_WRITE for a
     *     condition check)
     * @param modelType the action's model
     * @param tableName the physical table name
     * @param key the item's key
     * @param code why it failed, {@link Code#NONE} if it did not
     * @param awsCode DynamoDB's reason code, e.g. {@code ConditionalCheckFailed}
     * @param message DynamoDB's message, or empty
     * @param storedItem the item as stored when a condition failed, when DynamoDB returned it or a
     *     consistent read found it
     * @param storedModel the stored item mapped to the model, or null
     */
    public record Reason(
            int index,
            Operation operation,
            Class<?> modelType,
            String tableName,
            Map<String, AttributeValue> key,
            Code code,
            String awsCode,
            String message,
            Map<String, AttributeValue> storedItem,
            @Nullable Object storedModel) {

        /**
         * Copies the maps.
         *
         * @throws NullPointerException if a required component is null
         */
        public Reason {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(code, "code");
            key = Map.copyOf(key);
            storedItem = storedItem == null ? null : Map.copyOf(storedItem);
            message = message == null ? "" : message;
            awsCode = awsCode == null ? "None" : awsCode;
        }

        /**
         * The stored item mapped to the model.
         *
         * @param type the model class
         * @param <T> the model type
         * @return the stored model, or empty
         */
        public <T> Optional<T> storedModel(Class<T> type) {
            return Optional.ofNullable(storedModel).map(type::cast);
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "#%d %s %s %s in '%s': %s%s",
                    index,
                    operation.name().toLowerCase(Locale.ROOT),
                    modelType == null ? "?" : modelType.getSimpleName(),
                    key,
                    tableName,
                    code,
                    message.isEmpty() ? "" : " (" + message + ")");
        }
    }
}
