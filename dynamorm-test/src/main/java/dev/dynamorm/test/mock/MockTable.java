package dev.dynamorm.test.mock;

import dev.dynamorm.BatchGetResult;
import dev.dynamorm.BatchOptions;
import dev.dynamorm.BatchWriteResult;
import dev.dynamorm.Condition;
import dev.dynamorm.CreateTableOptions;
import dev.dynamorm.Key;
import dev.dynamorm.Operation;
import dev.dynamorm.Query;
import dev.dynamorm.SchemaDrift;
import dev.dynamorm.Table;
import dev.dynamorm.UpdateBuilder;
import dev.dynamorm.WriteOptions;
import dev.dynamorm.WriteResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * A table of a {@link MockDB}: reads and writes become calls answered by the MockDB's expectations;
 * table management and item conversion are not mocked.
 *
 * @param <T> the model type
 */
final class MockTable<T> implements Table<T> {

    private final MockDB db;
    private final Class<T> modelType;
    private final String tableName;

    MockTable(MockDB db, Class<T> modelType, String tableName) {
        this.db = db;
        this.modelType = modelType;
        this.tableName = tableName;
    }

    MockDB db() {
        return db;
    }

    @Override
    public Class<T> modelType() {
        return modelType;
    }

    @Override
    public String tableName() {
        return tableName;
    }

    /** A call on this table; options are part of it only when they are not the defaults. */
    MockCall call(String operation, List<MockCall.Part> parts) {
        return new MockCall(tableName, operation, parts, null);
    }

    static List<MockCall.Part> parts(Object... labelsAndValues) {
        List<MockCall.Part> parts = new ArrayList<>();
        for (int i = 0; i + 1 < labelsAndValues.length; i += 2) {
            parts.add(new MockCall.Part((String) labelsAndValues[i], labelsAndValues[i + 1]));
        }
        return parts;
    }

    /** The parts with the options, unless they are the defaults; a condition's values typed. */
    private List<MockCall.Part> withOptions(
            List<MockCall.Part> parts, Operation op, WriteOptions options) {
        Objects.requireNonNull(options, "options");
        if (!options.equals(WriteOptions.defaults())) {
            WriteOptions typed = options;
            if (options.condition().isPresent()) {
                Condition c = options.condition().get();
                Condition t = db.values().condition(modelType, op, c);
                typed = t == c ? options : options.toBuilder().condition(t).build();
            }
            parts.add(new MockCall.Part("options", typed));
        }
        return parts;
    }

    private T checked(T item) {
        Objects.requireNonNull(item, "item");
        if (!modelType.isInstance(item)) {
            throw new IllegalArgumentException(
                    "the table of "
                            + modelType.getSimpleName()
                            + " got a "
                            + item.getClass().getName());
        }
        return item;
    }

    private Key typed(Operation op, Key key) {
        return db.values().key(modelType, op, Objects.requireNonNull(key, "key"));
    }

    private List<Key> typed(Operation op, Collection<Key> keys) {
        List<Key> out = new ArrayList<>(keys.size());
        for (Key key : keys) {
            out.add(typed(op, key));
        }
        return List.copyOf(out);
    }

    // ---- calls, in the shape MockDB.TableStub programs them ----

    MockCall createCall(T item, WriteOptions options) {
        return call("create", withOptions(parts("item", checked(item)), Operation.CREATE, options));
    }

    MockCall putCall(T item, WriteOptions options) {
        return call("put", withOptions(parts("item", checked(item)), Operation.PUT, options));
    }

    MockCall updateCall(T item, WriteOptions options, String... fields) {
        List<MockCall.Part> parts = parts("item", checked(item));
        if (fields.length > 0) {
            parts.add(new MockCall.Part("fields", Arrays.asList(fields.clone())));
        }
        return call("update", withOptions(parts, Operation.UPDATE, options));
    }

    MockCall updateCall(T item, Consumer<UpdateBuilder> update) {
        List<MockCall.Part> parts = parts("item", checked(item));
        parts.addAll(MockUpdateBuilder.describe(db.values(), modelType, Operation.UPDATE, update));
        return call("update", parts);
    }

    MockCall updateChangedCall(T before, T after, WriteOptions options) {
        return call(
                "updateChanged",
                withOptions(
                        parts("before", checked(before), "after", checked(after)),
                        Operation.UPDATE,
                        options));
    }

    MockCall deleteCall(T item, WriteOptions options) {
        return call("delete", withOptions(parts("item", checked(item)), Operation.DELETE, options));
    }

    MockCall deleteCall(Key key, WriteOptions options) {
        return call(
                "delete",
                withOptions(parts("key", typed(Operation.DELETE, key)), Operation.DELETE, options));
    }

