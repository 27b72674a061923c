package dev.dynamorm.engine.internal;

import dev.dynamorm.Condition;
import dev.dynamorm.ConditionFailedException;
import dev.dynamorm.DynamORMException;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.ItemAlreadyExistsException;
import dev.dynamorm.ItemNotFoundException;
import dev.dynamorm.ItemTooLargeException;
import dev.dynamorm.Key;
import dev.dynamorm.NullHandling;
import dev.dynamorm.Operation;
import dev.dynamorm.OptimisticLockException;
import dev.dynamorm.ReturnValue;
import dev.dynamorm.UnknownFieldException;
import dev.dynamorm.UpdateBuilder;
import dev.dynamorm.WriteOptions;
import dev.dynamorm.WriteResult;
import dev.dynamorm.engine.internal.model.FieldMetadata;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
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
final class TableWriter<T> {

    /** DynamoDB's limit on the length of one expression. */
    static final int MAX_EXPRESSION_BYTES = 4096;

    /** Items larger than this (90% of DynamoDB's limit) are logged as a hazard. */
    static final long NEAR_LIMIT_BYTES = ItemSize.MAX_ITEM_BYTES * 9L / 10;

    /** At most one near-limit warning per table in this many nanoseconds (a minute). */
    static final long NEAR_LIMIT_WARN_INTERVAL_NANOS =
            java.util.concurrent.TimeUnit.MINUTES.toNanos(1);

    private static final Logger LOG = LoggerFactory.getLogger(TableWriter.class);

    private final DefaultTable<T> table;
    private final ModelMetadata<T> model;
    private final EngineContext ctx;
    private final String tableName;
    private final FieldMetadata version;
    private final FieldMetadata createdAt;
    private final FieldMetadata updatedAt;
    private final FieldMetadata ttl;
    private final boolean lifecycle;

    /** When the last near-limit warning was logged (System.nanoTime), or null for never. */
    private final java.util.concurrent.atomic.AtomicReference<Long> lastNearLimitWarning =
            new java.util.concurrent.atomic.AtomicReference<>();

    TableWriter(DefaultTable<T> table) {
        this.table = table;
        this.model = table.model();
        this.ctx = table.context();
        this.tableName = table.tableName();
        this.version = model.versionField().orElse(null);
        this.createdAt = model.createdAtField().orElse(null);
        this.updatedAt = model.updatedAtField().orElse(null);
        this.ttl = model.ttlField().orElse(null);
        this.lifecycle = version != null || createdAt != null || updatedAt != null;
    }

    // ---- single-item operations ----

    WriteResult<T> create(T item, WriteOptions options) {
        requireReturnValue(options, Operation.CREATE, ReturnValue.NONE, ReturnValue.ALL_OLD);
        PreparedWrite p = prepareCreate(item, options.condition().orElse(null));
        PutItemRequest request =
                PutItemRequest.builder()
                        .tableName(tableName)
                        .item(p.item())
                        .conditionExpression(p.condition())
                        .expressionAttributeNames(p.expr().names())
                        .expressionAttributeValues(p.expr().values())
                        .returnValues(options.returnValue().name())
                        .returnValuesOnConditionCheckFailure(onFailure(options))
                        .build();
        table.debug(Operation.CREATE, p.condition(), p.expr());
        if (options.idempotent()) {
            return sendIdempotently(p, request, options.returnValue());
        }
        PutItemResponse response =
                ctx.executor()
                        .runWrite(
                                table.event(Operation.CREATE, p.key()),
                                request,
                                r -> ctx.client().putItem(r),
                                e -> failure(p, e),
                                retryOf(p, () -> PutItemResponse.builder().build()));
        return result(
                response.hasAttributes() ? response.attributes() : null,
                response.consumedCapacity(),
                p);
    }

    WriteResult<T> put(T item, WriteOptions options) {
        requireReturnValue(options, Operation.PUT, ReturnValue.NONE, ReturnValue.ALL_OLD);
        PreparedWrite p = preparePut(item, options.condition().orElse(null));
        PutItemRequest request =
                PutItemRequest.builder()
                        .tableName(tableName)
                        .item(p.item())
                        .conditionExpression(p.condition())
                        .expressionAttributeNames(p.expr().names())
                        .expressionAttributeValues(p.expr().values())
                        .returnValues(options.returnValue().name())
                        .returnValuesOnConditionCheckFailure(
                                p.condition() == null ? null : onFailure(options))
                        .build();
        table.debug(Operation.PUT, p.condition(), p.expr());
        if (options.idempotent()) {
            return sendIdempotently(p, request, options.returnValue());
        }
        PutItemResponse response =
                ctx.executor()
                        .runWrite(
                                table.event(Operation.PUT, p.key()),
                                request,
                                r -> ctx.client().putItem(r),
                                e -> failure(p, e),
                                retryOf(p, () -> PutItemResponse.builder().build()));
        return result(
                response.hasAttributes() ? response.attributes() : null,
                response.consumedCapacity(),
                p);
    }

    WriteResult<T> update(T item, WriteOptions options, String... fields) {
        PreparedWrite p =
                prepareUpdateFields(
                        item, options.nullHandling(), options.condition().orElse(null), fields);
        return sendUpdate(p, options.returnValue(), options.idempotent());
    }

    /**
     * See {@code Table.updateChanged}: sends nothing and returns an empty result when nothing
     * changed.
     */
    WriteResult<T> updateChanged(T before, T after, WriteOptions options) {
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
        return sendUpdate(p, options.returnValue(), options.idempotent());
    }

    WriteResult<T> update(T item, Consumer<UpdateBuilder> update) {
        Map<String, AttributeValue> attributes = itemForKey(item, Operation.UPDATE);
        DefaultUpdateBuilder u = build(update);
        PreparedWrite p =
                prepareUpdate(table.keyOf(attributes, Operation.UPDATE), attributes, u, null);
        return sendUpdate(p, u.returnValue(), u.isIdempotent());
    }

    WriteResult<T> updateByKey(Map<String, AttributeValue> key, Consumer<UpdateBuilder> update) {
        DefaultUpdateBuilder u = build(update);
        PreparedWrite p = prepareUpdate(key, null, u, null);
        return sendUpdate(p, u.returnValue(), u.isIdempotent());
    }

    WriteResult<T> delete(T item, WriteOptions options) {
        requireReturnValue(options, Operation.DELETE, ReturnValue.NONE, ReturnValue.ALL_OLD);
        if (item == null) {
            throw new InvalidRequestException(
                    "delete of a null " + model.type().getName(),
                    Operation.DELETE,
                    model.type(),
                    null);
        }
        Map<String, AttributeValue> attributes = model.toItem(item, Operation.DELETE);
        PreparedWrite p =
                prepareDelete(
                        table.keyOf(attributes, Operation.DELETE),
                        versionCheck(attributes),
                        options.condition().orElse(null));
        return sendDelete(p, options);
    }

    WriteResult<T> deleteByKey(Map<String, AttributeValue> key, WriteOptions options) {
        requireReturnValue(options, Operation.DELETE, ReturnValue.NONE, ReturnValue.ALL_OLD);
        return sendDelete(prepareDelete(key, null, options.condition().orElse(null)), options);
    }

