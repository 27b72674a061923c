package dev.dynamorm;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbResponse;

/** How one request ended, as seen by {@link Hook#after(HookContext, Outcome)}. */
public interface Outcome {

    /**
     * Whether the request succeeded (or was served by a hook).
     *
     * @return true on success
     */
    boolean succeeded();

    /**
     * The failure the caller gets: a {@link dev.dynamorm.DynamORMException} from DynamoDB, or the
     * exception a before-hook vetoed with.
     *
     * @return the failure, or empty on success
     */
    Optional<Throwable> failure();

    /**
     * Time from the first before-hook to the end of the request, retries included.
     *
     * @return the elapsed time
     */
    Duration elapsed();

    /**
     * How many times the request was sent (0 when vetoed or served by a hook).
     *
     * @return the attempts
     */
    int attempts();

    /**
     * How many attempts were throttled by DynamoDB.
     *
     * @return the throttled attempts
     */
    int throttles();

    /**
     * Whether a before-hook served the request ({@link HookContext#respondWith}) so nothing was
     * sent.
     *
     * @return true when served by a hook
     */
    boolean servedByHook();

    /**
     * The AWS SDK response, of the type matching the request.
     *
     * @return the response, or empty on failure
     */
    Optional<DynamoDbResponse> response();

    /**
     * The capacity the request consumed, as reported by DynamoDB (one entry per table for batches
     * and transactions).
     *
     * @return the consumed capacity, empty when not reported
     */
    List<ConsumedCapacity> consumedCapacity();

    /**
     * Items or keys a batch request left unprocessed (to be retried by the engine).
     *
     * @return the count, 0 for other requests
     */
    int unprocessedItems();
}
