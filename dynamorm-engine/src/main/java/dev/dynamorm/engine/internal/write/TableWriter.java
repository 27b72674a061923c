package dev.dynamorm.engine.internal.write;

import dev.dynamorm.Condition;
import dev.dynamorm.ConditionFailedException;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Operation;
import dev.dynamorm.ReturnValue;
import dev.dynamorm.TransactionCanceledException;
import dev.dynamorm.UpdateBuilder;
import dev.dynamorm.WriteOptions;
import dev.dynamorm.WriteResult;
import dev.dynamorm.engine.internal.client.WriteRetry;
import dev.dynamorm.engine.internal.expr.DefaultUpdateBuilder;
import dev.dynamorm.engine.internal.expr.Expression;
import dev.dynamorm.engine.internal.expr.ExpressionBuilder;
import dev.dynamorm.internal.UpdateRecorder;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The write path of one table: turns create, put, update and delete calls into checked {@link
 * PreparedWrite}s — with the optimistic-locking version, {@code @CreatedAt}/{@code @UpdatedAt} from
 * the engine's clock, and the conditions — sends them alone, and maps condition failures to the
 * exception that says what happened (exists, not found, version conflict, condition failed).
 * Transactions and batches use the same preparation.
 */
public final class TableWriter<T> extends WritePreparer<T> {

    /** How often a put keeping the stored {@code @CreatedAt} reads and tries again. */
    static final int KEEP_CREATED_AT_ATTEMPTS = 3;

    /**
     * The write path of one table.
     *
     * @param table the table
     */
    public TableWriter(TableContext<T> table) {
        super(table);
        this.unique = new UniqueWrites<>(table);
    }

    /** How often a write of a model with unique fields reads again after its guard failed. */
    private static final int UNIQUE_ATTEMPTS = 3;

    /** The sentinels of the model's {@code @Unique} fields. */
    private final UniqueWrites<T> unique;

    @Override
    void requireNoUnique(Operation op, String what, String instead) {
        unique.refuse(op, what, instead);
    }

    @Override
    void requireKnownUniqueValue(String field, String action) {
        unique.requireKnownValue(field, action);
    }

    /** The sentinels of the model's {@code @Unique} fields (inactive without them). */
    UniqueWrites<T> unique() {
        return unique;
    }

    /**
     * Sends a write of a model with unique fields as one transaction with its sentinels; when a
     * unique value it read changed before the write, reads again and retries.
     *
     * @param prepare prepares the write (called again for each attempt)
     */
    private WriteResult<T> sendUnique(Supplier<PreparedWrite> prepare) {
        for (int attempt = 1; ; attempt++) {
            UniqueWrites.Expansion x = unique.expand(prepare.get());
            try {
                uniqueTransaction(x).send();
                return result(null, null, x.main());
            } catch (TransactionCanceledException e) {
                RuntimeException failure = uniqueFailure(attempt, x, e);
                if (failure != null) {
                    throw failure;
                }
                // another writer changed a unique value since the read: read again
            }
        }
    }

    /** The transaction of a write with its sentinels (sync and async paths). */
    DefaultTransaction uniqueTransaction(UniqueWrites.Expansion x) {
        DefaultTransaction tx = new DefaultTransaction(c -> table, ctx, x.main().op());
        tx.addExpanded(unique, x);
        return tx;
    }

    /**
     * What a write of a model with unique fields fails with after its transaction was canceled, or
     * null when a unique value it read changed before the write and attempt {@code attempt} may
     * read again (sync and async paths).
     */
    RuntimeException uniqueFailure(
            int attempt, UniqueWrites.Expansion x, TransactionCanceledException e) {
        PreparedWrite p = x.main();
        TransactionCanceledException.Reason own = e.reasons().isEmpty() ? null : e.reasons().get(0);
        if (own == null || !conditionFailed(own.code())) {
            return e;
        }
        if (attempt < UNIQUE_ATTEMPTS && x.guardBroken(own.storedItem())) {
            return null;
        }
        return classify(
                p,
                Optional.ofNullable(own.storedItem()),
                String.format(
                        Locale.ROOT,
                        "the condition of the %s of key %s in table '%s' (model %s) did not hold",
                        p.op().name().toLowerCase(Locale.ROOT),
                        table.describeKey(p.key()),
                        tableName,
                        model.type().getName()),
                e);
    }

