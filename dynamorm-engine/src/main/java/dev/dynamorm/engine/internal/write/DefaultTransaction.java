package dev.dynamorm.engine.internal.write;

import dev.dynamorm.Condition;
import dev.dynamorm.ConditionFailedException;
import dev.dynamorm.DynamORMException;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.ItemAlreadyExistsException;
import dev.dynamorm.ItemNotFoundException;
import dev.dynamorm.Key;
import dev.dynamorm.NullHandling;
import dev.dynamorm.Operation;
import dev.dynamorm.OptimisticLockException;
import dev.dynamorm.ReturnValue;
import dev.dynamorm.Transaction;
import dev.dynamorm.TransactionCanceledException;
import dev.dynamorm.TransactionResult;
import dev.dynamorm.UpdateBuilder;
import dev.dynamorm.engine.internal.client.AsyncExecutor;
import dev.dynamorm.engine.internal.client.EngineContext;
import dev.dynamorm.engine.internal.client.ErrorMapper;
import dev.dynamorm.engine.internal.client.Futures;
import dev.dynamorm.engine.internal.expr.DefaultUpdateBuilder;
import dev.dynamorm.engine.internal.plugin.Event;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

/**
 * Collects the actions of one write transaction, each prepared by its table's {@link TableWriter}
 * (versioning, timestamps, conditions), and sends them as one TransactWriteItems call with a client
 * request token; conflicts and throttling are retried by the executor with the same request, so
 * with the same token. A cancellation is mapped back to each action.
 */
public final class DefaultTransaction implements Transaction {

    /** DynamoDB's limit on the total size of a transaction's items. */
    public static final long MAX_TRANSACTION_BYTES = 4L * 1024 * 1024;

    /** DynamoDB's limit on the length of a client request token. */
    public static final int MAX_TOKEN_LENGTH = 36;

    private final Function<Class<?>, TableContext<?>> tables;
    private final EngineContext ctx;
    private final List<PreparedWrite> actions = new ArrayList<>();
    private final Map<List<Object>, Integer> seen = new HashMap<>();

    /** The sentinel claims of {@code @Unique} values among the actions. */
    private final IdentityHashMap<PreparedWrite, Claim> claims = new IdentityHashMap<>();

    /** The operation a unique clash is reported as. */
    private final Operation operation;

    private String token;

    /** A sentinel action and the model whose unique value it writes. */
    private record Claim(UniqueWrites<?> unique, UniqueWrites.Sentinel sentinel) {}

    /**
     * The actions of an async transaction, added to {@link #actions} once their reads are answered
     * (see {@link DeferredAction}); null in a sync one.
     */
    private List<DeferredAction> deferred;

    public DefaultTransaction(Function<Class<?>, TableContext<?>> tables, EngineContext ctx) {
        this(tables, ctx, Operation.TRANSACT_WRITE);
    }

    /** A transaction sent for one write (of a model with {@code @Unique} fields). */
    DefaultTransaction(
            Function<Class<?>, TableContext<?>> tables, EngineContext ctx, Operation operation) {
        this.tables = tables;
        this.ctx = ctx;
        this.operation = operation;
    }

    @SuppressWarnings("unchecked")
    private <T> TableContext<T> tableOf(T item, String action) {
        if (item == null) {
            throw new InvalidRequestException(
                    "transaction " + action + " of a null item",
                    Operation.TRANSACT_WRITE,
                    null,
                    null);
        }
        return (TableContext<T>) tables.apply(item.getClass());
    }

    private TableContext<?> tableOf(Class<?> type) {
        if (type == null) {
            throw new InvalidRequestException(
                    "transaction action with a null model class",
                    Operation.TRANSACT_WRITE,
                    null,
                    null);
        }
        return tables.apply(type);
    }

    @Override
    public <T> Transaction create(T item) {
        return add(tableOf(item, "create").writer().prepareCreate(item, null));
    }

    @Override
    public <T> Transaction put(T item, Condition condition) {
        TableWriter<T> writer = tableOf(item, "put").writer();
        if (deferred != null) {
            Map<String, AttributeValue> key = writer.keyKeepingCreatedAt(item);
            if (key != null) {
                // checked now; prepared again once the stored creation time is read
                return defer(
                        writer.preparePut(item, condition),
                        new DeferredAction.KeepCreatedAt<>(writer, key, item, condition));
            }
        }
        return add(writer.preparePutKeepingCreatedAt(item, condition));
    }

