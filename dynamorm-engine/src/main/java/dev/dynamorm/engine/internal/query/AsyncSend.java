package dev.dynamorm.engine.internal.query;

import dev.dynamorm.Operation;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;

/** How the async query runner sends a request: through the async executor of its table. */
public interface AsyncSend {

    /** The async client. */
    DynamoDbAsyncClient client();

    /**
     * Sends a request through hooks and retries, mapping SDK errors.
     *
     * @param op the operation
     * @param key the key of a get, or null
     * @param request the request
     * @param call sends a (possibly amended) request
     * @return the response; fails with the mapped exception itself
     */
    <Q extends DynamoDbRequest, R> CompletableFuture<R> send(
            Operation op,
            java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>
                    key,
            Q request,
            java.util.function.Function<Q, CompletableFuture<R>> call);
}
