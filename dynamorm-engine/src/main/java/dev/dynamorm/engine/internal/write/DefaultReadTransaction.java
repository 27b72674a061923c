package dev.dynamorm.engine.internal.write;

import dev.dynamorm.DynamORMException;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Key;
import dev.dynamorm.Operation;
import dev.dynamorm.ReadTransaction;
import dev.dynamorm.Transaction;
import dev.dynamorm.TransactionCanceledException;
import dev.dynamorm.TransactionReadResult;
import dev.dynamorm.engine.internal.client.AsyncExecutor;
import dev.dynamorm.engine.internal.client.EngineContext;
import dev.dynamorm.engine.internal.client.ErrorMapper;
import dev.dynamorm.engine.internal.client.Futures;
import dev.dynamorm.engine.internal.plugin.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;

/** Collects the gets of one read transaction and sends them as one TransactGetItems call. */
public final class DefaultReadTransaction implements ReadTransaction {

    private record Read(TableContext<?> table, Map<String, AttributeValue> key) {}

    private final Function<Class<?>, TableContext<?>> tables;
    private final EngineContext ctx;
    private final List<Read> reads = new ArrayList<>();

    public DefaultReadTransaction(Function<Class<?>, TableContext<?>> tables, EngineContext ctx) {
        this.tables = tables;
        this.ctx = ctx;
    }

    @Override
    public ReadTransaction get(Class<?> modelType, Key key) {
        if (modelType == null) {
            throw new InvalidRequestException(
                    "read transaction get with a null model class",
                    Operation.TRANSACT_GET,
                    null,
                    null);
        }
        TableContext<?> table = tables.apply(modelType);
        if (reads.size() == Transaction.MAX_ACTIONS) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "a read transaction holds at most %d gets (DynamoDB's limit): split it",
                            Transaction.MAX_ACTIONS),
                    Operation.TRANSACT_GET,
                    modelType,
                    null);
        }
        table.requireReadableForQuery(Operation.TRANSACT_GET);
        reads.add(new Read(table, table.writer().keyOf(key, Operation.TRANSACT_GET)));
        return this;
    }

    public TransactionReadResult run(Consumer<ReadTransaction> body) {
        Objects.requireNonNull(body, "body");
        body.accept(this);
        if (reads.isEmpty()) {
            return new TransactionReadResult(List.of(), 0);
        }
        TransactGetItemsResponse response =
                ctx.executor()
                        .run(
                                Event.multiTable(Operation.TRANSACT_GET),
                                request(),
                                r -> ctx.client().transactGetItems(r),
                                this::failure);
        return result(response);
    }

    /**
     * Runs the consumer on the calling thread, then sends the gets through the async executor, as
     * {@link #run}.
     *
     * @param body adds the gets
     * @param executor the async executor
     * @param client the async client
     * @return the items; fails with what {@link #run} throws
     */
    public CompletableFuture<TransactionReadResult> runAsync(
            Consumer<ReadTransaction> body, AsyncExecutor executor, DynamoDbAsyncClient client) {
        try {
            Objects.requireNonNull(body, "body");
            body.accept(this);
            if (reads.isEmpty()) {
                return CompletableFuture.completedFuture(new TransactionReadResult(List.of(), 0));
            }
            return Futures.map(
                    executor.run(
                            Event.multiTable(Operation.TRANSACT_GET),
                            request(),
                            client::transactGetItems,
                            this::failure,
                            null),
                    this::result);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private TransactGetItemsRequest request() {
        List<TransactGetItem> items = new ArrayList<>(reads.size());
        for (Read r : reads) {
            items.add(
                    TransactGetItem.builder()
                            .get(
                                    Get.builder()
                                            .tableName(r.table().tableName())
                                            .key(r.key())
                                            .build())
                            .build());
        }
        return TransactGetItemsRequest.builder()
                .transactItems(items)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .build();
    }

    private TransactionReadResult result(TransactGetItemsResponse response) {
        List<Object> out = new ArrayList<>(reads.size());
        List<ItemResponse> responses = response.hasResponses() ? response.responses() : List.of();
        for (int i = 0; i < reads.size(); i++) {
            ItemResponse r = i < responses.size() ? responses.get(i) : null;
            Map<String, AttributeValue> item = r == null || !r.hasItem() ? null : r.item();
            TableContext<?> table = reads.get(i).table();
            out.add(
                    item == null || item.isEmpty() || table.hidden(item)
                            ? null
                            : table.model().fromItem(item, Operation.TRANSACT_GET));
        }
        return new TransactionReadResult(out, BatchSupport.total(response.consumedCapacity()));
    }

    private DynamORMException failure(SdkException e) {
        if (!(e
                instanceof
                software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException tce)) {
            return ErrorMapper.map(e, Operation.TRANSACT_GET, null, null, null);
        }
        List<CancellationReason> raw =
                tce.hasCancellationReasons() ? tce.cancellationReasons() : List.of();
        List<TransactionCanceledException.Reason> reasons = new ArrayList<>(reads.size());
        for (int i = 0; i < reads.size(); i++) {
            CancellationReason r = i < raw.size() ? raw.get(i) : null;
            Read read = reads.get(i);
            String code = r == null ? "None" : r.code();
            reasons.add(
                    new TransactionCanceledException.Reason(
                            i,
                            Operation.TRANSACT_GET,
                            read.table().modelType(),
                            read.table().tableName(),
                            read.key(),
                            ErrorMapper.cancellationCode(code),
                            code,
                            r == null ? null : r.message(),
                            null,
                            null));
        }
        return ErrorMapper.transactionCanceled(
                Operation.TRANSACT_GET, reasons, null, reads.size(), e);
    }
}