    @Override
    public <T> Transaction update(T item, String... fields) {
        return add(
                tableOf(item, "update")
                        .writer()
                        .prepareUpdateFields(item, NullHandling.SKIP, null, fields));
    }

    @Override
    public <T> Transaction update(T item, Consumer<UpdateBuilder> update) {
        TableWriter<T> writer = tableOf(item, "update").writer();
        Map<String, AttributeValue> attributes = writer.itemForKey(item, Operation.UPDATE);
        DefaultUpdateBuilder u = built(writer, update);
        return add(
                writer.prepareUpdate(
                        writer.keyOfItem(item, Operation.UPDATE), attributes, u, null));
    }

    @Override
    public Transaction update(Class<?> modelType, Key key, Consumer<UpdateBuilder> update) {
        TableWriter<?> writer = tableOf(modelType).writer();
        DefaultUpdateBuilder u = built(writer, update);
        return add(writer.prepareUpdate(writer.keyOf(key, Operation.UPDATE), null, u, null));
    }

    private static DefaultUpdateBuilder built(
            TableWriter<?> writer, Consumer<UpdateBuilder> update) {
        DefaultUpdateBuilder u = writer.build(update);
        if (u.returnValue() != ReturnValue.NONE) {
            throw new InvalidRequestException(
                    "return values are not available inside a transaction (DynamoDB "
                            + "returns nothing from TransactWriteItems): remove returnValue("
                            + u.returnValue()
                            + ")",
                    Operation.TRANSACT_WRITE,
                    null,
                    null);
        }
        return u;
    }

    @Override
    public <T> Transaction delete(T item, Condition condition) {
        return add(tableOf(item, "delete").writer().prepareDeleteOf(item, condition));
    }

    @Override
    public Transaction delete(Class<?> modelType, Key key) {
        TableWriter<?> writer = tableOf(modelType).writer();
        return add(writer.prepareDelete(writer.keyOf(key, Operation.DELETE), null, null));
    }

    @Override
    public <T> Transaction conditionCheck(T item, Condition condition) {
        TableWriter<T> writer = tableOf(item, "condition check").writer();
        return add(
                writer.prepareConditionCheck(
                        writer.keyOfItem(item, Operation.TRANSACT_WRITE), condition));
    }

    @Override
    public Transaction conditionCheck(Class<?> modelType, Key key, Condition condition) {
        TableWriter<?> writer = tableOf(modelType).writer();
        return add(
                writer.prepareConditionCheck(
                        writer.keyOf(key, Operation.TRANSACT_WRITE), condition));
    }