    private static boolean conditionFailed(TransactionCanceledException.Code code) {
        return switch (code) {
            case CONDITION_FAILED, ITEM_ALREADY_EXISTS, ITEM_NOT_FOUND, VERSION_CONFLICT -> true;
            default -> false;
        };
    }

    // ---- single-item operations ----

    public WriteResult<T> create(T item, WriteOptions options) {
        requireReturnValue(options, Operation.CREATE, ReturnValue.NONE, ReturnValue.ALL_OLD);
        if (unique.active()) {
            unique.requireNoReturnValue(Operation.CREATE, options.returnValue());
            return sendUnique(() -> prepareCreate(item, options.condition().orElse(null)));
        }
        return sendPut(prepareCreate(item, options.condition().orElse(null)), options);
    }

    public WriteResult<T> put(T item, WriteOptions options) {
        requireReturnValue(options, Operation.PUT, ReturnValue.NONE, ReturnValue.ALL_OLD);
        Condition extra = options.condition().orElse(null);
        if (unique.active()) {
            unique.requireNoReturnValue(Operation.PUT, options.returnValue());
            return sendUnique(() -> preparePutKeepingCreatedAt(item, extra));
        }
        Map<String, AttributeValue> key = keyKeepingCreatedAt(item);
        if (key == null) {
            return sendPut(preparePut(item, extra), options);
        }
        for (int attempt = 1; ; attempt++) {
            StoredCreation stored = storedCreation(key);
            try {
                return sendPut(preparePut(item, extra, stored), options);
            } catch (ConditionFailedException e) {
                // the item was created or deleted between the read and the put: read again
                if (!readAgain(attempt, stored, e)) {
                    throw e;
                }
            }
        }
    }

    /**
     * A put for a transaction: like {@link #preparePut}, but an instance without {@code @CreatedAt}
     * keeps the stored creation time (read now, checked by the transaction's condition).
     */
    public PreparedWrite preparePutKeepingCreatedAt(T item, Condition extra) {
        Map<String, AttributeValue> key = keyKeepingCreatedAt(item);
        return key == null ? preparePut(item, extra) : preparePut(item, extra, storedCreation(key));
    }

    /**
     * The key of an instance whose put must keep the stored {@code @CreatedAt} — the model has one,
     * the instance none, and the item may exist (a versioned instance at version 0 may not) — or
     * null.
     */
    Map<String, AttributeValue> keyKeepingCreatedAt(T item) {
        if (createdAt == null) {
            return null;
        }
        Map<String, AttributeValue> attributes = itemToWrite(item, Operation.PUT, false);
        Long expected = versionCheck(attributes);
        if (!absent(attributes.get(createdAt.attributeName()))
                || (expected != null && expected == 0)) {
            return null;
        }
        return table.keyOf(attributes, Operation.PUT);
    }

    /**
     * Whether a put keeping the stored {@code @CreatedAt} that failed its condition should read and
     * try again: the item was created or deleted between the read and the put.
     */
    boolean readAgain(int attempt, StoredCreation stored, ConditionFailedException e) {
        return attempt < KEEP_CREATED_AT_ATTEMPTS
                && !stored.matches(e.storedItem(), createdAt.attributeName());
    }

    /** Reads the stored item's key and creation time (consistently). */
    private StoredCreation storedCreation(Map<String, AttributeValue> key) {
        GetItemResponse response =
                ctx.executor()
                        .run(
                                table.event(Operation.GET, key),
                                storedCreationRequest(key),
                                r -> ctx.client().getItem(r),
                                e -> table.map(e, Operation.PUT));
        return storedCreation(response);
    }

    /** The consistent read of the stored item's key and creation time. */
    GetItemRequest storedCreationRequest(Map<String, AttributeValue> key) {
        ExpressionBuilder expr = new ExpressionBuilder();
        StringJoiner read = new StringJoiner(", ");
        key.keySet().forEach(k -> read.add(expr.name(k)));
        read.add(expr.name(createdAt.attributeName()));
        Expression projection = expr.build(read.toString(), null);
        return GetItemRequest.builder()
                .tableName(tableName)
                .key(key)
                .consistentRead(true)
                .projectionExpression(projection.text())
                .expressionAttributeNames(projection.names())
                .build();
    }

