package dev.dynamorm.engine.internal.query;

import dev.dynamorm.Operation;
import dev.dynamorm.engine.internal.plugin.Event;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * How the async query runner sends a request: through the async executor of its table (hooks,
 * retries, SDK errors mapped), with the response converted in the step that completes the returned
 * future (no further stage). Each returned future fails with the mapped exception itself.
 */
public interface AsyncSend {

    /**
     * The origin of a terminal call accepted on the calling thread ({@code HookChain.origin}):
     * every request sent for it starts with what hooks captured there, whatever thread sends it.
     *
     * @param op the operation
     * @return the origin, or null when no hook captures anything
     */
    Event origin(Operation op);

    /**
     * Sends a Query.
     *
     * @param request the request
     * @param origin the origin of the call it is sent for, or null
     * @param convert turns the response into the caller's result
     * @return the converted response
     */
    <R> CompletableFuture<R> query(
            QueryRequest request,
            Event origin,
            Function<? super QueryResponse, ? extends R> convert);

    /**
     * Sends a Scan.
     *
     * @param request the request
     * @param origin the origin of the call it is sent for, or null
     * @param convert turns the response into the caller's result
     * @return the converted response
     */
    <R> CompletableFuture<R> scan(
            ScanRequest request, Event origin, Function<? super ScanResponse, ? extends R> convert);

    /**
     * Sends a GetItem.
     *
     * @param request the request
     * @param origin the origin of the call it is sent for, or null
     * @param convert turns the response into the caller's result
     * @return the converted response
     */
    <R> CompletableFuture<R> get(
            GetItemRequest request,
            Event origin,
            Function<? super GetItemResponse, ? extends R> convert);
}