    private WriteResult<T> sendDelete(PreparedWrite p, WriteOptions options) {
        DeleteItemRequest request =
                DeleteItemRequest.builder()
                        .tableName(tableName)
                        .key(p.key())
                        .conditionExpression(p.condition())
                        .expressionAttributeNames(p.expr().names())
                        .expressionAttributeValues(p.expr().values())
                        .returnValues(options.returnValue().name())
                        .returnValuesOnConditionCheckFailure(
                                p.condition() == null ? null : onFailure(options))
                        .build();
        table.debug(Operation.DELETE, p.condition(), p.expr());
        if (options.idempotent()) {
            return sendIdempotently(p, request, options.returnValue());
        }
        DeleteItemResponse response =
                ctx.executor()
                        .runWrite(
                                table.event(Operation.DELETE, p.key()),
                                request,
                                r -> ctx.client().deleteItem(r),
                                e -> failure(p, e),
                                retryOf(p, () -> DeleteItemResponse.builder().build()));
        return result(
                response.hasAttributes() ? response.attributes() : null,
                response.consumedCapacity(),
                p);
    }

    private WriteResult<T> sendUpdate(
            PreparedWrite p, ReturnValue returnValue, boolean idempotent) {
        UpdateItemRequest request =
                UpdateItemRequest.builder()
                        .tableName(tableName)
                        .key(p.key())
                        .updateExpression(p.update())
                        .conditionExpression(p.condition())
                        .expressionAttributeNames(p.expr().names())
                        .expressionAttributeValues(p.expr().values())
                        .returnValues(returnValue.name())
                        .returnValuesOnConditionCheckFailure(
                                p.condition() == null
                                        ? null
                                        : ReturnValuesOnConditionCheckFailure.ALL_OLD)
                        .build();
        table.debug(
                Operation.UPDATE,
                p.update() + (p.condition() == null ? "" : " IF " + p.condition()),
                p.expr());
        if (idempotent) {
            return sendIdempotently(p, request, returnValue);
        }
        UpdateItemResponse response =
                ctx.executor()
                        .runWrite(
                                table.event(Operation.UPDATE, p.key()),
                                request,
                                r -> ctx.client().updateItem(r),
                                e -> failure(p, e),
                                retryOf(p, () -> UpdateItemResponse.builder().build()));
        Map<String, AttributeValue> returned =
                response.hasAttributes() ? response.attributes() : null;
        WriteResult<T> r = result(returned, response.consumedCapacity(), p);
        if (returnValue == ReturnValue.ALL_NEW && r.item().isPresent()) {
            // the whole item as stored beats the instance as given
            return new WriteResult<>(r.item(), r.attributes(), r.consumedCapacity(), r.item());
        }
        return r;
    }

    // ---- retries after a lost answer (see WriteRetry, IdempotentWrites) ----

    private static final java.util.regex.Pattern ACCUMULATES =
            java.util.regex.Pattern.compile("\\+|\\s-\\s|list_append|(^|\\s)ADD\\s");

    /** How the executor may retry this write after a lost answer. */
    private <R> WriteRetry<R> retryOf(PreparedWrite p, java.util.function.Supplier<R> applied) {
        boolean versioned = p.expectedVersion() != null && version != null;
        boolean resendable =
                p.update() == null || versioned || !ACCUMULATES.matcher(p.update()).find();
        String write =
                String.format(
                        Locale.ROOT,
                        "on table '%s' (model %s) of key %s%s",
                        tableName,
                        model.type().getName(),
                        table.describeKey(p.key()),
                        p.update() == null ? "" : " with update '" + p.update() + "'");
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
            PreparedWrite p,
            software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest write,
            ReturnValue returnValue) {
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
        ctx.executor()
                .run(
                        table.event(p.op(), p.key()),
                        IdempotentWrites.of(write),
                        r -> ctx.client().transactWriteItems(r),
                        e -> failure(p, IdempotentWrites.unwrap(e)));
        return result(null, null, p);
    }

    // ---- preparation (shared with transactions and batches) ----

    PreparedWrite prepareCreate(T item, Condition extra) {
        Map<String, AttributeValue> attributes = itemToWrite(item, Operation.CREATE, false);
        Instant now = now();
        if (version != null) {
            attributes.put(version.attributeName(), AttributeValue.createN("1"));
        }
        if (createdAt != null) {
            attributes.put(createdAt.attributeName(), timestamp(createdAt, now));
        }
        if (updatedAt != null) {
            attributes.put(updatedAt.attributeName(), timestamp(updatedAt, now));
        }
        long size = checkSize(attributes, Operation.CREATE);
        Map<String, AttributeValue> key = table.keyOf(attributes, Operation.CREATE);
        ExpressionBuilder expr = new ExpressionBuilder();
        String condition =
                "attribute_not_exists(" + expr.name(model.partitionKey().attributeName()) + ")";
        condition = and(condition, extra, expr, Operation.CREATE);
        return new PreparedWrite(
                Operation.CREATE,
                table,
                key,
                attributes,
                null,
                checkLength(condition),
                expr,
                version == null ? null : 0L,
                extra != null,
                false,
                written(item, attributes),
                size);
    }

    PreparedWrite preparePut(T item, Condition extra) {
        Map<String, AttributeValue> attributes = itemToWrite(item, Operation.PUT, false);
        Long expected = versionCheck(attributes);
        stampPut(attributes, expected);
        long size = checkSize(attributes, Operation.PUT);
        Map<String, AttributeValue> key = table.keyOf(attributes, Operation.PUT);
        ExpressionBuilder expr = new ExpressionBuilder();
        String condition = versionCondition(expected, expr, false);
        condition = and(condition, extra, expr, Operation.PUT);
        return new PreparedWrite(
                Operation.PUT,
                table,
                key,
                attributes,
                null,
                checkLength(condition),
                expr,
                expected,
                extra != null,
                false,
                written(item, attributes),
                size);
    }

    /**
     * A put for a batch: stamped like a put, but without conditions (refused for versioned models
     * unless allowed).
     */
    PreparedWrite prepareBatchPut(T item, boolean ignoreVersioning) {
        requireUnversioned(ignoreVersioning);
        Map<String, AttributeValue> attributes = itemToWrite(item, Operation.BATCH_WRITE, false);
        stampPut(attributes, versionCheck(attributes));
        long size = checkSize(attributes, Operation.BATCH_WRITE);
        return new PreparedWrite(
                Operation.PUT,
                table,
                table.keyOf(attributes, Operation.BATCH_WRITE),
                attributes,
                null,
                null,
                null,
                null,
                false,
                false,
                written(item, attributes),
                size);
    }

    /** A delete for a batch (refused for versioned models unless allowed). */
    Map<String, AttributeValue> batchDeleteKey(Key key, boolean ignoreVersioning) {
        table.requireWritableForWrite(Operation.BATCH_WRITE);
        requireUnversioned(ignoreVersioning);
        return keyOf(key, Operation.BATCH_WRITE);
    }

    void requireUnversioned(boolean ignoreVersioning) {
        requireUnversioned(ignoreVersioning, "BatchOptions");
    }