    /** What the read of {@link #storedCreationRequest} found. */
    StoredCreation storedCreation(GetItemResponse response) {
        return StoredCreation.of(
                response.hasItem() ? response.item() : null, createdAt.attributeName());
    }

    /** Sends a prepared create or put (its operation is {@code p.op()}) as one PutItem. */
    private WriteResult<T> sendPut(PreparedWrite p, WriteOptions options) {
        PutItemRequest request = putRequest(p, options);
        if (options.idempotent()) {
            return sendIdempotently(p, request, options.returnValue());
        }
        PutItemResponse response =
                ctx.executor()
                        .runWrite(
                                table.event(p),
                                request,
                                r -> ctx.client().putItem(r),
                                e -> failure(p, e),
                                retryOf(p, false, () -> PutItemResponse.builder().build()));
        return result(
                response.hasAttributes() ? response.attributes() : null,
                response.consumedCapacity(),
                p);
    }

    public WriteResult<T> update(T item, WriteOptions options, String... fields) {
        if (unique.active()) {
            unique.requireNoReturnValue(Operation.UPDATE, options.returnValue());
            return sendUnique(
                    () ->
                            prepareUpdateFields(
                                    item,
                                    options.nullHandling(),
                                    options.condition().orElse(null),
                                    fields));
        }
        PreparedWrite p =
                prepareUpdateFields(
                        item, options.nullHandling(), options.condition().orElse(null), fields);
        return sendUpdate(p, options.returnValue(), options.idempotent(), false);
    }

    /**
     * See {@code Table.updateChanged}: sends nothing and returns an empty result when nothing
     * changed.
     */
    public WriteResult<T> updateChanged(T before, T after, WriteOptions options) {
        PreparedWrite p = prepareUpdateChanged(before, after, options.condition().orElse(null));
        if (p == null) {
            if (LOG.isDebugEnabled()) {
                LOG.debug(
                        "UPDATE {} skipped: no attribute of model {} changed",
                        tableName,
                        model.type().getName());
            }
            return new WriteResult<>(
                    Optional.empty(), Map.of(), Optional.empty(), Optional.empty());
        }
        if (unique.active()) {
            unique.requireNoReturnValue(Operation.UPDATE, options.returnValue());
            PreparedWrite[] first = {p};
            return sendUnique(
                    () -> {
                        PreparedWrite next = first[0];
                        first[0] = null;
                        return next != null
                                ? next
                                : prepareUpdateChanged(
                                        before, after, options.condition().orElse(null));
                    });
        }
        return sendUpdate(p, options.returnValue(), options.idempotent(), false);
    }

    public WriteResult<T> update(T item, Consumer<UpdateBuilder> update) {
        Map<String, AttributeValue> attributes = itemForKey(item, Operation.UPDATE);
        DefaultUpdateBuilder u = build(update);
        if (unique.active()) {
            unique.requireNoReturnValue(Operation.UPDATE, u.returnValue());
            return sendUnique(
                    () -> {
                        Map<String, AttributeValue> fresh = itemForKey(item, Operation.UPDATE);
                        return prepareUpdate(table.keyOf(fresh, Operation.UPDATE), fresh, u, null);
                    });
        }
        PreparedWrite p =
                prepareUpdate(table.keyOf(attributes, Operation.UPDATE), attributes, u, null);
        return sendUpdate(p, u.returnValue(), u.isIdempotent(), accumulates(u));
    }

    public WriteResult<T> updateByKey(
            Map<String, AttributeValue> key, Consumer<UpdateBuilder> update) {
        DefaultUpdateBuilder u = build(update);
        if (unique.active()) {
            unique.requireNoReturnValue(Operation.UPDATE, u.returnValue());
            return sendUnique(() -> prepareUpdate(key, null, u, null));
        }
        PreparedWrite p = prepareUpdate(key, null, u, null);
        return sendUpdate(p, u.returnValue(), u.isIdempotent(), accumulates(u));
    }

