package dev.dynamorm.engine.internal.write;

import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Operation;
import dev.dynamorm.ReturnValue;
import dev.dynamorm.UpdateBuilder;
import dev.dynamorm.WriteOptions;
import dev.dynamorm.WriteResult;
import dev.dynamorm.engine.internal.expr.DefaultUpdateBuilder;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
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

    /**
     * The write path of one table.
     *
     * @param table the table
     */
    public TableWriter(TableContext<T> table) {
        super(table);
    }

    // ---- single-item operations ----

    public WriteResult<T> create(T item, WriteOptions options) {
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
        PutItemResponse response =
                ctx.executor()
                        .run(
                                table.event(Operation.CREATE, p.key()),
                                request,
                                r -> ctx.client().putItem(r),
                                e -> failure(p, e));
        return result(
                response.hasAttributes() ? response.attributes() : null,
                response.consumedCapacity(),
                p);
    }

    public WriteResult<T> put(T item, WriteOptions options) {
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
        PutItemResponse response =
                ctx.executor()
                        .run(
                                table.event(Operation.PUT, p.key()),
                                request,
                                r -> ctx.client().putItem(r),
                                e -> failure(p, e));
        return result(
                response.hasAttributes() ? response.attributes() : null,
                response.consumedCapacity(),
                p);
    }

    public WriteResult<T> update(T item, WriteOptions options, String... fields) {
        PreparedWrite p =
                prepareUpdateFields(
                        item, options.nullHandling(), options.condition().orElse(null), fields);
        return sendUpdate(p, options.returnValue());
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
        return sendUpdate(p, options.returnValue());
    }

    public WriteResult<T> update(T item, Consumer<UpdateBuilder> update) {
        Map<String, AttributeValue> attributes = itemForKey(item, Operation.UPDATE);
        DefaultUpdateBuilder u = build(update);
        PreparedWrite p =
                prepareUpdate(table.keyOf(attributes, Operation.UPDATE), attributes, u, null);
        return sendUpdate(p, u.returnValue());
    }

    public WriteResult<T> updateByKey(
            Map<String, AttributeValue> key, Consumer<UpdateBuilder> update) {
        DefaultUpdateBuilder u = build(update);
        PreparedWrite p = prepareUpdate(key, null, u, null);
        return sendUpdate(p, u.returnValue());
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
        PreparedWrite p =
                prepareDelete(
                        table.keyOf(attributes, Operation.DELETE),
                        versionCheck(attributes),
                        options.condition().orElse(null));
        return sendDelete(p, options);
    }

    public WriteResult<T> deleteByKey(Map<String, AttributeValue> key, WriteOptions options) {
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
        DeleteItemResponse response =
                ctx.executor()
                        .run(
                                table.event(Operation.DELETE, p.key()),
                                request,
                                r -> ctx.client().deleteItem(r),
                                e -> failure(p, e));
        return result(
                response.hasAttributes() ? response.attributes() : null,
                response.consumedCapacity(),
                p);
    }

    private WriteResult<T> sendUpdate(PreparedWrite p, ReturnValue returnValue) {
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
        UpdateItemResponse response =
                ctx.executor()
                        .run(
                                table.event(Operation.UPDATE, p.key()),
                                request,
                                r -> ctx.client().updateItem(r),
                                e -> failure(p, e));
        Map<String, AttributeValue> returned =
                response.hasAttributes() ? response.attributes() : null;
        WriteResult<T> r = result(returned, response.consumedCapacity(), p);
        if (returnValue == ReturnValue.ALL_NEW && r.item().isPresent()) {
            // the whole item as stored beats the instance as given
            return new WriteResult<>(r.item(), r.attributes(), r.consumedCapacity(), r.item());
        }
        return r;
    }
}