    MockCall getCall(Key key) {
        return call("get", parts("key", typed(Operation.GET, key)));
    }

    MockCall batchGetCall(Collection<Key> keys, BatchOptions options) {
        List<MockCall.Part> parts = parts("keys", typed(Operation.BATCH_GET, keys));
        if (!Objects.requireNonNull(options, "options").equals(BatchOptions.defaults())) {
            parts.add(new MockCall.Part("options", options));
        }
        return call("batchGet", parts);
    }

    MockCall batchWriteCall(
            Collection<? extends T> puts, Collection<Key> deletes, BatchOptions options) {
        List<MockCall.Part> parts = new ArrayList<>();
        if (!puts.isEmpty()) {
            parts.add(new MockCall.Part("puts", List.copyOf(puts)));
        }
        if (!deletes.isEmpty()) {
            parts.add(new MockCall.Part("deletes", typed(Operation.BATCH_WRITE, deletes)));
        }
        if (!Objects.requireNonNull(options, "options").equals(BatchOptions.defaults())) {
            parts.add(new MockCall.Part("options", options));
        }
        return call("batchWrite", parts);
    }

    @SuppressWarnings("unchecked")
    private WriteResult<T> write(MockCall call) {
        return (WriteResult<T>) db.answer(call);
    }

    /**
     * Refuses a return value the engine cannot give for a model with unique fields (a family's
     * table: its members' unique fields).
     */
    private void requireNoReturnValue(Operation op, WriteOptions options) {
        Objects.requireNonNull(options, "options");
        UniqueClaims.requireNoReturnValue(
                modelType,
                UniqueClaims.names(UniqueWrites.fieldsOf(modelType)),
                op,
                options.returnValue());
    }

    /** Answers a write, then records its unique values (a clash fails instead of the answer). */
    private WriteResult<T> write(MockCall call, UniqueClaims.Change change) {
        WriteResult<T> result = write(call);
        db.claim(change == null ? List.of() : List.of(change));
        return result;
    }

    @Override
    public WriteResult<T> create(T item, WriteOptions options) {
        MockCall call = createCall(item, options);
        requireNoReturnValue(Operation.CREATE, options);
        return write(
                call, db.uniqueWrites().item(tableName, modelType, Operation.CREATE, item, null));
    }

    @Override
    public WriteResult<T> put(T item, WriteOptions options) {
        MockCall call = putCall(item, options);
        requireNoReturnValue(Operation.PUT, options);
        return write(call, db.uniqueWrites().item(tableName, modelType, Operation.PUT, item, null));
    }

    @Override
    public WriteResult<T> update(T item, WriteOptions options, String... fields) {
        MockCall call = updateCall(item, options, fields);
        requireNoReturnValue(Operation.UPDATE, options);
        return write(
                call,
                db.uniqueWrites()
                        .item(tableName, modelType, Operation.UPDATE, item, Arrays.asList(fields)));
    }

    @Override
    public WriteResult<T> update(T item, Consumer<UpdateBuilder> update) {
        MockCall call = updateCall(item, update);
        UniqueWrites.requireKnownValues(modelType, call.parts());
        UniqueWrites.requireNoReturnValue(modelType, call.parts());
        return write(
                call,
                db.uniqueWrites()
                        .updated(
                                tableName,
                                modelType,
                                Operation.UPDATE,
                                db.uniqueWrites().keyOf(item),
                                call.parts()));
    }

    @Override
    public WriteResult<T> updateChanged(T before, T after, WriteOptions options) {
        MockCall call = updateChangedCall(before, after, options);
        requireNoReturnValue(Operation.UPDATE, options);
        List<String> changed = new ArrayList<>();
        for (ModelTypes.UniqueField f : ModelTypes.uniqueFields(after.getClass())) {
            if (!Objects.equals(
                    ModelTypes.read(before, f.name()), ModelTypes.read(after, f.name()))) {
                changed.add(f.name());
            }
        }
        return write(
                call,
                changed.isEmpty()
                        ? null
                        : db.uniqueWrites()
                                .item(tableName, modelType, Operation.UPDATE, after, changed));
    }

    @Override
    public WriteResult<T> delete(T item, WriteOptions options) {
        MockCall call = deleteCall(item, options);
        requireNoReturnValue(Operation.DELETE, options);
        return write(
                call,
                db.uniqueWrites()
                        .deleted(
                                tableName,
                                modelType,
                                Operation.DELETE,
                                db.uniqueWrites().keyOf(item)));
    }

    @Override
    public WriteResult<T> delete(Key key, WriteOptions options) {
        MockCall call = deleteCall(key, options);
        requireNoReturnValue(Operation.DELETE, options);
        return write(
                call,
                db.uniqueWrites()
                        .deleted(
                                tableName,
                                modelType,
                                Operation.DELETE,
                                typed(Operation.DELETE, key)));
    }