    public WriteResult<T> delete(T item, WriteOptions options) {
        requireReturnValue(options, Operation.DELETE, ReturnValue.NONE, ReturnValue.ALL_OLD);
        if (item == null) {
            throw new InvalidRequestException(
                    "delete of a null " + model.type().getName(),
                    Operation.DELETE,
                    model.type(),
                    null);
        }
        Map<String, AttributeValue> attributes = model.toItem(item, Operation.DELETE);
        Supplier<PreparedWrite> prepare =
                () ->
                        prepareDelete(
                                table.keyOf(attributes, Operation.DELETE),
                                versionCheck(attributes),
                                options.condition().orElse(null));
        if (unique.active()) {
            unique.requireNoReturnValue(Operation.DELETE, options.returnValue());
            return sendUnique(prepare);
        }
        return sendDelete(prepare.get(), options);
    }

    public WriteResult<T> deleteByKey(Map<String, AttributeValue> key, WriteOptions options) {
        requireReturnValue(options, Operation.DELETE, ReturnValue.NONE, ReturnValue.ALL_OLD);
        if (unique.active()) {
            unique.requireNoReturnValue(Operation.DELETE, options.returnValue());
            return sendUnique(() -> prepareDelete(key, null, options.condition().orElse(null)));
        }
        return sendDelete(prepareDelete(key, null, options.condition().orElse(null)), options);
    }

    private WriteResult<T> sendDelete(PreparedWrite p, WriteOptions options) {
        DeleteItemRequest request = deleteRequest(p, options);
        if (options.idempotent()) {
            return sendIdempotently(p, request, options.returnValue());
        }
        DeleteItemResponse response =
                ctx.executor()
                        .runWrite(
                                table.event(p),
                                request,
                                r -> ctx.client().deleteItem(r),
                                e -> failure(p, e),
                                retryOf(p, false, () -> DeleteItemResponse.builder().build()));
        return result(
                response.hasAttributes() ? response.attributes() : null,
                response.consumedCapacity(),
                p);
    }

    private WriteResult<T> sendUpdate(
            PreparedWrite p, ReturnValue returnValue, boolean idempotent, boolean accumulates) {
        UpdateItemRequest request = updateRequest(p, returnValue);
        if (idempotent) {
            return sendIdempotently(p, request, returnValue);
        }
        UpdateItemResponse response =
                ctx.executor()
                        .runWrite(
                                table.event(p),
                                request,
                                r -> ctx.client().updateItem(r),
                                e -> failure(p, e),
                                retryOf(
                                        p,
                                        accumulates,
                                        () -> UpdateItemResponse.builder().build()));
        return updateResult(response, p, returnValue);
    }

    /** The result of an update: with ALL_NEW, the whole item as stored beats the given instance. */
    WriteResult<T> updateResult(UpdateItemResponse response, PreparedWrite p, ReturnValue rv) {
        Map<String, AttributeValue> returned =
                response.hasAttributes() ? response.attributes() : null;
        WriteResult<T> r = result(returned, response.consumedCapacity(), p);
        if (rv == ReturnValue.ALL_NEW && r.item().isPresent()) {
            return new WriteResult<>(
                    r.item(), r.attributes(), r.consumedCapacity(), r.item(), r.itemFields());
        }
        return r;
    }

    // ---- the SDK requests (shared with the async view, see AsyncWrites) ----

    /** The PutItem of a prepared create or put, logged at DEBUG. */
    PutItemRequest putRequest(PreparedWrite p, WriteOptions options) {
        table.debug(p);
        return PutItemRequest.builder()
                .tableName(tableName)
                .item(p.item())
                .conditionExpression(Expression.textOf(p.condition()))
                .expressionAttributeNames(p.names())
                .expressionAttributeValues(p.values())
                .returnValues(returnValues(options.returnValue()))
                .returnValuesOnConditionCheckFailure(
                        p.condition() == null ? null : onFailure(options))
                .build();
    }

    /** The DeleteItem of a prepared delete, logged at DEBUG. */
    DeleteItemRequest deleteRequest(PreparedWrite p, WriteOptions options) {
        table.debug(p);
        return DeleteItemRequest.builder()
                .tableName(tableName)
                .key(p.key())
                .conditionExpression(Expression.textOf(p.condition()))
                .expressionAttributeNames(p.names())
                .expressionAttributeValues(p.values())
                .returnValues(returnValues(options.returnValue()))
                .returnValuesOnConditionCheckFailure(
                        p.condition() == null ? null : onFailure(options))
                .build();
    }

