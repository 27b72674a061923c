package dev.dynamorm.engine.internal;

import dev.dynamorm.Condition;
import dev.dynamorm.ConditionFailedException;
import dev.dynamorm.CreateTableOptions;
import dev.dynamorm.DynamORMException;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.ItemAlreadyExistsException;
import dev.dynamorm.ItemNotFoundException;
import dev.dynamorm.ItemTooLargeException;
import dev.dynamorm.NullHandling;
import dev.dynamorm.Operation;
import dev.dynamorm.Query;
import dev.dynamorm.ReturnValue;
import dev.dynamorm.SchemaDrift;
import dev.dynamorm.Table;
import dev.dynamorm.UnknownFieldException;
import dev.dynamorm.WriteOptions;
import dev.dynamorm.WriteResult;
import dev.dynamorm.engine.internal.model.FieldMetadata;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** The {@link Table} of one model: single-item operations, queries and table management. */
final class DefaultTable<T> implements Table<T> {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultTable.class);

    private final ModelMetadata<T> model;
    private final EngineContext ctx;
    private final String tableName;
    private final TableAdmin admin;

    DefaultTable(ModelMetadata<T> model, EngineContext ctx) {
        this.model = model;
        this.ctx = ctx;
        this.tableName = ctx.tableNamePrefix() + model.tableName().orElseThrow();
        this.admin = new TableAdmin(model, tableName, ctx);
    }

    ModelMetadata<T> model() {
        return model;
    }

    EngineContext context() {
        return ctx;
    }

    @Override
    public Class<T> modelType() {
        return model.type();
    }

    @Override
    public String tableName() {
        return tableName;
    }

    @Override
    public WriteResult<T> create(T item, WriteOptions options) {
        requireReturnValue(options, Operation.CREATE, ReturnValue.NONE, ReturnValue.ALL_OLD);
        Map<String, AttributeValue> attributes = itemToWrite(item, Operation.CREATE);
        Map<String, AttributeValue> key = keyOf(attributes, Operation.CREATE);
        ExpressionBuilder expr = new ExpressionBuilder();
        String condition = "attribute_not_exists(" + expr.name(model.partitionKey().attributeName()) + ")";
        condition = and(condition, options.condition(), expr, Operation.CREATE);
        PutItemRequest request = PutItemRequest.builder().tableName(tableName).item(attributes)
                .conditionExpression(condition).expressionAttributeNames(expr.names())
                .expressionAttributeValues(expr.values()).returnValues(options.returnValue().name())
                .returnValuesOnConditionCheckFailure(onFailure(options)).build();
        debug(Operation.CREATE, condition, expr);
        boolean userCondition = options.condition().isPresent();
        PutItemResponse response = ctx.executor().run(event(Operation.CREATE, key), () -> ctx.client().putItem(request),
                e -> {
                    DynamORMException mapped = map(e, Operation.CREATE);
                    if (mapped instanceof ConditionFailedException cf) {
                        Optional<Map<String, AttributeValue>> stored = storedItem(cf, key);
                        if (stored.isPresent() || !userCondition) {
                            return new ItemAlreadyExistsException(String.format(Locale.ROOT,
                                    "an item with key %s already exists in table '%s' (model %s)", describeKey(key),
                                    tableName, model.type().getName()), model.type(), stored.orElse(null),
                                    stored.map(model::fromItem).orElse(null), e);
                        }
                    }
                    return mapped;
                });
        return result(response.hasAttributes() ? response.attributes() : null, response.consumedCapacity());
    }

    @Override
    public WriteResult<T> put(T item, WriteOptions options) {
        requireReturnValue(options, Operation.PUT, ReturnValue.NONE, ReturnValue.ALL_OLD);
        Map<String, AttributeValue> attributes = itemToWrite(item, Operation.PUT);
        Map<String, AttributeValue> key = keyOf(attributes, Operation.PUT);
        ExpressionBuilder expr = new ExpressionBuilder();
        String condition = and(null, options.condition(), expr, Operation.PUT);
        PutItemRequest request = PutItemRequest.builder().tableName(tableName).item(attributes)
                .conditionExpression(condition).expressionAttributeNames(expr.names())
                .expressionAttributeValues(expr.values()).returnValues(options.returnValue().name())
                .returnValuesOnConditionCheckFailure(condition == null ? null : onFailure(options)).build();
        debug(Operation.PUT, condition, expr);
        PutItemResponse response = ctx.executor().run(event(Operation.PUT, key), () -> ctx.client().putItem(request),
                e -> withStoredItem(map(e, Operation.PUT), key, Operation.PUT));
        return result(response.hasAttributes() ? response.attributes() : null, response.consumedCapacity());
    }

    @Override
    public Optional<T> get(Object partitionKey) {
        if (model.sortKey().isPresent()) {
            throw new InvalidRequestException(String.format(Locale.ROOT,
                    "model %s has sort key '%s': call get(partitionKey, sortKey)", model.type().getName(),
                    model.sortKey().get().name()), Operation.GET, model.type(), null);
        }
        return getItem(key(partitionKey, null, Operation.GET));
    }

    @Override
    public Optional<T> get(Object partitionKey, Object sortKey) {
        if (model.sortKey().isEmpty()) {
            throw new InvalidRequestException(String.format(Locale.ROOT,
                    "model %s has no sort key: call get(partitionKey)", model.type().getName()), Operation.GET,
                    model.type(), null);
        }
        return getItem(key(partitionKey, sortKey, Operation.GET));
    }

    Optional<T> getItem(Map<String, AttributeValue> key) {
        requireReadable(Operation.GET);
        GetItemRequest request = GetItemRequest.builder().tableName(tableName).key(key).build();
        GetItemResponse response = ctx.executor().run(event(Operation.GET, key), () -> ctx.client().getItem(request),
                e -> map(e, Operation.GET));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(model.fromItem(response.item()))
                : Optional.empty();
    }

    @Override
    public WriteResult<T> update(T item, WriteOptions options, String... fields) {
        Map<String, AttributeValue> attributes = itemToWrite(item, Operation.UPDATE);
        Map<String, AttributeValue> key = keyOf(attributes, Operation.UPDATE);
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
            } else if (options.nullHandling() == NullHandling.REMOVE) {
                remove.add(expr.name(f.attributeName()));
            }
        }
        String updateExpression = (set + " " + remove).trim();
        if (updateExpression.isEmpty()) {
            throw new InvalidRequestException(String.format(Locale.ROOT,
                    "nothing to update for key %s in model %s: every chosen field %s is null and null handling is "
                            + "SKIP (use NullHandling.REMOVE to remove attributes)", describeKey(key),
                    model.type().getName(), chosen.stream().map(FieldMetadata::name).toList()), Operation.UPDATE,
                    model.type(), null);
        }
        String condition = "attribute_exists(" + expr.name(model.partitionKey().attributeName()) + ")";
        condition = and(condition, options.condition(), expr, Operation.UPDATE);
        UpdateItemRequest request = UpdateItemRequest.builder().tableName(tableName).key(key)
                .updateExpression(updateExpression).conditionExpression(condition)
                .expressionAttributeNames(expr.names()).expressionAttributeValues(expr.values())
                .returnValues(options.returnValue().name())
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build();
        debug(Operation.UPDATE, updateExpression + " IF " + condition, expr);
        UpdateItemResponse response = ctx.executor().run(event(Operation.UPDATE, key),
                () -> ctx.client().updateItem(request), e -> {
                    DynamORMException mapped = withStoredItem(map(e, Operation.UPDATE), key, Operation.UPDATE);
                    if (mapped instanceof ConditionFailedException cf && cf.storedItem().isEmpty()) {
                        return new ItemNotFoundException(String.format(Locale.ROOT,
                                "no item with key %s in table '%s' (model %s) to update", describeKey(key), tableName,
                                model.type().getName()), Operation.UPDATE, model.type(), e);
                    }
                    return mapped;
                });
        return result(response.hasAttributes() ? response.attributes() : null, response.consumedCapacity());
    }

    @Override
    public WriteResult<T> delete(T item, WriteOptions options) {
        requireReturnValue(options, Operation.DELETE, ReturnValue.NONE, ReturnValue.ALL_OLD);
        Map<String, AttributeValue> key = keyOf(model.toItem(item), Operation.DELETE);
        ExpressionBuilder expr = new ExpressionBuilder();
        String condition = and(null, options.condition(), expr, Operation.DELETE);
        DeleteItemRequest request = DeleteItemRequest.builder().tableName(tableName).key(key)
                .conditionExpression(condition).expressionAttributeNames(expr.names())
                .expressionAttributeValues(expr.values()).returnValues(options.returnValue().name())
                .returnValuesOnConditionCheckFailure(condition == null ? null : onFailure(options)).build();
        debug(Operation.DELETE, condition, expr);
        DeleteItemResponse response = ctx.executor().run(event(Operation.DELETE, key),
                () -> ctx.client().deleteItem(request), e -> withStoredItem(map(e, Operation.DELETE), key,
                        Operation.DELETE));
        return result(response.hasAttributes() ? response.attributes() : null, response.consumedCapacity());
    }

    @Override
    public Query<T> where(String field, String operator, Object value) {
        return new DefaultQuery<>(this, List.of()).where(field, operator, value);
    }

    @Override
    public Map<String, AttributeValue> toItem(T item) {
        return model.toItem(item);
    }

    @Override
    public T fromItem(Map<String, AttributeValue> item) {
        return model.fromItem(item);
    }

    @Override
    public void createTable(CreateTableOptions options) {
        admin.create(options);
    }

    @Override
    public boolean createTableIfMissing() {
        return admin.createIfMissing();
    }

    @Override
    public boolean tableExists() {
        return admin.exists();
    }

    @Override
    public TableDescription describeTable() {
        return admin.describe();
    }

    @Override
    public void deleteTable() {
        admin.delete();
    }

    @Override
    public SchemaDrift drift() {
        return admin.drift();
    }

    /**
     * The stored item of a failed condition: as DynamoDB returned it, or, from servers that do not
     * support ReturnValuesOnConditionCheckFailure, read with a consistent GetItem right after.
     */
    private Optional<Map<String, AttributeValue>> storedItem(ConditionFailedException cf,
            Map<String, AttributeValue> key) {
        if (cf.storedItem().isPresent()) {
            return cf.storedItem();
        }
        try {
            GetItemResponse r = ctx.client().getItem(b -> b.tableName(tableName).key(key).consistentRead(true));
            return r.hasItem() && !r.item().isEmpty() ? Optional.of(r.item()) : Optional.empty();
        } catch (SdkException readFailed) {
            cf.addSuppressed(readFailed);
            return Optional.empty();
        }
    }

    private DynamORMException withStoredItem(DynamORMException mapped, Map<String, AttributeValue> key, Operation op) {
        if (!(mapped instanceof ConditionFailedException cf) || cf.storedItem().isPresent()) {
            return mapped;
        }
        Optional<Map<String, AttributeValue>> stored = storedItem(cf, key);
        if (stored.isEmpty()) {
            return mapped;
        }
        return new ConditionFailedException(mapped.getMessage(), op, model.type(), stored.get(),
                model.fromItem(stored.get()), mapped.getCause());
    }

    // ---- shared helpers ----

    /** Converts an item for writing, rejecting null keys, oversize items and unprotected encrypted fields. */
    private Map<String, AttributeValue> itemToWrite(T item, Operation op) {
        if (item == null) {
            throw new InvalidRequestException(op.name().toLowerCase(Locale.ROOT) + " of a null " + model.type().getName(),
                    op, model.type(), null);
        }
        requireWritable(op);
        Map<String, AttributeValue> attributes = model.toItem(item);
        if (!ItemSize.fitsInItem(attributes)) {
            throw new ItemTooLargeException(String.format(Locale.ROOT,
                    "item with key %s of model %s is %d bytes; DynamoDB stores at most %d bytes per item",
                    describeKey(keyOf(attributes, op)), model.type().getName(), ItemSize.of(attributes),
                    ItemSize.MAX_ITEM_BYTES), op, model.type(), null);
        }
        return attributes;
    }

    private void requireWritable(Operation op) {
        if (!model.encryptedFields().isEmpty() && !ctx.encryptionAvailable()) {
            throw new InvalidRequestException(String.format(Locale.ROOT,
                    "model %s has @Encrypted fields %s but no encryption plugin is installed: refusing to write "
                            + "them in plaintext (add dynamorm-plugin-encryption and configure a key provider)",
                    model.type().getName(), model.encryptedFields().stream().map(FieldMetadata::name).toList()), op,
                    model.type(), null);
        }
    }

    private void requireReadable(Operation op) {
        if (!model.encryptedFields().isEmpty() && !ctx.encryptionAvailable()) {
            throw new InvalidRequestException(String.format(Locale.ROOT,
                    "model %s has @Encrypted fields %s but no encryption plugin is installed: cannot read them "
                            + "(add dynamorm-plugin-encryption and configure a key provider)",
                    model.type().getName(), model.encryptedFields().stream().map(FieldMetadata::name).toList()), op,
                    model.type(), null);
        }
    }

    void requireReadableForQuery(Operation op) {
        requireReadable(op);
    }

    Map<String, AttributeValue> keyOf(Map<String, AttributeValue> attributes, Operation op) {
        Map<String, AttributeValue> key = new HashMap<>(4);
        FieldMetadata pk = model.partitionKey();
        AttributeValue pkValue = attributes.get(pk.attributeName());
        if (pkValue == null) {
            throw new InvalidRequestException(String.format(Locale.ROOT,
                    "partition key '%s' of model %s is null: every item needs its key", pk.name(),
                    model.type().getName()), op, model.type(), null);
        }
        key.put(pk.attributeName(), pkValue);
        if (model.sortKey().isPresent()) {
            FieldMetadata sk = model.sortKey().get();
            AttributeValue skValue = attributes.get(sk.attributeName());
            if (skValue == null) {
                throw new InvalidRequestException(String.format(Locale.ROOT,
                        "sort key '%s' of model %s is null: every item needs its full key", sk.name(),
                        model.type().getName()), op, model.type(), null);
            }
            key.put(sk.attributeName(), skValue);
        }
        return key;
    }

    Map<String, AttributeValue> key(Object partitionKey, Object sortKey, Operation op) {
        Map<String, AttributeValue> key = new HashMap<>(4);
        FieldMetadata pk = model.partitionKey();
        key.put(pk.attributeName(), ctx.values().bind(model.type(), op, pk.name(), pk, partitionKey));
        if (sortKey != null) {
            FieldMetadata sk = model.sortKey().orElseThrow();
            key.put(sk.attributeName(), ctx.values().bind(model.type(), op, sk.name(), sk, sortKey));
        } else if (model.sortKey().isPresent()) {
            throw new InvalidRequestException(String.format(Locale.ROOT, "sort key '%s' of model %s is null",
                    model.sortKey().get().name(), model.type().getName()), op, model.type(), null);
        }
        return key;
    }

    private List<FieldMetadata> chosenFields(String[] fields) {
        List<FieldMetadata> chosen = new ArrayList<>();
        if (fields == null || fields.length == 0) {
            for (FieldMetadata f : model.fields()) {
                if (!f.isPartitionKey() && !f.isSortKey()) {
                    chosen.add(f);
                }
            }
            return chosen;
        }
        for (String name : fields) {
            FieldMetadata f = model.field(name);
            if (f == null) {
                AttributePath.resolve(model, name, Operation.UPDATE); // throws with a suggestion
                throw new UnknownFieldException("unknown field '" + name + "' in model " + model.type().getName(),
                        Operation.UPDATE, model.type(), name);
            }
            if (f.isPartitionKey() || f.isSortKey()) {
                throw new InvalidRequestException(String.format(Locale.ROOT,
                        "cannot update key field '%s' of model %s: the key identifies the item (delete it and "
                                + "create a new one instead)", name, model.type().getName()), Operation.UPDATE,
                        model.type(), null);
            }
            if (!chosen.contains(f)) {
                chosen.add(f);
            }
        }
        return chosen;
    }

    private String and(String base, Optional<Condition> extra, ExpressionBuilder expr, Operation op) {
        if (extra.isEmpty()) {
            return base;
        }
        String compiled = ctx.conditions().compile(model, extra.get(), expr, op);
        return base == null ? compiled : base + " AND (" + compiled + ")";
    }

    private void requireReturnValue(WriteOptions options, Operation op, ReturnValue... allowed) {
        if (!Arrays.asList(allowed).contains(options.returnValue())) {
            throw new InvalidRequestException(String.format(Locale.ROOT,
                    "%s supports return values %s, not %s", op.name().toLowerCase(Locale.ROOT),
                    Arrays.toString(allowed), options.returnValue()), op, model.type(), null);
        }
    }

    private static ReturnValuesOnConditionCheckFailure onFailure(WriteOptions options) {
        return options.returnItemOnConditionFailure() ? ReturnValuesOnConditionCheckFailure.ALL_OLD
                : ReturnValuesOnConditionCheckFailure.NONE;
    }

    private WriteResult<T> result(Map<String, AttributeValue> returned, ConsumedCapacity capacity) {
        boolean has = returned != null && !returned.isEmpty();
        return new WriteResult<>(has ? Optional.of(model.fromItem(returned)) : Optional.empty(),
                has ? returned : Map.of(), Optional.ofNullable(capacity));
    }

    Event event(Operation op, Map<String, AttributeValue> key) {
        return new Event(op, tableName, model.type(), Optional.ofNullable(key));
    }

    DynamORMException map(SdkException e, Operation op) {
        return ErrorMapper.map(e, op, model.type(), tableName, item -> model.fromItem(item));
    }

    void debug(Operation op, String expression, ExpressionBuilder expr) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} expression=[{}] names={} values={}", op, tableName, expression, expr.names(),
                    ctx.logAttributeValues() ? expr.values() : redacted(expr.values()));
        }
    }

    private static Object redacted(Map<String, AttributeValue> values) {
        return values == null ? null : values.keySet() + "=<redacted>";
    }

    String describeKey(Map<String, AttributeValue> key) {
        StringJoiner out = new StringJoiner(", ", "{", "}");
        key.forEach((k, v) -> out.add(k + "=" + scalar(v)));
        return out.toString();
    }

    private static String scalar(AttributeValue v) {
        if (v.s() != null) {
            return "'" + v.s() + "'";
        }
        if (v.n() != null) {
            return v.n();
        }
        return v.type().name();
    }
}