    @Override
    public Transaction clientRequestToken(String token) {
        Objects.requireNonNull(token, "token");
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw new IllegalArgumentException(
                    String.format(
                            Locale.ROOT,
                            "client request token must have 1 to %d characters, got %d",
                            MAX_TOKEN_LENGTH,
                            token.length()));
        }
        this.token = token;
        return this;
    }

    private Transaction add(PreparedWrite p) {
        if (deferred != null) {
            return defer(p, null);
        }
        UniqueWrites<?> unique = p.table().writer().unique();
        if (unique.active()) {
            addExpanded(unique, unique.expand(p));
            return this;
        }
        return addOne(p);
    }

    /**
     * Records an action of an async transaction; until its reads are answered {@link #actions}
     * holds it alone (without sentinels), so its key and the number of actions are checked now.
     */
    private Transaction defer(PreparedWrite p, DeferredAction.KeepCreatedAt<?> keep) {
        addOne(p);
        deferred.add(new DeferredAction(p, keep));
        return this;
    }

    /**
     * Adds the deferred actions as the sync transaction adds them, in place of the actions held
     * while they were read ({@code preset} actions were added before the body ran).
     */
    private void addDeferred(int preset) {
        actions.subList(preset, actions.size()).clear();
        seen.values().removeIf(index -> index >= preset);
        for (DeferredAction a : deferred) {
            a.addTo(this);
        }
    }

    /** Adds a write with the sentinel actions of its unique values. */
    void addExpanded(UniqueWrites<?> unique, UniqueWrites.Expansion x) {
        addOne(x.main());
        for (int i = 0; i < x.sentinels().size(); i++) {
            addOne(x.sentinels().get(i));
            if (x.what().get(i).claim()) {
                claims.put(x.sentinels().get(i), new Claim(unique, x.what().get(i)));
            }
        }
    }

    Transaction addOne(PreparedWrite p) {
        if (actions.size() == MAX_ACTIONS) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "a transaction holds at most %d actions (DynamoDB's limit); action %d (%s on table '%s') is one "
                                    + "too many: split the work into several transactions",
                            MAX_ACTIONS,
                            MAX_ACTIONS + 1,
                            p.op().name().toLowerCase(Locale.ROOT),
                            p.table().tableName()),
                    Operation.TRANSACT_WRITE,
                    p.table().modelType(),
                    null);
        }
        List<Object> id = new ArrayList<>();
        id.add(p.table().tableName());
        id.addAll(BatchSupport.identity(p.key()));
        Integer other = seen.putIfAbsent(id, actions.size());
        if (other != null) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "a transaction may touch each item once (DynamoDB's rule), but actions #%d and #%d both touch key "
                                    + "%s of table '%s' (model %s): merge them into one action",
                            other,
                            actions.size(),
                            p.table().describeKey(p.key()),
                            p.table().tableName(),
                            p.table().modelType().getName()),
                    Operation.TRANSACT_WRITE,
                    p.table().modelType(),
                    null);
        }
        actions.add(p);
        return this;
    }

    /** Runs the consumer, then sends the collected actions. */
    public TransactionResult run(Consumer<Transaction> body) {
        Objects.requireNonNull(body, "body");
        body.accept(this);
        return send();
    }

    /** Sends the collected actions. */
    TransactionResult send() {
        String requestToken = token != null ? token : UUID.randomUUID().toString();
        if (actions.isEmpty()) {
            return new TransactionResult(requestToken, List.of(), 0);
        }
        TransactWriteItemsResponse response =
                ctx.executor()
                        .run(
                                event(),
                                request(requestToken),
                                r -> ctx.client().transactWriteItems(r),
                                e -> failure(e, requestToken));
        return result(requestToken, response);
    }

    /**
     * Runs the consumer on the calling thread, then sends the collected actions through the async
     * executor: the same checks, request, retries and cancellation reasons as {@link #run}. What
     * the sync transaction reads while the body runs (the stored creation times that puts keep, the
     * stored values of the {@code @Unique} fields that writes move) is read after it, through the
     * async client, without blocking; the actions are then added as the sync transaction adds them.
     *
     * @param body adds the actions
     * @param executor the async executor
     * @param client the async client
     * @return the result; fails with what {@link #run} throws
     */
    public CompletableFuture<TransactionResult> runAsync(
            Consumer<Transaction> body, AsyncExecutor executor, DynamoDbAsyncClient client) {
        int preset = actions.size();
        List<CompletableFuture<?>> reads;
        try {
            Objects.requireNonNull(body, "body");
            this.deferred = new ArrayList<>();
            body.accept(this);
            reads = DeferredAction.readAll(deferred, executor, client);
            if (reads.isEmpty()) {
                addDeferred(preset);
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        String requestToken = token != null ? token : UUID.randomUUID().toString();
        if (actions.isEmpty()) {
            return CompletableFuture.completedFuture(
                    new TransactionResult(requestToken, List.of(), 0));
        }
        if (reads.isEmpty()) {
            return send(executor, client, requestToken);
        }
        return Futures.flatMap(
                CompletableFuture.allOf(reads.toArray(new CompletableFuture<?>[0])),
                ignored -> {
                    addDeferred(preset);
                    return send(executor, client, requestToken);
                });
    }

    /** Sends the collected actions through the async executor. */
    private CompletableFuture<TransactionResult> send(
            AsyncExecutor executor, DynamoDbAsyncClient client, String requestToken) {
        try {
            return executor.runAndConvert(
                    event(),
                    request(requestToken),
                    client::transactWriteItems,
                    e -> failure(e, requestToken),
                    null,
                    r -> result(requestToken, r));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * The request of the collected actions.
     *
     * @throws InvalidRequestException if the transaction is too large
     */
    private TransactWriteItemsRequest request(String requestToken) {
        long size = 0;
        List<TransactWriteItem> items = new ArrayList<>(actions.size());
        for (PreparedWrite p : actions) {
            Map<String, AttributeValue> values = p.values();
            size +=
                    p.item() != null
                            ? p.size()
                            : ItemSize.of(p.key()) + (values == null ? 0 : ItemSize.of(values));
            items.add(TransactionItems.of(p));
        }
        if (size > MAX_TRANSACTION_BYTES) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "a transaction of %d actions is %d bytes; DynamoDB accepts at most %d bytes in one transaction: "
                                    + "split it",
                            actions.size(),
                            size,
                            MAX_TRANSACTION_BYTES),
                    Operation.TRANSACT_WRITE,
                    null,
                    null);
        }
        return TransactWriteItemsRequest.builder()
                .transactItems(items)
                .clientRequestToken(requestToken)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .build();
    }

    private Event event() {
        Event event = Event.multiTable(Operation.TRANSACT_WRITE);
        for (PreparedWrite p : actions) {
            event.expressions(p.table().tableName(), p.key(), p.condition(), p.update());
        }
        return event;
    }

    private TransactionResult result(String requestToken, TransactWriteItemsResponse response) {
        List<Object> written = new ArrayList<>(actions.size());
        for (PreparedWrite p : actions) {
            written.add(p.written());
        }
        return new TransactionResult(
                requestToken, written, BatchSupport.total(response.consumedCapacity()));
    }

    private DynamORMException failure(SdkException e, String requestToken) {
        if (!(e
                instanceof
                software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException tce)) {
            return ErrorMapper.map(e, Operation.TRANSACT_WRITE, null, null, null);
        }
        List<CancellationReason> raw =
                tce.hasCancellationReasons() ? tce.cancellationReasons() : List.of();
        List<TransactionCanceledException.Reason> reasons = new ArrayList<>(actions.size());
        for (int i = 0; i < actions.size(); i++) {
            reasons.add(reason(i, actions.get(i), i < raw.size() ? raw.get(i) : null, e));
        }
        Claim clash = null;
        for (int i = 0; i < actions.size(); i++) {
            Claim claim = claims.get(actions.get(i));
            TransactionCanceledException.Code code = reasons.get(i).code();
            if (claim == null && code != TransactionCanceledException.Code.NONE) {
                clash = null; // another action failed too: report every reason
                break;
            }
            if (claim != null && code == TransactionCanceledException.Code.CONDITION_FAILED) {
                clash = clash == null ? claim : clash;
            }
        }
        if (clash != null) {
            return clash.unique().taken(clash.sentinel(), operation, e);
        }
        return ErrorMapper.transactionCanceled(
                Operation.TRANSACT_WRITE, reasons, requestToken, actions.size(), e);
    }

    private TransactionCanceledException.Reason reason(
            int index, PreparedWrite p, CancellationReason raw, Throwable cause) {
        String awsCode = raw == null || raw.code() == null ? "None" : raw.code();
        TransactionCanceledException.Code code = ErrorMapper.cancellationCode(awsCode);
        Map<String, AttributeValue> stored = null;
        Object storedModel = null;
        if (code == TransactionCanceledException.Code.CONDITION_FAILED && !claims.containsKey(p)) {
            TableWriter<?> writer = p.table().writer();
            Optional<Map<String, AttributeValue>> item =
                    writer.storedItem(
                            raw.hasItem() ? Optional.of(raw.item()) : Optional.empty(),
                            p.key(),
                            cause);
            stored = item.orElse(null);
            storedModel =
                    item.map(i -> writer.storedModel(i, Operation.TRANSACT_WRITE)).orElse(null);
            ConditionFailedException classified = writer.classify(p, item, "", null);
            if (classified instanceof ItemAlreadyExistsException) {
                code = TransactionCanceledException.Code.ITEM_ALREADY_EXISTS;
            } else if (classified instanceof ItemNotFoundException) {
                code = TransactionCanceledException.Code.ITEM_NOT_FOUND;
            } else if (classified instanceof OptimisticLockException) {
                code = TransactionCanceledException.Code.VERSION_CONFLICT;
            }
        }
        return new TransactionCanceledException.Reason(
                index,
                p.op(),
                p.table().modelType(),
                p.table().tableName(),
                p.key(),
                code,
                awsCode,
                raw == null ? null : raw.message(),
                stored,
                storedModel);
    }

    /** Describes the failed reasons for a message. */
    public static String describe(List<TransactionCanceledException.Reason> reasons) {
        StringJoiner out = new StringJoiner("; ");
        for (TransactionCanceledException.Reason r : reasons) {
            if (r.code() != TransactionCanceledException.Code.NONE) {
                out.add(r.toString());
            }
        }
        return out.toString();
    }
}