    /**
     * Refuses a batch write of a versioned model unless opted out.
     *
     * @param optionsType the options class the caller opts out with, for the message
     */
    void requireUnversioned(boolean ignoreVersioning, String optionsType) {
        if (version != null && !ignoreVersioning) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "model %s has @Version field '%s': BatchWriteItem cannot carry the version condition, so a batch "
                                    + "write would overwrite concurrent changes; use put/delete or a transaction, or opt out "
                                    + "with %s.builder().ignoreVersioning(true)",
                            model.type().getName(),
                            version.name(),
                            optionsType),
                    Operation.BATCH_WRITE,
                    model.type(),
                    null);
        }
    }

    private void stampPut(Map<String, AttributeValue> attributes, Long expected) {
        Instant now = now();
        if (version != null) {
            attributes.put(
                    version.attributeName(), AttributeValue.createN(Long.toString(expected + 1)));
        }
        if (createdAt != null && absent(attributes.get(createdAt.attributeName()))) {
            attributes.put(createdAt.attributeName(), timestamp(createdAt, now));
        }
        if (updatedAt != null) {
            attributes.put(updatedAt.attributeName(), timestamp(updatedAt, now));
        }
    }

    PreparedWrite prepareUpdateFields(
            T item, NullHandling nullHandling, Condition extra, String... fields) {
        Map<String, AttributeValue> attributes = itemToWrite(item, Operation.UPDATE, true);
        Map<String, AttributeValue> key = table.keyOf(attributes, Operation.UPDATE);
        List<FieldMetadata> chosen = chosenFields(fields);
        ExpressionBuilder expr = new ExpressionBuilder();
        StringJoiner set = new StringJoiner(", ", "SET ", "");
        set.setEmptyValue("");
        StringJoiner remove = new StringJoiner(", ", "REMOVE ", "");
        remove.setEmptyValue("");
        for (FieldMetadata f : chosen) {
            AttributeValue value = attributes.get(f.attributeName());
            if (value != null) {
                set.add(expr.name(f.attributeName()) + " = " + expr.value(value));
            } else if (nullHandling == NullHandling.REMOVE) {
                remove.add(expr.name(f.attributeName()));
            }
        }
        if (set.length() == 0 && remove.length() == 0) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "nothing to update for key %s in model %s: every chosen field %s is null and null handling is "
                                    + "SKIP (use NullHandling.REMOVE to remove attributes)",
                            table.describeKey(key),
                            model.type().getName(),
                            chosen.stream().map(FieldMetadata::name).toList()),
                    Operation.UPDATE,
                    model.type(),
                    null);
        }
        return finishFieldUpdate(
                item, attributes, key, versionCheck(attributes), expr, set, remove, extra);
    }

    /**
     * Prepares the update of the attributes that differ between two instances of one item: SET for
     * changed and added attributes, REMOVE for attributes present before and null after. Nested
     * attributes are compared and written whole. The {@code @Version} of {@code before} is checked
     * and incremented and {@code @UpdatedAt} is stamped, as for an update of chosen fields; the
     * managed fields ({@code @Version}, {@code @CreatedAt}, {@code @UpdatedAt}) are not compared.
     *
     * @return the write, or null when no attribute changed (nothing is to be sent)
     */
    PreparedWrite prepareUpdateChanged(T before, T after, Condition extra) {
        if (before == null || after == null) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "updateChanged of model %s needs the item as read (before) and as changed (after), got null %s",
                            model.type().getName(),
                            before == null ? "before" : "after"),
                    Operation.UPDATE,
                    model.type(),
                    null);
        }
        Map<String, AttributeValue> old = itemToWrite(before, Operation.UPDATE, false);
        Map<String, AttributeValue> attributes = itemToWrite(after, Operation.UPDATE, true);
        Map<String, AttributeValue> key = table.keyOf(attributes, Operation.UPDATE);
        Map<String, AttributeValue> oldKey = table.keyOf(old, Operation.UPDATE);
        if (!AttributeValues.same(AttributeValue.createM(oldKey), AttributeValue.createM(key))) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "updateChanged of model %s: before has key %s but after has key %s; the key identifies the item "
                                    + "and cannot be updated (delete the item and create a new one instead)",
                            model.type().getName(),
                            table.describeKey(oldKey),
                            table.describeKey(key)),
                    Operation.UPDATE,
                    model.type(),
                    null);
        }
        Long expected = versionCheck(old);
        if (version != null && versionOf(attributes) != expected) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "updateChanged of key %s in model %s: before carries version %d but after carries %d; the "
                                    + "@Version field '%s' is checked against before and incremented by DynamORM: do not "
                                    + "change it yourself",
                            table.describeKey(key),
                            model.type().getName(),
                            expected,
                            versionOf(attributes),
                            version.name()),
                    Operation.UPDATE,
                    model.type(),
                    null);
        }
        ExpressionBuilder expr = new ExpressionBuilder();
        StringJoiner set = new StringJoiner(", ", "SET ", "");
        set.setEmptyValue("");
        StringJoiner remove = new StringJoiner(", ", "REMOVE ", "");
        remove.setEmptyValue("");
        for (FieldMetadata f : model.fields()) {
            if (f.isPartitionKey()
                    || f.isSortKey()
                    || f.isVersion()
                    || f.isCreatedAt()
                    || f.isUpdatedAt()) {
                continue;
            }
            AttributeValue was = old.get(f.attributeName());
            AttributeValue now = attributes.get(f.attributeName());
            if (now == null) {
                if (was != null) {
                    remove.add(expr.name(f.attributeName()));
                }
            } else if (was == null || !AttributeValues.same(was, now)) {
                set.add(expr.name(f.attributeName()) + " = " + expr.value(now));
            }
        }
        if (set.length() == 0 && remove.length() == 0) {
            return null;
        }
        return finishFieldUpdate(after, attributes, key, expected, expr, set, remove, extra);
    }

    /**
     * Adds the version increment and {@code @UpdatedAt} stamp to a field update, with its
     * conditions.
     */
    private PreparedWrite finishFieldUpdate(
            T item,
            Map<String, AttributeValue> attributes,
            Map<String, AttributeValue> key,
            Long expected,
            ExpressionBuilder expr,
            StringJoiner set,
            StringJoiner remove,
            Condition extra) {
        Instant now = now();
        if (version != null) {
            AttributeValue next = AttributeValue.createN(Long.toString(expected + 1));
            set.add(expr.name(version.attributeName()) + " = " + expr.value(next));
            attributes.put(version.attributeName(), next);
        }
        if (updatedAt != null) {
            AttributeValue stamp = timestamp(updatedAt, now);
            set.add(expr.name(updatedAt.attributeName()) + " = " + expr.value(stamp));
            attributes.put(updatedAt.attributeName(), stamp);
        }
        String updateExpression = (set + " " + remove).trim();
        String condition =
                "attribute_exists(" + expr.name(model.partitionKey().attributeName()) + ")";
        String versionCondition = versionCondition(expected, expr, false);
        if (versionCondition != null) {
            condition += " AND " + versionCondition;
        }
        condition = and(condition, extra, expr, Operation.UPDATE);
        return new PreparedWrite(
                Operation.UPDATE,
                table,
                key,
                null,
                checkLength(updateExpression),
                checkLength(condition),
                expr,
                expected,
                extra != null,
                true,
                written(item, attributes),
                0);
    }

    DefaultUpdateBuilder build(Consumer<UpdateBuilder> update) {
        if (update == null) {
            throw new InvalidRequestException(
                    "update of model "
                            + model.type().getName()
                            + " needs a consumer that "
                            + "adds actions, got null",
                    Operation.UPDATE,
                    model.type(),
                    null);
        }
        DefaultUpdateBuilder u = new DefaultUpdateBuilder();
        update.accept(u);
        return u;
    }

    /**
     * Compiles an update builder.
     *
     * @param key the item's key
     * @param attributes the model instance's attributes when updating from an instance (its version
     *     is checked), or null for an update by key (the version is incremented unchecked)
     * @param u the recorded actions
     * @param extra a further condition, or null
     */
    PreparedWrite prepareUpdate(
            Map<String, AttributeValue> key,
            Map<String, AttributeValue> attributes,
            DefaultUpdateBuilder u,
            Condition extra) {
        table.requireWritableForWrite(Operation.UPDATE);
        if (u.actions().isEmpty()) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "update of key %s in model %s has no actions: call set, add, increment, remove, ... on the "
                                    + "update builder",
                            table.describeKey(key),
                            model.type().getName()),
                    Operation.UPDATE,
                    model.type(),
                    null);
        }
        ExpressionBuilder expr = new ExpressionBuilder();
        Clauses clauses = new Clauses();
        for (DefaultUpdateBuilder.Action a : u.actions()) {
            compile(a, expr, clauses);
        }
        sealEncryptedValues(key, expr, clauses);
        Instant now = now();
        Long expected = attributes == null ? null : versionCheck(attributes);
        if (version != null) {
            String p = expr.name(version.attributeName());
            clauses.claim(List.of(version.attributeName()), version.name());
            if (expected != null) {
                AttributeValue next = AttributeValue.createN(Long.toString(expected + 1));
                clauses.set.add(p + " = " + expr.value(next));
                attributes.put(version.attributeName(), next);
            } else {
                clauses.add.add(p + " " + expr.value(AttributeValue.createN("1")));
            }
        }
        if (updatedAt != null && !clauses.touches(updatedAt.attributeName())) {
            AttributeValue stamp = timestamp(updatedAt, now);
            clauses.claim(List.of(updatedAt.attributeName()), updatedAt.name());
            clauses.set.add(expr.name(updatedAt.attributeName()) + " = " + expr.value(stamp));
            if (attributes != null) {
                attributes.put(updatedAt.attributeName(), stamp);
            }
        }
        if (createdAt != null && u.isUpsert() && !clauses.touches(createdAt.attributeName())) {
            String p = expr.name(createdAt.attributeName());
            clauses.claim(List.of(createdAt.attributeName()), createdAt.name());
            clauses.set.add(
                    p
                            + " = if_not_exists("
                            + p
                            + ", "
                            + expr.value(timestamp(createdAt, now))
                            + ")");
        }
        List<String> conditions = new ArrayList<>();
        if (!u.isUpsert()) {
            conditions.add(
                    "attribute_exists(" + expr.name(model.partitionKey().attributeName()) + ")");
        }
        String versionCondition = versionCondition(expected, expr, u.isUpsert());
        if (versionCondition != null) {
            conditions.add(versionCondition);
        }
        boolean userCondition = u.condition() != null || extra != null;
        if (u.condition() != null) {
            conditions.add(
                    "("
                            + ctx.conditions().compile(model, u.condition(), expr, Operation.UPDATE)
                            + ")");
        }
        if (extra != null) {
            conditions.add(
                    "(" + ctx.conditions().compile(model, extra, expr, Operation.UPDATE) + ")");
        }
        String condition = conditions.isEmpty() ? null : String.join(" AND ", conditions);
        Object written = attributes == null ? null : fromItemSafely(attributes);
        return new PreparedWrite(
                Operation.UPDATE,
                table,
                key,
                null,
                checkLength(clauses.render()),
                checkLength(condition),
                expr,
                expected,
                userCondition,
                !u.isUpsert(),
                written,
                0);
    }

    PreparedWrite prepareDelete(Map<String, AttributeValue> key, Long expected, Condition extra) {
        table.requireWritableForWrite(Operation.DELETE);
        ExpressionBuilder expr = new ExpressionBuilder();
        String condition = null;
        if (expected != null) {
            condition =
                    expected == 0
                            ? "attribute_not_exists(" + expr.name(version.attributeName()) + ")"
                            : "(attribute_not_exists("
                                    + expr.name(model.partitionKey().attributeName())
                                    + ") OR "
                                    + expr.name(version.attributeName())
                                    + " = "
                                    + expr.value(AttributeValue.createN(Long.toString(expected)))
                                    + ")";
        }
        condition = and(condition, extra, expr, Operation.DELETE);
        return new PreparedWrite(
                Operation.DELETE,
                table,
                key,
                null,
                null,
                checkLength(condition),
                expr,
                expected,
                extra != null,
                false,
                null,
                0);
    }

    PreparedWrite prepareDeleteOf(T item, Condition extra) {
        if (item == null) {
            throw new InvalidRequestException(
                    "delete of a null " + model.type().getName(),
                    Operation.DELETE,
                    model.type(),
                    null);
        }
        Map<String, AttributeValue> attributes = model.toItem(item, Operation.DELETE);
        return prepareDelete(
                table.keyOf(attributes, Operation.DELETE), versionCheck(attributes), extra);
    }

    PreparedWrite prepareConditionCheck(Map<String, AttributeValue> key, Condition condition) {
        if (condition == null) {
            throw new InvalidRequestException(
                    "condition check on model "
                            + model.type().getName()
                            + " needs a condition, got null",
                    Operation.TRANSACT_WRITE,
                    model.type(),
                    null);
        }
        table.requireWritableForWrite(Operation.TRANSACT_WRITE);
        ExpressionBuilder expr = new ExpressionBuilder();
        String compiled =
                ctx.conditions().compile(model, condition, expr, Operation.TRANSACT_WRITE);
        return new PreparedWrite(
                Operation.TRANSACT_WRITE,
                table,
                key,
                null,
                null,
                checkLength(compiled),
                expr,
                null,
                true,
                false,
                null,
                0);
    }

    Map<String, AttributeValue> keyOfItem(T item, Operation op) {
        if (item == null) {
            throw new InvalidRequestException(
                    op.name().toLowerCase(Locale.ROOT) + " of a null " + model.type().getName(),
                    op,
                    model.type(),
                    null);
        }
        return table.keyOf(
                HookedModel.unhooked(model).toItem(item, op), op); // keys are never transformed
    }

    Map<String, AttributeValue> keyOf(Key key, Operation op) {
        if (key == null) {
            throw new InvalidRequestException(
                    "null key for model " + model.type().getName(), op, model.type(), null);
        }
        if (key.sortKey() == null && model.sortKey().isPresent()) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "key %s of model %s lacks the sort key '%s': use Key.of(partitionKey, sortKey)",
                            key,
                            model.type().getName(),
                            model.sortKey().get().name()),
                    op,
                    model.type(),
                    null);
        }
        if (key.sortKey() != null && model.sortKey().isEmpty()) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "key %s of model %s has a sort key but the model has none: use Key.of(partitionKey)",
                            key,
                            model.type().getName()),
                    op,
                    model.type(),
                    null);
        }
        return table.key(key.partitionKey(), key.sortKey(), op);
    }

    Key toKey(Map<String, AttributeValue> key) {
        Object pk =
                model.partitionKey()
                        .fromAttributeValue(key.get(model.partitionKey().attributeName()));
        Object sk =
                model.sortKey()
                        .map(s -> s.fromAttributeValue(key.get(s.attributeName())))
                        .orElse(null);
        return new Key(pk, sk);
    }

    // ---- failures ----

    /**
     * Maps a failure of a single-item write, telling apart exists / not found / version conflict.
     */
    DynamORMException failure(PreparedWrite p, SdkException e) {
        DynamORMException mapped = table.map(e, p.op());
        if (!(mapped instanceof ConditionFailedException cf)) {
            return mapped;
        }
        return classify(p, storedItem(cf.storedItem(), p.key(), cf), mapped.getMessage(), e);
    }

    /** The exception for a failed condition of a prepared write, given the stored item. */
    ConditionFailedException classify(
            PreparedWrite p,
            Optional<Map<String, AttributeValue>> stored,
            String message,
            Throwable cause) {
        Object storedModel = stored.map(s -> storedModel(s, p.op())).orElse(null);
        String key = table.describeKey(p.key());
        if (p.op() == Operation.CREATE && (stored.isPresent() || !p.userCondition())) {
            return new ItemAlreadyExistsException(
                    String.format(
                            Locale.ROOT,
                            "an item with key %s already exists in table '%s' (model %s)",
                            key,
                            tableName,
                            model.type().getName()),
                    model.type(),
                    stored.orElse(null),
                    storedModel,
                    cause);
        }
        if (p.requireExists() && stored.isEmpty()) {
            return new ItemNotFoundException(
                    String.format(
                            Locale.ROOT,
                            "no item with key %s in table '%s' (model %s) to update",
                            key,
                            tableName,
                            model.type().getName()),
                    p.op(),
                    model.type(),
                    cause);
        }
        if (isVersionConflict(p, stored)) {
            long found = versionOf(stored.orElse(null));
            return new OptimisticLockException(
                    String.format(
                            Locale.ROOT,
                            "version conflict on key %s in table '%s' (model %s): expected %s but %s; another writer changed "
                                    + "the item: read it again and reapply the change",
                            key,
                            tableName,
                            model.type().getName(),
                            p.expectedVersion() == 0
                                    ? "no stored version (a new item)"
                                    : "version " + p.expectedVersion(),
                            stored.isEmpty() ? "no item is stored" : "found version " + found),
                    p.op(),
                    model.type(),
                    p.expectedVersion(),
                    stored.orElse(null),
                    storedModel,
                    cause);
        }
        return new ConditionFailedException(
                message, p.op(), model.type(), stored.orElse(null), storedModel, cause);
    }

    boolean isVersionConflict(PreparedWrite p, Optional<Map<String, AttributeValue>> stored) {
        if (p.expectedVersion() == null || version == null) {
            return false;
        }
        if (p.op() == Operation.DELETE && stored.isEmpty()) {
            return false;
        }
        return versionOf(stored.orElse(null)) != p.expectedVersion();
    }

    /**
     * The stored item of a failed condition: as DynamoDB returned it, or, from servers that do not
     * support ReturnValuesOnConditionCheckFailure, read with a consistent GetItem right after.
     */
    Optional<Map<String, AttributeValue>> storedItem(
            Optional<Map<String, AttributeValue>> returned,
            Map<String, AttributeValue> key,
            Throwable failure) {
        if (returned.isPresent() && !returned.get().isEmpty()) {
            return returned;
        }
        try {
            GetItemResponse r =
                    ctx.client().getItem(b -> b.tableName(tableName).key(key).consistentRead(true));
            return r.hasItem() && !r.item().isEmpty() ? Optional.of(r.item()) : Optional.empty();
        } catch (SdkException readFailed) {
            failure.addSuppressed(readFailed);
            return Optional.empty();
        }
    }

    // ---- lifecycle ----

    Instant now() {
        return ctx.clock().instant();
    }

    /** The version an instance carries (0 when absent), or null for unversioned models. */
    Long versionCheck(Map<String, AttributeValue> attributes) {
        return version == null ? null : versionOf(attributes);
    }

    long versionOf(Map<String, AttributeValue> attributes) {
        if (version == null || attributes == null) {
            return 0;
        }
        AttributeValue v = attributes.get(version.attributeName());
        if (v == null || v.n() == null) {
            return 0;
        }
        return new BigDecimal(v.n()).longValueExact();
    }

    private String versionCondition(
            Long expected, ExpressionBuilder expr, boolean allowMissingItem) {
        if (expected == null || version == null) {
            return null;
        }
        String v = expr.name(version.attributeName());
        if (expected == 0) {
            return "attribute_not_exists(" + v + ")";
        }
        String check = v + " = " + expr.value(AttributeValue.createN(Long.toString(expected)));
        return allowMissingItem ? "(attribute_not_exists(" + v + ") OR " + check + ")" : check;
    }

    /** The attribute of a timestamp field for an instant, in the field's Java type. */
    AttributeValue timestamp(FieldMetadata field, Instant now) {
        Class<?> type = field.rawType();
        Object value;
        if (type == Instant.class) {
            value = now;
        } else if (type == OffsetDateTime.class) {
            value = OffsetDateTime.ofInstant(now, ctx.clock().getZone());
        } else if (type == ZonedDateTime.class) {
            value = ZonedDateTime.ofInstant(now, ctx.clock().getZone());
        } else if (type == LocalDateTime.class) {
            value = LocalDateTime.ofInstant(now, ctx.clock().getZone());
        } else {
            value = now.toEpochMilli();
        }
        return field.toAttributeValue(value);
    }

    private static boolean absent(AttributeValue v) {
        return v == null || Boolean.TRUE.equals(v.nul()) || "0".equals(v.n());
    }

    /** Whether an item's {@code @Ttl} time has passed by the engine's clock. */
    boolean expired(Map<String, AttributeValue> item) {
        if (ttl == null || item == null) {
            return false;
        }
        AttributeValue v = item.get(ttl.attributeName());
        if (v == null || v.n() == null) {
            return false;
        }
        try {
            return new BigDecimal(v.n()).longValue() < now().getEpochSecond();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    // ---- helpers ----

    /**
     * Converts an item for writing, rejecting null items, null keys and unprotected encrypted
     * fields.
     */
    Map<String, AttributeValue> itemToWrite(T item, Operation op, boolean checkSize) {
        if (item == null) {
            throw new InvalidRequestException(
                    op.name().toLowerCase(Locale.ROOT) + " of a null " + model.type().getName(),
                    op,
                    model.type(),
                    null);
        }
        table.requireWritableForWrite(op);
        Map<String, AttributeValue> attributes = model.toItem(item, op);
        if (checkSize) {
            checkSize(attributes, op);
        }
        return attributes;
    }

    private long checkSize(Map<String, AttributeValue> attributes, Operation op) {
        long size = ItemSize.of(attributes);
        if (size > ItemSize.MAX_ITEM_BYTES) {
            throw new ItemTooLargeException(
                    String.format(
                            Locale.ROOT,
                            "item with key %s of model %s is %d bytes; DynamoDB stores at most %d bytes per item",
                            table.describeKey(table.keyOf(attributes, op)),
                            model.type().getName(),
                            size,
                            ItemSize.MAX_ITEM_BYTES),
                    op,
                    model.type(),
                    null);
        }
        if (size > NEAR_LIMIT_BYTES) {
            warnNearLimit(attributes, size);
        }
        return size;
    }

    /**
     * Logs an item close to the size limit, at most once a minute per table so large items do not
     * flood the log.
     */
    private void warnNearLimit(Map<String, AttributeValue> attributes, long size) {
        long now = System.nanoTime();
        Long last = lastNearLimitWarning.get();
        if (last != null && now - last < NEAR_LIMIT_WARN_INTERVAL_NANOS
                || !lastNearLimitWarning.compareAndSet(last, now)) {
            return;
        }
        Map<String, AttributeValue> key = new java.util.LinkedHashMap<>();
        key.put(
                model.partitionKey().attributeName(),
                attributes.get(model.partitionKey().attributeName()));
        model.sortKey()
                .ifPresent(sk -> key.put(sk.attributeName(), attributes.get(sk.attributeName())));
        key.values().removeIf(java.util.Objects::isNull);
        String shown =
                ctx.logAttributeValues() ? table.describeKey(key) : key.keySet() + "=<redacted>";
        LOG.warn(
                "item with key {} of model {} in table '{}' is {} bytes, over 90% of DynamoDB's {}-byte item "
                        + "limit: writes fail once it grows past the limit; move large attributes elsewhere (e.g. S3) or "
                        + "split the item (further warnings for this table are suppressed for a minute)",
                shown, model.type().getName(), tableName, size, ItemSize.MAX_ITEM_BYTES);
    }

    private String checkLength(String expression) {
        if (expression != null && expression.length() > MAX_EXPRESSION_BYTES) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "an expression for model %s is %d characters; DynamoDB accepts at most %d: split the write",
                            model.type().getName(),
                            expression.length(),
                            MAX_EXPRESSION_BYTES),
                    Operation.UPDATE,
                    model.type(),
                    null);
        }
        return expression;
    }

    private Object written(T item, Map<String, AttributeValue> attributes) {
        if (!lifecycle) {
            return item;
        }
        if (!(model instanceof HookedModel)) {
            return fromItemSafely(attributes);
        }
        // plugins transformed the attributes (e.g. encrypted them): the item as given, with the
        // managed values
        Map<String, AttributeValue> plain = HookedModel.unhooked(model).toItem(item);
        for (FieldMetadata f : new FieldMetadata[] {version, createdAt, updatedAt}) {
            if (f != null && attributes.get(f.attributeName()) != null) {
                plain.put(f.attributeName(), attributes.get(f.attributeName()));
            }
        }
        return fromItemSafely(plain);
    }

    Object fromItemSafely(Map<String, AttributeValue> item) {
        try {
            return model.fromItem(item);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * A stored item (of a failed condition) as a model, read through the plugins like any read (so
     * encrypted fields are decrypted), or null when it cannot be read.
     */
    Object storedModel(Map<String, AttributeValue> stored, Operation op) {
        try {
            return model.fromItem(stored, op);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The attributes of an instance, for its key and version only (never sent whole, so not
     * transformed by plugins), rejecting null items and unprotected encrypted fields.
     */
    Map<String, AttributeValue> itemForKey(T item, Operation op) {
        if (item == null) {
            throw new InvalidRequestException(
                    op.name().toLowerCase(Locale.ROOT) + " of a null " + model.type().getName(),
                    op,
                    model.type(),
                    null);
        }
        table.requireWritableForWrite(op);
        return HookedModel.unhooked(model).toItem(item, op);
    }

    /**
     * Passes the values an update builder sets on {@code @Encrypted} fields through the plugins'
     * write transforms as one partial item with the item's key, where the encryption plugin
     * encrypts them; the chain refuses values that come back unencrypted.
     */
    private void sealEncryptedValues(
            Map<String, AttributeValue> key, ExpressionBuilder expr, Clauses clauses) {
        if (clauses.encrypted.isEmpty()) {
            return;
        }
        Map<String, AttributeValue> values = new java.util.LinkedHashMap<>();
        clauses.encrypted.forEach(
                (attribute, placeholder) -> values.put(attribute, expr.values().get(placeholder)));
        Map<String, AttributeValue> sealed =
                ctx.executor()
                        .hooks()
                        .beforeWrite(Operation.UPDATE, tableName, model.type(), values, true, key);
        for (Map.Entry<String, String> e : clauses.encrypted.entrySet()) {
            AttributeValue v = sealed.get(e.getKey());
            if (v == null || ctx.executor().hooks().isEmpty()) {
                throw new dev.dynamorm.PluginException(
                        String.format(
                                Locale.ROOT,
                                "the value set on @Encrypted attribute '%s' of model %s was not encrypted by any plugin: "
                                        + "refusing the update rather than writing it in plaintext",
                                e.getKey(),
                                model.type().getName()),
                        null,
                        Operation.UPDATE,
                        model.type(),
                        null);
            }
            expr.replaceValue(e.getValue(), v);
        }
    }

    private List<FieldMetadata> chosenFields(String[] fields) {
        List<FieldMetadata> chosen = new ArrayList<>();
        if (fields == null || fields.length == 0) {
            for (FieldMetadata f : model.fields()) {
                if (!f.isPartitionKey()
                        && !f.isSortKey()
                        && !f.isVersion()
                        && !f.isCreatedAt()
                        && !f.isUpdatedAt()) {
                    chosen.add(f);
                }
            }
            return chosen;
        }
        for (String name : fields) {
            FieldMetadata f = model.field(name);
            if (f == null) {
                AttributePath.resolve(model, name, Operation.UPDATE); // throws with a suggestion
                throw new UnknownFieldException(
                        "unknown field '" + name + "' in model " + model.type().getName(),
                        Operation.UPDATE,
                        model.type(),
                        name);
            }
            if (f.isPartitionKey() || f.isSortKey()) {
                throw new InvalidRequestException(
                        String.format(
                                Locale.ROOT,
                                "cannot update key field '%s' of model %s: the key identifies the item (delete it and "
                                        + "create a new one instead)",
                                name,
                                model.type().getName()),
                        Operation.UPDATE,
                        model.type(),
                        null);
            }
            if (f.isVersion()) {
                throw managedVersion(name);
            }
            if (f.isUpdatedAt()) {
                continue; // always set from the clock
            }
            if (!chosen.contains(f)) {
                chosen.add(f);
            }
        }
        return chosen;
    }

    private InvalidRequestException managedVersion(String name) {
        return new InvalidRequestException(
                String.format(
                        Locale.ROOT,
                        "field '%s' of model %s is the @Version counter, which DynamORM checks and increments on every "
                                + "write: do not write it yourself",
                        name,
                        model.type().getName()),
                Operation.UPDATE,
                model.type(),
                null);
    }

    private String and(String base, Condition extra, ExpressionBuilder expr, Operation op) {
        if (extra == null) {
            return base;
        }
        String compiled = ctx.conditions().compile(model, extra, expr, op);
        return base == null ? compiled : base + " AND (" + compiled + ")";
    }

    private void requireReturnValue(WriteOptions options, Operation op, ReturnValue... allowed) {
        if (!Arrays.asList(allowed).contains(options.returnValue())) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "%s supports return values %s, not %s",
                            op.name().toLowerCase(Locale.ROOT),
                            Arrays.toString(allowed),
                            options.returnValue()),
                    op,
                    model.type(),
                    null);
        }
    }

    private static ReturnValuesOnConditionCheckFailure onFailure(WriteOptions options) {
        return options.returnItemOnConditionFailure()
                ? ReturnValuesOnConditionCheckFailure.ALL_OLD
                : ReturnValuesOnConditionCheckFailure.NONE;
    }

    @SuppressWarnings("unchecked")
    private WriteResult<T> result(
            Map<String, AttributeValue> returned, ConsumedCapacity capacity, PreparedWrite p) {
        boolean has = returned != null && !returned.isEmpty();
        return new WriteResult<>(
                has ? Optional.of(readReturned(returned, p)) : Optional.empty(),
                has ? returned : Map.of(),
                Optional.ofNullable(capacity),
                Optional.ofNullable((T) p.written()));
    }

    /**
     * The attributes a write returned as a model, read through the plugins like any read (so
     * encrypted fields are decrypted); UPDATED_OLD/UPDATED_NEW lack the key, which is given.
     */
    private T readReturned(Map<String, AttributeValue> returned, PreparedWrite p) {
        boolean partial = !returned.containsKey(model.partitionKey().attributeName());
        Map<String, AttributeValue> item =
                ctx.executor()
                        .hooks()
                        .afterRead(p.op(), tableName, model.type(), returned, partial, p.key());
        return HookedModel.unhooked(model).fromItem(item, p.op());
    }

    // ---- update-expression compilation ----

    /** The clauses of an update expression and the paths they touch. */
    private final class Clauses {
        final StringJoiner set = new StringJoiner(", ");
        final StringJoiner remove = new StringJoiner(", ");
        final StringJoiner add = new StringJoiner(", ");
        final StringJoiner delete = new StringJoiner(", ");
        final List<List<String>> paths = new ArrayList<>();
        final List<String> javaPaths = new ArrayList<>();

        /**
         * Attribute name to the value placeholder of each whole {@code @Encrypted} field an action
         * sets.
         */
        final Map<String, String> encrypted = new java.util.LinkedHashMap<>();

        /** Registers a path, failing when it is, contains or is inside a path already used. */
        void claim(List<String> segments, String javaPath) {
            for (int i = 0; i < paths.size(); i++) {
                List<String> other = paths.get(i);
                int n = Math.min(other.size(), segments.size());
                if (other.subList(0, n).equals(segments.subList(0, n))) {
                    throw new InvalidRequestException(
                            String.format(
                                    Locale.ROOT,
                                    "update of model %s has two actions on %s: '%s' and '%s'; DynamoDB rejects actions on "
                                            + "the same or overlapping paths: combine them into one action",
                                    model.type().getName(),
                                    other.size() == segments.size()
                                            ? "the same path"
                                            : "overlapping paths",
                                    javaPaths.get(i),
                                    javaPath),
                            Operation.UPDATE,
                            model.type(),
                            null);
                }
            }
            paths.add(segments);
            javaPaths.add(javaPath);
        }

        boolean touches(String attributeName) {
            for (List<String> p : paths) {
                if (p.get(0).equals(attributeName)) {
                    return true;
                }
            }
            return false;
        }

        String render() {
            StringJoiner out = new StringJoiner(" ");
            if (set.length() > 0) {
                out.add("SET " + set);
            }
            if (remove.length() > 0) {
                out.add("REMOVE " + remove);
            }
            if (add.length() > 0) {
                out.add("ADD " + add);
            }
            if (delete.length() > 0) {
                out.add("DELETE " + delete);
            }
            return out.toString();
        }
    }

    private void compile(DefaultUpdateBuilder.Action a, ExpressionBuilder expr, Clauses clauses) {
        DefaultUpdateBuilder.Kind kind = a.kind();
        String javaPath = a.field();
        if (kind == DefaultUpdateBuilder.Kind.REMOVE_AT
                || kind == DefaultUpdateBuilder.Kind.SET_AT) {
            if (a.index() < 0) {
                throw invalid(
                        "list index for field '%s' of model %s must be 0 or more, got %d",
                        a.field(), model.type().getName(), a.index());
            }
            javaPath = a.field() + "[" + a.index() + "]";
        }
        AttributePath path = AttributePath.resolve(model, javaPath, Operation.UPDATE);
        FieldMetadata top = model.fieldByAttribute(path.segments().get(0));
        if (top != null && (top.isPartitionKey() || top.isSortKey())) {
            throw invalid(
                    "cannot update key field '%s' of model %s: the key identifies the item (delete it and "
                            + "create a new one instead)",
                    a.field(), model.type().getName());
        }
        if (top != null && top.isVersion()) {
            throw managedVersion(a.field());
        }
        boolean encrypted = path.encrypted(model);
        if (encrypted
                && !(path.isTopLevel()
                        && !path.indexed()
                        && (kind == DefaultUpdateBuilder.Kind.SET
                                || kind == DefaultUpdateBuilder.Kind.SET_IF_NOT_EXISTS
                                || kind == DefaultUpdateBuilder.Kind.REMOVE))) {
            throw invalid(
                    "field '%s' of model %s is @Encrypted, so %s cannot work on it: its stored value is "
                            + "ciphertext; set(...) or remove(...) the whole field instead",
                    javaPath, model.type().getName(), describe(a, path));
        }
        clauses.claim(path.segments(), javaPath);
        String p = path.render(expr);
        FieldMetadata leaf = path.leaf();
        switch (kind) {
            case SET -> {
                if (a.value() == null) {
                    clauses.remove.add(p);
                } else {
                    String v =
                            expr.value(
                                    encrypted
                                            ? bindSecret(path, a.field(), a.value())
                                            : bind(path, a.field(), a.value()));
                    if (encrypted) {
                        clauses.encrypted.put(path.segments().get(0), v);
                    }
                    clauses.set.add(p + " = " + v);
                }
            }
            case SET_IF_NOT_EXISTS -> {
                String v =
                        expr.value(
                                encrypted
                                        ? bindSecret(path, a.field(), a.value())
                                        : bind(path, a.field(), a.value()));
                if (encrypted) {
                    clauses.encrypted.put(path.segments().get(0), v);
                }
                clauses.set.add(p + " = if_not_exists(" + p + ", " + v + ")");
            }
            case SET_AT ->
                    clauses.set.add(
                            p
                                    + " = "
                                    + expr.value(
                                            ctx.values()
                                                    .bindListElement(
                                                            model.type(),
                                                            Operation.UPDATE,
                                                            javaPath,
                                                            leaf,
                                                            a.value())));
            case REMOVE, REMOVE_AT -> {
                if (kind == DefaultUpdateBuilder.Kind.REMOVE_AT) {
                    requireType(leaf, a.field(), "removeFromList", AttributeValue.Type.L);
                }
                clauses.remove.add(p);
            }
            case ADD -> {
                requireTopLevel(path, a.field(), "add");
                AttributeValue.Type t = leaf.attributeType();
                if (t == AttributeValue.Type.N) {
                    clauses.add.add(p + " " + expr.value(number(a.field(), a.value(), false)));
                } else if (isSet(t)) {
                    clauses.add.add(p + " " + expr.value(members(leaf, a.field(), a.value())));
                } else {
                    throw invalid(
                            "add needs a number or set field, but '%s' of model %s is %s",
                            a.field(), model.type().getName(), leaf.genericType().getTypeName());
                }
            }
            case INCREMENT -> {
                if (!path.indexed()) {
                    requireType(
                            leaf,
                            a.field(),
                            a.negate() ? "decrement" : "increment",
                            AttributeValue.Type.N);
                }
                AttributeValue amount = number(a.field(), a.value(), a.negate());
                if (path.isTopLevel() && !path.indexed()) {
                    clauses.add.add(p + " " + expr.value(amount));
                } else {
                    clauses.set.add(
                            p
                                    + " = if_not_exists("
                                    + p
                                    + ", "
                                    + expr.value(AttributeValue.createN("0"))
                                    + ") + "
                                    + expr.value(amount));
                }
            }
            case DELETE -> {
                requireTopLevel(path, a.field(), "delete");
                if (!isSet(leaf.attributeType())) {
                    throw invalid(
                            "delete removes members of a set, but '%s' of model %s is %s",
                            a.field(), model.type().getName(), leaf.genericType().getTypeName());
                }
                clauses.delete.add(p + " " + expr.value(members(leaf, a.field(), a.value())));
            }
            case APPEND, PREPEND -> {
                if (path.indexed()) {
                    throw invalid(
                            "%s needs a list field, not the list element '%s' of model %s",
                            kind == DefaultUpdateBuilder.Kind.APPEND
                                    ? "appendToList"
                                    : "prependToList",
                            javaPath,
                            model.type().getName());
                }
                requireType(
                        leaf,
                        a.field(),
                        kind == DefaultUpdateBuilder.Kind.APPEND ? "appendToList" : "prependToList",
                        AttributeValue.Type.L);
                List<Object> values = asList(a.value());
                if (values.isEmpty()) {
                    throw invalid(
                            "no values to add to list '%s' of model %s",
                            a.field(), model.type().getName());
                }
                String v = expr.value(bind(path, a.field(), values));
                String existing =
                        "if_not_exists("
                                + p
                                + ", "
                                + expr.value(AttributeValue.createL(List.of()))
                                + ")";
                clauses.set.add(
                        p
                                + " = list_append("
                                + (kind == DefaultUpdateBuilder.Kind.APPEND
                                        ? existing + ", " + v
                                        : v + ", " + existing)
                                + ")");
            }
            default -> throw new IllegalStateException("unknown action " + kind);
        }
    }

    /** How an update action is named in messages. */
    private static String describe(DefaultUpdateBuilder.Action a, AttributePath path) {
        return switch (a.kind()) {
            case ADD -> "add(...)";
            case INCREMENT -> a.negate() ? "decrement(...)" : "increment(...)";
            case DELETE -> "delete(...) of set members";
            case APPEND -> "appendToList(...)";
            case PREPEND -> "prependToList(...)";
            case REMOVE_AT -> "removeFromList(...)";
            case SET_AT -> "setListElement(...)";
            default -> "an update of the nested path '" + String.join(".", path.segments()) + "'";
        };
    }

    /** Binds a value for an {@code @Encrypted} field; a failure never shows the value. */
    private AttributeValue bindSecret(AttributePath path, String javaPath, Object value) {
        try {
            return bind(path, javaPath, value);
        } catch (InvalidRequestException e) {
            throw invalid(
                    "the value given for @Encrypted field '%s' of model %s cannot be stored in it: it is a %s "
                            + "and the field is %s (the value is not shown, as the field is encrypted)",
                    javaPath,
                    model.type().getName(),
                    value == null ? "null" : value.getClass().getName(),
                    path.leaf().genericType().getTypeName());
        }
    }

    private AttributeValue bind(AttributePath path, String javaPath, Object value) {
        if (path.indexed()) {
            return ctx.values()
                    .bindListElement(model.type(), Operation.UPDATE, javaPath, path.leaf(), value);
        }
        AttributeValue av =
                ctx.values().bind(model.type(), Operation.UPDATE, javaPath, path.leaf(), value);
        if (av == null) {
            throw invalid(
                    "value %s for field '%s' of model %s converts to no attribute: use remove(...)",
                    value, javaPath, model.type().getName());
        }
        return av;
    }

    private AttributeValue number(String javaPath, Object value, boolean negate) {
        if (!(value instanceof Number n)) {
            throw invalid(
                    "value %s for field '%s' of model %s must be a number",
                    value, javaPath, model.type().getName());
        }
        try {
            BigDecimal d = new BigDecimal(ValueBinder.numberText(n));
            return AttributeValue.createN((negate ? d.negate() : d).toPlainString());
        } catch (IllegalArgumentException e) {
            throw invalid(
                    "value %s for field '%s' of model %s is not a number DynamoDB can store",
                    value, javaPath, model.type().getName());
        }
    }

    private AttributeValue members(FieldMetadata leaf, String javaPath, Object value) {
        List<Object> list = asList(value);
        if (list.isEmpty()) {
            throw invalid(
                    "no members given for set '%s' of model %s: DynamoDB has no empty sets",
                    javaPath, model.type().getName());
        }
        Object set = leaf.rawType().isInstance(list) ? list : new LinkedHashSet<>(list);
        return ctx.values().bind(model.type(), Operation.UPDATE, javaPath, leaf, set);
    }

    private static List<Object> asList(Object value) {
        if (value instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        if (value != null && value.getClass().isArray() && !(value instanceof byte[])) {
            int n = java.lang.reflect.Array.getLength(value);
            List<Object> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(java.lang.reflect.Array.get(value, i));
            }
            return out;
        }
        List<Object> single = new ArrayList<>(1);
        single.add(value);
        return single;
    }

    private static boolean isSet(AttributeValue.Type t) {
        return t == AttributeValue.Type.SS
                || t == AttributeValue.Type.NS
                || t == AttributeValue.Type.BS;
    }

    private void requireTopLevel(AttributePath path, String javaPath, String action) {
        if (!path.isTopLevel() || path.indexed()) {
            throw invalid(
                    "%s works on top-level attributes only (a DynamoDB rule), but '%s' of model %s is nested%s",
                    action,
                    javaPath,
                    model.type().getName(),
                    action.equals("add") ? ": use increment(...) for nested numbers" : "");
        }
    }

    private void requireType(
            FieldMetadata leaf, String javaPath, String action, AttributeValue.Type type) {
        if (leaf.attributeType() != type) {
            throw invalid(
                    "%s needs a %s field, but '%s' of model %s is %s",
                    action,
                    type == AttributeValue.Type.N ? "number" : "list",
                    javaPath,
                    model.type().getName(),
                    leaf.genericType().getTypeName());
        }
    }

    private InvalidRequestException invalid(String format, Object... args) {
        return new InvalidRequestException(
                String.format(Locale.ROOT, format, args), Operation.UPDATE, model.type(), null);
    }
}
