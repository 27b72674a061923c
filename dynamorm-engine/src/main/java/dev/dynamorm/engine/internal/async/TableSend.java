package dev.dynamorm.engine.internal.async;

import dev.dynamorm.DynamORMException;
import dev.dynamorm.Operation;
import dev.dynamorm.engine.internal.client.AsyncExecutor;
import dev.dynamorm.engine.internal.plugin.Event;
import dev.dynamorm.engine.internal.query.AsyncSend;
import dev.dynamorm.engine.internal.write.TableContext;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Sends the async query runner's requests of one table through the async executor. The calls and
 * error mappings are built once per table, not per request.
 */
final class TableSend implements AsyncSend {

    private final TableContext<?> table;
    private final AsyncExecutor executor;
    private final Function<QueryRequest, CompletableFuture<QueryResponse>> query;
    private final Function<ScanRequest, CompletableFuture<ScanResponse>> scan;
    private final Function<GetItemRequest, CompletableFuture<GetItemResponse>> get;
    private final Function<SdkException, DynamORMException> queryErrors;
    private final Function<SdkException, DynamORMException> scanErrors;
    private final Function<SdkException, DynamORMException> getErrors;

    TableSend(TableContext<?> table, AsyncEngine engine) {
        this.table = table;
        this.executor = engine.executor();
        this.query = engine.client()::query;
        this.scan = engine.client()::scan;
        this.get = engine.client()::getItem;
        this.queryErrors = e -> table.map(e, Operation.QUERY);
        this.scanErrors = e -> table.map(e, Operation.SCAN);
        this.getErrors = e -> table.map(e, Operation.GET);
    }

    @Override
    public Event origin(Operation op) {
        return table.origin(op);
    }

    @Override
    public <R> CompletableFuture<R> query(
            QueryRequest request,
            Event origin,
            Function<? super QueryResponse, ? extends R> convert) {
        return executor.runAndConvert(
                table.event(Operation.QUERY, null).follow(origin),
                request,
                query,
                queryErrors,
                null,
                convert);
    }

    @Override
    public <R> CompletableFuture<R> scan(
            ScanRequest request,
            Event origin,
            Function<? super ScanResponse, ? extends R> convert) {
        return executor.runAndConvert(
                table.event(Operation.SCAN, null).follow(origin),
                request,
                scan,
                scanErrors,
                null,
                convert);
    }

    @Override
    public <R> CompletableFuture<R> get(
            GetItemRequest request,
            Event origin,
            Function<? super GetItemResponse, ? extends R> convert) {
        return executor.runAndConvert(
                table.event(Operation.GET, request.key()).follow(origin),
                request,
                get,
                getErrors,
                null,
                convert);
    }
}
