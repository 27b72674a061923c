package dev.dynamorm.engine.internal;

import dev.dynamorm.BatchGetResult;
import dev.dynamorm.BatchOptions;
import dev.dynamorm.BatchWriteResult;
import dev.dynamorm.CreateTableOptions;
import dev.dynamorm.DynamORMException;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Key;
import dev.dynamorm.Operation;
import dev.dynamorm.Query;
import dev.dynamorm.SchemaDrift;
import dev.dynamorm.Table;
import dev.dynamorm.UpdateBuilder;
import dev.dynamorm.WriteOptions;
import dev.dynamorm.WriteResult;
import dev.dynamorm.engine.internal.model.FieldMetadata;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import dev.dynamorm.engine.internal.query.QuerySpec;
import java.util.Collection;
import java.util.HashMap;
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
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** The {@link Table} of one model: single-item operations, queries and table management. */
final class DefaultTable<T> implements Table<T> {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultTable.class);

    private final ModelMetadata<T> model;
    private final EngineContext ctx;
    private final String tableName;
    private final TableAdmin admin;
    private final DefaultQuery.Access<T> queryAccess;
    private final TableWriter<T> writer;
    private final boolean hideExpiredItems;
    private final QuerySpec emptyQuery;

    DefaultTable(ModelMetadata<T> model, EngineContext ctx) {
        this(model, ctx, false);
    }

    DefaultTable(ModelMetadata<T> model, EngineContext ctx, boolean hideExpiredItems) {
        this(model, ctx, hideExpiredItems, null);
    }

    /**
     * A table.
     *
     * @param indexScorer the instance's index scorer, the default of every query; null for the
     *     built-in scoring
     */
    DefaultTable(
            ModelMetadata<T> model,
            EngineContext ctx,
            boolean hideExpiredItems,
            dev.dynamorm.spi.IndexScorer indexScorer) {
        this.hideExpiredItems = hideExpiredItems;
        this.emptyQuery =
                indexScorer == null ? QuerySpec.EMPTY : QuerySpec.EMPTY.withScorer(indexScorer);
        this.model = model;
        this.ctx = ctx;
        this.tableName = ctx.tableNamePrefix() + model.tableName().orElseThrow();
        this.admin = new TableAdmin(model, tableName, ctx);
        this.queryAccess = new DefaultQuery.Access<>(this);
        this.writer = new TableWriter<>(this);
    }

    /** The query engine's view of this table, with its plan cache. */
    DefaultQuery.Access<T> queryAccess() {
        return queryAccess;
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
        return writer.create(item, options);
    }

    @Override
    public WriteResult<T> put(T item, WriteOptions options) {
        return writer.put(item, options);
    }

    @Override
    public Optional<T> get(Object partitionKey) {
        if (model.sortKey().isPresent()) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "model %s has sort key '%s': call get(partitionKey, sortKey)",
                            model.type().getName(),
                            model.sortKey().get().name()),
                    Operation.GET,
                    model.type(),
                    null);
        }
        return getItem(key(partitionKey, null, Operation.GET));
    }

    @Override
    public Optional<T> get(Object partitionKey, Object sortKey) {
        if (model.sortKey().isEmpty()) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "model %s has no sort key: call get(partitionKey)",
                            model.type().getName()),
                    Operation.GET,
                    model.type(),
                    null);
        }
        return getItem(key(partitionKey, sortKey, Operation.GET));
    }

    Optional<T> getItem(Map<String, AttributeValue> key) {
        requireReadable(Operation.GET);
        GetItemRequest request = GetItemRequest.builder().tableName(tableName).key(key).build();
        GetItemResponse response =
                ctx.executor()
                        .run(
                                event(Operation.GET, key),
                                request,
                                r -> ctx.client().getItem(r),
                                e -> map(e, Operation.GET));
        return response.hasItem() && !response.item().isEmpty() && !hidden(response.item())
                ? Optional.of(model.fromItem(response.item(), Operation.GET))
                : Optional.empty();
    }

    @Override
    public WriteResult<T> update(T item, WriteOptions options, String... fields) {
        return writer.update(item, options, fields);
    }

    @Override
    public WriteResult<T> updateChanged(T before, T after, WriteOptions options) {
        java.util.Objects.requireNonNull(options, "options");
        return writer.updateChanged(before, after, options);
    }

    @Override
    public WriteResult<T> update(T item, Consumer<UpdateBuilder> update) {
        return writer.update(item, update);
    }

    /**
     * The update of {@code where(pk).where(sk).update(...)}: the terms must bind exactly the full
     * key.
     */
    WriteResult<T> updateByTerms(
            List<dev.dynamorm.engine.internal.query.Term> terms, Consumer<UpdateBuilder> update) {
        return writer.updateByKey(keyOfTerms(terms, Operation.UPDATE), update);
    }

    /**
     * The delete of {@code where(pk).where(sk).delete()}: the terms must bind exactly the full key.
     */
    WriteResult<T> deleteByTerms(List<dev.dynamorm.engine.internal.query.Term> terms) {
        return writer.deleteByKey(keyOfTerms(terms, Operation.DELETE), WriteOptions.defaults());
    }

    private Map<String, AttributeValue> keyOfTerms(
            List<dev.dynamorm.engine.internal.query.Term> terms, Operation op) {
        Object pk = null;
        Object sk = null;
        boolean ok = true;
        for (dev.dynamorm.engine.internal.query.Term term : terms) {
            if (!term.filterOnly()
                    && term.condition() instanceof dev.dynamorm.Condition.Comparison c
                    && c.operator() == dev.dynamorm.Operator.EQ) {
                if (c.field().equals(model.partitionKey().name()) && pk == null) {
                    pk = c.values().get(0);
                    continue;
                }
                if (model.sortKey().isPresent()
                        && c.field().equals(model.sortKey().get().name())
                        && sk == null) {
                    sk = c.values().get(0);
                    continue;
                }
            }
            ok = false;
        }
        if (!ok || pk == null || (model.sortKey().isPresent() && sk == null)) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "%s through a query needs exactly the full key of model %s bound with '=' (%s) and no other "
                                    + "condition; put conditions on the write instead (u.when(...) or WriteOptions.when(...))",
                            op.name().toLowerCase(Locale.ROOT),
                            model.type().getName(),
                            model.partitionKey().name()
                                    + model.sortKey().map(s -> " and " + s.name()).orElse("")),
                    op,
                    model.type(),
                    null);
        }
        return key(pk, sk, op);
    }

    /** A key-bound update, for {@code where(pk).where(sk).update(...)}. */
    WriteResult<T> updateByKey(Map<String, AttributeValue> key, Consumer<UpdateBuilder> update) {
        return writer.updateByKey(key, update);
    }

    /** A key-bound delete, for {@code where(pk).where(sk).delete()}. */
    WriteResult<T> deleteByKey(Map<String, AttributeValue> key) {
        return writer.deleteByKey(key, WriteOptions.defaults());
    }

    /** The write path (transactions and batches prepare their actions with it). */
    TableWriter<T> writer() {
        return writer;
    }

    @Override
    public WriteResult<T> delete(T item, WriteOptions options) {
        return writer.delete(item, options);
    }

    @Override
    public WriteResult<T> delete(Key key, WriteOptions options) {
        return writer.deleteByKey(writer.keyOf(key, Operation.DELETE), options);
    }

    @Override
    public Optional<T> get(Key key) {
        return getItem(writer.keyOf(key, Operation.GET));
    }

    @Override
    public Key keyOf(T item) {
        return writer.toKey(writer.keyOfItem(item, Operation.GET));
    }

    @Override
    public BatchGetResult<T> batchGet(Collection<Key> keys, BatchOptions options) {
        return new TableBatch<>(this).get(keys, options);
    }

    @Override
    public BatchWriteResult<T> batchWrite(
            Collection<? extends T> puts, Collection<Key> deletes, BatchOptions options) {
        return new TableBatch<>(this).write(puts, deletes, options);
    }

    @Override
    public Query<T> where(String field, String operator, Object value) {
        return query().where(field, operator, value);
    }

    @Override
    public Query<T> query() {
        return new DefaultQuery<>(this, emptyQuery);
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

    // ---- shared helpers ----

    /**
     * Refuses every write (create, put, update, delete, batch, transaction, condition check) of a
     * model with {@code @Encrypted} fields unless an installed hook encrypts them ({@code
     * Hook.handlesEncryptedFields()}): nothing of it goes on the wire in plaintext.
     */
    private void requireWritable(Operation op) {
        if (!model.encryptedFields().isEmpty() && !ctx.encryptionAvailable()) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "model %s has @Encrypted fields %s but no installed plugin encrypts them (the encryption plugin "
                                    + "is absent or disabled): refusing %s on table '%s' rather than writing them in "
                                    + "plaintext; put dynamorm-plugin-encryption on the path and configure a key provider",
                            model.type().getName(),
                            model.encryptedFields().stream().map(FieldMetadata::name).toList(),
                            op.name().toLowerCase(Locale.ROOT),
                            tableName),
                    op,
                    model.type(),
                    null);
        }
    }

    /**
     * Refuses every read (get, query, scan, batch get, transaction get) of a model whose encrypted
     * fields no installed plugin decrypts.
     */
    private void requireReadable(Operation op) {
        if (!model.encryptedFields().isEmpty() && !ctx.encryptionAvailable()) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "model %s has @Encrypted fields %s but no installed plugin decrypts them (the encryption plugin "
                                    + "is absent or disabled): refusing %s on table '%s'; put dynamorm-plugin-encryption on "
                                    + "the path and configure a key provider",
                            model.type().getName(),
                            model.encryptedFields().stream().map(FieldMetadata::name).toList(),
                            op.name().toLowerCase(Locale.ROOT),
                            tableName),
                    op,
                    model.type(),
                    null);
        }
    }

    void requireReadableForQuery(Operation op) {
        requireReadable(op);
    }

    void requireWritableForWrite(Operation op) {
        requireWritable(op);
    }

    /**
     * Whether reads hide this item: hiding expired items is on and its {@code @Ttl} time has
     * passed. Query code should skip items for which this is true.
     */
    boolean hidden(Map<String, AttributeValue> item) {
        return hideExpiredItems && writer.expired(item);
    }

    /** Whether reads of this table hide expired items. */
    boolean hidesExpiredItems() {
        return hideExpiredItems;
    }

    Map<String, AttributeValue> keyOf(Map<String, AttributeValue> attributes, Operation op) {
        Map<String, AttributeValue> key = new HashMap<>(4);
        FieldMetadata pk = model.partitionKey();
        AttributeValue pkValue = attributes.get(pk.attributeName());
        if (pkValue == null) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "partition key '%s' of model %s is null: every item needs its key",
                            pk.name(),
                            model.type().getName()),
                    op,
                    model.type(),
                    null);
        }
        key.put(pk.attributeName(), requireNonEmptyKey("partition", pk, pkValue, op));
        if (model.sortKey().isPresent()) {
            FieldMetadata sk = model.sortKey().get();
            AttributeValue skValue = attributes.get(sk.attributeName());
            if (skValue == null) {
                throw new InvalidRequestException(
                        String.format(
                                Locale.ROOT,
                                "sort key '%s' of model %s is null: every item needs its full key",
                                sk.name(),
                                model.type().getName()),
                        op,
                        model.type(),
                        null);
            }
            key.put(sk.attributeName(), requireNonEmptyKey("sort", sk, skValue, op));
        }
        return key;
    }

    /**
     * Refuses an empty string or binary key value before sending; DynamoDB refuses it too ("The
     * AttributeValue for a key attribute cannot contain an empty string value").
     */
    AttributeValue requireNonEmptyKey(
            String role, FieldMetadata field, AttributeValue value, Operation op) {
        if (AttributeValues.isEmptyKeyValue(value)) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "%s key '%s' of model %s is empty: DynamoDB refuses empty string and"
                                    + " binary key values",
                            role,
                            field.name(),
                            model.type().getName()),
                    op,
                    model.type(),
                    null);
        }
        return value;
    }

    Map<String, AttributeValue> key(Object partitionKey, Object sortKey, Operation op) {
        Map<String, AttributeValue> key = new HashMap<>(4);
        FieldMetadata pk = model.partitionKey();
        key.put(
                pk.attributeName(),
                requireNonEmptyKey(
                        "partition",
                        pk,
                        ctx.values().bind(model.type(), op, pk.name(), pk, partitionKey),
                        op));
        if (sortKey != null) {
            FieldMetadata sk = model.sortKey().orElseThrow();
            key.put(
                    sk.attributeName(),
                    requireNonEmptyKey(
                            "sort",
                            sk,
                            ctx.values().bind(model.type(), op, sk.name(), sk, sortKey),
                            op));
        } else if (model.sortKey().isPresent()) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "sort key '%s' of model %s is null",
                            model.sortKey().get().name(),
                            model.type().getName()),
                    op,
                    model.type(),
                    null);
        }
        return key;
    }

    Event event(Operation op, Map<String, AttributeValue> key) {
        return new Event(op, tableName, model.type(), Optional.ofNullable(key));
    }

    DynamORMException map(SdkException e, Operation op) {
        // stored items of condition failures are read like any other (decrypted by the plugins)
        return ErrorMapper.map(e, op, model.type(), tableName, item -> model.fromItem(item, op));
    }

    void debug(Operation op, String expression, ExpressionBuilder expr) {
        if (LOG.isDebugEnabled()) {
            LOG.debug(
                    "{} {} expression=[{}] names={} values={}",
                    op,
                    tableName,
                    expression,
                    expr.names(),
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