    @Override
    public Optional<T> get(Object partitionKey) {
        return get(Key.of(partitionKey));
    }

    @Override
    public Optional<T> get(Object partitionKey, Object sortKey) {
        return get(Key.of(partitionKey, sortKey));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<T> get(Key key) {
        return (Optional<T>) db.answer(getCall(key));
    }

    @Override
    @SuppressWarnings("unchecked")
    public BatchGetResult<T> batchGet(Collection<Key> keys, BatchOptions options) {
        return (BatchGetResult<T>) db.answer(batchGetCall(keys, options));
    }

    @Override
    @SuppressWarnings("unchecked")
    public BatchWriteResult<T> batchWrite(
            Collection<? extends T> puts, Collection<Key> deletes, BatchOptions options) {
        MockCall call = batchWriteCall(puts, deletes, options);
        List<ModelTypes.UniqueField> unique = UniqueWrites.fieldsOf(modelType);
        if (!unique.isEmpty() && (!puts.isEmpty() || !deletes.isEmpty())) {
            throw UniqueClaims.refusal(
                    modelType,
                    unique.get(0).name(),
                    Operation.BATCH_WRITE,
                    "BatchWriteItem",
                    "write it with create/put/update/delete or a transaction");
        }
        return (BatchWriteResult<T>) db.answer(call);
    }

    @Override
    public Query<T> where(String field, String operator, Object value) {
        return query().where(field, operator, value);
    }

    @Override
    public Query<T> query() {
        return new MockQuery<>(this, List.of());
    }

    // ---- not mocked ----

    /**
     * The key as the engine computes it: the key fields' values, or the text of the model's key
     * templates ({@code CUSTOMER#c1}).
     */
    @Override
    public Key keyOf(T item) {
        Key key = db.uniqueWrites().keyOf(checked(item));
        if (key == null) {
            throw new dev.dynamorm.InvalidRequestException(
                    "the key of this "
                            + item.getClass().getSimpleName()
                            + " is incomplete: a key field, or a field its key template names, is null",
                    Operation.GET,
                    modelType,
                    null);
        }
        return key;
    }

    @Override
    public Map<String, AttributeValue> toItem(T item) {
        throw MockDB.notMocked(
                "Table.toItem(item)", "item conversion needs the engine's converters");
    }

    @Override
    public T fromItem(Map<String, AttributeValue> item) {
        throw MockDB.notMocked(
                "Table.fromItem(item)", "item conversion needs the engine's converters");
    }

    @Override
    public T fromImage(Map<String, AttributeValue> image) {
        throw MockDB.notMocked(
                "Table.fromImage(image)", "item conversion needs the engine's converters");
    }

    @Override
    public dev.dynamorm.AsyncTable<T> async() {
        throw MockDB.notMocked(
                "Table.async()",
                "the async view needs the engine and an async client: test async code against"
                        + " dynamorm-local");
    }

    @Override
    public dev.dynamorm.VectorQuery<T> nearest(String field, float[] vector) {
        throw MockDB.notMocked(
                "Table.nearest(field, vector)",
                "vector search needs an engine with SearchVectors: test it against dynamorm-local");
    }

    @Override
    public dev.dynamorm.VectorQuery<T> nearest(String field, List<? extends Number> vector) {
        throw MockDB.notMocked(
                "Table.nearest(field, vector)",
                "vector search needs an engine with SearchVectors: test it against dynamorm-local");
    }

    @Override
    public dev.dynamorm.ModelInfo modelInfo() {
        throw MockDB.notMocked(
                "Table.modelInfo()", "the model description needs the engine's model metadata");
    }

    @Override
    public void createTable(CreateTableOptions options) {
        throw MockDB.notMocked("Table.createTable()", MockDB.TABLE_MANAGEMENT);
    }

    @Override
    public boolean createTableIfMissing() {
        throw MockDB.notMocked("Table.createTableIfMissing()", MockDB.TABLE_MANAGEMENT);
    }

    @Override
    public boolean tableExists() {
        throw MockDB.notMocked("Table.tableExists()", MockDB.TABLE_MANAGEMENT);
    }

    @Override
    public TableDescription describeTable() {
        throw MockDB.notMocked("Table.describeTable()", MockDB.TABLE_MANAGEMENT);
    }

    @Override
    public void deleteTable() {
        throw MockDB.notMocked("Table.deleteTable()", MockDB.TABLE_MANAGEMENT);
    }

    @Override
    public SchemaDrift drift() {
        throw MockDB.notMocked("Table.drift()", MockDB.TABLE_MANAGEMENT);
    }

    @Override
    public String toString() {
        return "MockTable[" + tableName + ", " + modelType.getSimpleName() + "]";
    }
}