    /** The UpdateItem of a prepared update, logged at DEBUG. */
    UpdateItemRequest updateRequest(PreparedWrite p, ReturnValue returnValue) {
        table.debug(p);
        return UpdateItemRequest.builder()
                .tableName(tableName)
                .key(p.key())
                .updateExpression(p.update().text())
                .conditionExpression(Expression.textOf(p.condition()))
                .expressionAttributeNames(p.names())
                .expressionAttributeValues(p.values())
                .returnValues(returnValues(returnValue))
                .returnValuesOnConditionCheckFailure(
                        p.condition() == null ? null : ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
    }

    /**
     * The request's {@code ReturnValues}: left out when NONE, DynamoDB's default, so the request
     * carries (and the SDK marshals and signs) only what differs from the default.
     */
    static String returnValues(ReturnValue returnValue) {
        return returnValue == ReturnValue.NONE ? null : returnValue.name();
    }

    // ---- retries after a lost answer (see WriteRetry, IdempotentWrites) ----

    /** Whether applying the update twice differs from applying it once (add, increment, append). */
    static boolean accumulates(DefaultUpdateBuilder u) {
        for (UpdateRecorder.Action a : u.actions()) {
            UpdateRecorder.Kind k = a.kind();
            if (k == UpdateRecorder.Kind.ADD
                    || k == UpdateRecorder.Kind.INCREMENT
                    || k == UpdateRecorder.Kind.APPEND
                    || k == UpdateRecorder.Kind.PREPEND) {
                return true;
            }
        }
        return false;
    }

    /** How the executor may retry this write after a lost answer. */
    <R> WriteRetry<R> retryOf(PreparedWrite p, boolean accumulates, Supplier<R> applied) {
        boolean versioned = p.expectedVersion() != null && version != null;
        boolean resendable = p.update() == null || versioned || !accumulates;
        // described only when an answer is lost: formatting it costs as much as a small write
        Supplier<String> write =
                () ->
                        String.format(
                                Locale.ROOT,
                                "on table '%s' (model %s) of key %s%s",
                                tableName,
                                model.type().getName(),
                                table.describeKey(p.key()),
                                p.update() == null
                                        ? ""
                                        : " with update '" + p.update().text() + "'");
        return new WriteRetry<>(
                resendable, cf -> ownWrite(p, cf), applied, p.op(), model.type(), write);
    }

    /** Whether a retry's condition failed on the write's own earlier, applied attempt. */
    private boolean ownWrite(PreparedWrite p, ConditionFailedException failure) {
        Optional<Map<String, AttributeValue>> stored = failure.storedItem();
        if (p.op() == Operation.DELETE) {
            return stored.isEmpty();
        }
        if (p.item() != null) {
            return stored.isPresent() && WriteRetry.sameItem(stored.get(), p.item());
        }
        return stored.isPresent()
                && p.expectedVersion() != null
                && version != null
                && versionOf(stored.get()) == p.expectedVersion() + 1;
    }

    /** Sends a write as a one-action transaction with a client request token (no item returned). */
    private WriteResult<T> sendIdempotently(
            PreparedWrite p, DynamoDbRequest write, ReturnValue returnValue) {
        requireNoItemReturned(p, returnValue);
        ctx.executor()
                .run(
                        table.event(p),
                        IdempotentWrites.of(write),
                        r -> ctx.client().transactWriteItems(r),
                        e -> failure(p, IdempotentWrites.unwrap(e)));
        return result(null, null, p);
    }

    /** An idempotent write is a transaction, which returns no item. */
    void requireNoItemReturned(PreparedWrite p, ReturnValue returnValue) {
        if (returnValue != ReturnValue.NONE) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "%s of model %s: an idempotent write is sent as TransactWriteItems,"
                                    + " which returns no item; use ReturnValue.NONE, not %s",
                            p.op().name().toLowerCase(Locale.ROOT),
                            model.type().getName(),
                            returnValue),
                    p.op(),
                    model.type(),
                    null);
        }
    }
}
