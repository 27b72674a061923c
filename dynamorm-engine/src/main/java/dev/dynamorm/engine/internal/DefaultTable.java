package dev.dynamorm.engine.internal;

import dev.dynamorm.AsyncTable;
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
import dev.dynamorm.engine.internal.async.AsyncEngine;
import dev.dynamorm.engine.internal.async.DefaultAsyncTable;
import dev.dynamorm.engine.internal.client.EngineContext;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import dev.dynamorm.engine.internal.plugin.Event;
import dev.dynamorm.engine.internal.plugin.ModifierSource;
import dev.dynamorm.engine.internal.query.AsyncQueryRunner;
import dev.dynamorm.engine.internal.query.AsyncSend;
import dev.dynamorm.engine.internal.query.QuerySpec;
import dev.dynamorm.engine.internal.write.TableBatch;
import dev.dynamorm.engine.internal.write.TableContext;
import dev.dynamorm.engine.internal.write.TableWriter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** The {@link Table} of one model: single-item operations, queries and table management. */
final class DefaultTable<T> implements Table<T> {

    private final ModelMetadata<T> model;
    private final EngineContext ctx;
    private final String tableName;
    private final TableContext<T> table;

    /** This table's index scorer; null when {@link #owner} gives the instance's. */
    private final IndexScorers indexScorer;

    /**
     * The instance whose index scorer queries default to and whose plugins' query modifiers they
     * run; null when {@link #indexScorer} is set (and no plugin can be installed).
     */
    private final DefaultDynamORM owner;

    private volatile List<ModifierSource.Registered<T>> pluginModifiers;
    private final AsyncEngine asyncEngine;

    // Created on first use, not at registration (issue 16: a model registers in well under a
    // millisecond, so nothing a model may never use is built or even loaded for it). Each is
    // written once under the lock and read through the volatile field afterwards.
    private volatile TableAdmin admin;
    private volatile DefaultQuery.Access<T> queryAccess;
    private volatile AsyncTable<T> asyncView;
    private volatile QuerySpec emptyQuery;

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
            dev.dynamorm.IndexScorer indexScorer) {
        this(model, ctx, hideExpiredItems, IndexScorers.of(indexScorer), null, null);
    }

    /**
     * A table whose queries run the query modifiers plugins register for its model, with an async
     * view.
     *
     * @param owner the instance, whose index scorer (not made while a cold engine registers its
     *     first model) and plugins' query modifiers are asked for at the first query
     * @param asyncEngine the async client and executor, or null when there is no async view
     */
    DefaultTable(
            ModelMetadata<T> model,
            EngineContext ctx,
            boolean hideExpiredItems,
            DefaultDynamORM owner,
            AsyncEngine asyncEngine) {
        this(model, ctx, hideExpiredItems, null, owner, asyncEngine);
    }

    private DefaultTable(
            ModelMetadata<T> model,
            EngineContext ctx,
            boolean hideExpiredItems,
            IndexScorers indexScorer,
            DefaultDynamORM owner,
            AsyncEngine asyncEngine) {
        this.indexScorer = indexScorer;
        this.owner = owner;
        this.model = model;
        this.ctx = ctx;
        this.table = new TableContext<>(model, ctx, hideExpiredItems);
        this.tableName = table.tableName();
        this.asyncEngine = asyncEngine;
    }

    @Override
    public AsyncTable<T> async() {
        if (asyncEngine == null) {
            throw new IllegalStateException(AsyncEngine.NO_ASYNC_CLIENT);
        }
        AsyncTable<T> view = asyncView;
        if (view == null) {
            synchronized (this) {
                view = asyncView;
                if (view == null) {
                    view =
                            ApiTypes.asyncTable(
                                    new DefaultAsyncTable<>(
                                            this, table, asyncEngine, this::asyncRunner));
                    asyncView = view;
                }
            }
        }
        return view;
    }

    private TableAdmin admin() {
        TableAdmin a = admin;
        if (a == null) {
            synchronized (this) {
                a = admin;
                if (a == null) {
                    a = new TableAdmin(model, tableName, ctx);
                    admin = a;
                }
            }
        }
        return a;
    }

    private AsyncQueryRunner<T> asyncRunner(Query<T> query, AsyncSend send) {
        if (!(query instanceof DefaultQuery<T> q) || !q.of(this)) {
            throw new IllegalArgumentException(
                    String.format(
                            Locale.ROOT,
                            "the async view of table '%s' runs only its own queries (from"
                                    + " where(..) or query() of this table), got %s",
                            tableName,
                            query));
        }
        // the spec the sync API would run: plugin and query modifiers applied, key templates bound
        return queryAccess().asyncRunner(q.runSpec(), send);
    }

    /** The query modifiers plugins register for this model, asked once. */
    List<ModifierSource.Registered<T>> pluginModifiers() {
        List<ModifierSource.Registered<T>> found = pluginModifiers;
        if (found == null) {
            found = owner == null ? List.of() : owner.queryModifiers(model.type(), modelInfo());
            pluginModifiers = found;
        }
        return found;
    }

    /** The query engine's view of this table, with its plan cache. */
    DefaultQuery.Access<T> queryAccess() {
        DefaultQuery.Access<T> a = queryAccess;
        if (a == null) {
            synchronized (this) {
                a = queryAccess;
                if (a == null) {
                    a = new DefaultQuery.Access<>(this);
                    queryAccess = a;
                }
            }
        }
        return a;
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
        return table.writer().create(item, options);
    }

    @Override
    public WriteResult<T> put(T item, WriteOptions options) {
        return table.writer().put(item, options);
    }

    @Override
    public dev.dynamorm.VectorQuery<T> nearest(String field, float[] vector) {
        return dev.dynamorm.engine.internal.vector.DefaultVectorQuery.start(table, field, vector);
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
        table.requireReadableForQuery(Operation.GET);
        GetItemRequest request = GetItemRequest.builder().tableName(tableName).key(key).build();
        GetItemResponse response =
                ctx.executor()
                        .run(
                                Operation.GET,
                                tableName,
                                model.type(),
                                key,
                                request,
                                new SendGet(ctx),
                                new GetErrors(this));
        return response.hasItem() && !response.item().isEmpty() && !hidden(response.item())
                ? Optional.of(model.fromItem(response.item(), Operation.GET))
                : Optional.empty();
    }

    @Override
    public WriteResult<T> update(T item, WriteOptions options, String... fields) {
        return table.writer().update(item, options, fields);
    }

    @Override
    public WriteResult<T> updateChanged(T before, T after, WriteOptions options) {
        java.util.Objects.requireNonNull(options, "options");
        return table.writer().updateChanged(before, after, options);
    }

    @Override
    public WriteResult<T> update(T item, Consumer<UpdateBuilder> update) {
        return table.writer().update(item, update);
    }

    /**
     * The update of {@code where(pk).where(sk).update(...)}: the terms must bind exactly the full
     * key.
     */
    WriteResult<T> updateByTerms(
            List<dev.dynamorm.engine.internal.query.Term> terms, Consumer<UpdateBuilder> update) {
        return table.writer().updateByKey(keyOfTerms(terms, Operation.UPDATE), update);
    }

    /**
     * The delete of {@code where(pk).where(sk).delete()}: the terms must bind exactly the full key.
     */
    WriteResult<T> deleteByTerms(List<dev.dynamorm.engine.internal.query.Term> terms) {
        return table.writer()
                .deleteByKey(keyOfTerms(terms, Operation.DELETE), WriteOptions.defaults());
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
        return table.writer().updateByKey(key, update);
    }

    /** A key-bound delete, for {@code where(pk).where(sk).delete()}. */
    WriteResult<T> deleteByKey(Map<String, AttributeValue> key) {
        return table.writer().deleteByKey(key, WriteOptions.defaults());
    }

    /** The write path (transactions and batches prepare their actions with it). */
    TableWriter<T> writer() {
        return table.writer();
    }

    @Override
    public WriteResult<T> delete(T item, WriteOptions options) {
        return table.writer().delete(item, options);
    }

    @Override
    public WriteResult<T> delete(Key key, WriteOptions options) {
        return table.writer().deleteByKey(table.writer().keyOf(key, Operation.DELETE), options);
    }

    @Override
    public Optional<T> get(Key key) {
        return getItem(table.writer().keyOf(key, Operation.GET));
    }

    @Override
    public Key keyOf(T item) {
        return model.toKey(table.writer().keyOfItem(item, Operation.GET));
    }

    @Override
    public BatchGetResult<T> batchGet(Collection<Key> keys, BatchOptions options) {
        return new TableBatch<>(table).get(keys, options);
    }

    @Override
    public BatchWriteResult<T> batchWrite(
            Collection<? extends T> puts, Collection<Key> deletes, BatchOptions options) {
        return new TableBatch<>(table).write(puts, deletes, options);
    }

    @Override
    public Query<T> where(String field, String operator, Object value) {
        return query().where(field, operator, value);
    }

    @Override
    public Query<T> query() {
        QuerySpec empty = emptyQuery;
        if (empty == null) {
            // racy but idempotent: every thread computes an equal spec
            IndexScorers scorers = indexScorer != null ? indexScorer : owner.indexScorers();
            dev.dynamorm.IndexScorer scorer = scorers.get();
            empty = scorer == null ? QuerySpec.EMPTY : QuerySpec.EMPTY.withScorer(scorer);
            emptyQuery = empty;
        }
        return ApiTypes.query(new DefaultQuery<>(this, empty));
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
    public T fromImage(Map<String, AttributeValue> image) {
        Objects.requireNonNull(image, "image");
        table.requireReadableForQuery(Operation.STREAM_READ);
        return model.fromItem(image, Operation.STREAM_READ);
    }

    @Override
    public dev.dynamorm.ModelInfo modelInfo() {
        return TableModelInfo.of(model, tableName);
    }

    @Override
    public void createTable(CreateTableOptions options) {
        admin().create(options);
    }

    @Override
    public boolean createTableIfMissing() {
        return admin().createIfMissing();
    }

    @Override
    public boolean tableExists() {
        return admin().exists();
    }

    @Override
    public TableDescription describeTable() {
        return admin().describe();
    }

    @Override
    public void deleteTable() {
        admin().delete();
    }

    @Override
    public SchemaDrift drift() {
        return admin().drift();
    }

    // ---- shared helpers (the table context) ----

    /** What the read and write paths share about this table. */
    TableContext<T> tableContext() {
        return table;
    }

    void requireReadableForQuery(Operation op) {
        table.requireReadableForQuery(op);
    }

    boolean hidden(Map<String, AttributeValue> item) {
        return table.hidden(item);
    }

    boolean hidesExpiredItems() {
        return table.hidesExpiredItems();
    }

    Map<String, AttributeValue> key(Object partitionKey, Object sortKey, Operation op) {
        return table.key(partitionKey, sortKey, op);
    }

    Event event(Operation op, Map<String, AttributeValue> key) {
        return table.event(op, key);
    }

    DynamORMException map(SdkException e, Operation op) {
        return table.map(e, op);
    }

    // Classes, not lambdas, on the path of the first GetItem: each lambda spins a hidden class in a
    // cold JVM (issue 16, cold start to the first GetItem).

    /** Sends a GetItem through the engine's client. */
    private static final class SendGet implements Function<GetItemRequest, GetItemResponse> {
        private final EngineContext ctx;

        SendGet(EngineContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public GetItemResponse apply(GetItemRequest request) {
            return ctx.client().getItem(request);
        }
    }

    /** Maps a GetItem's SDK failure. */
    private static final class GetErrors implements Function<SdkException, DynamORMException> {
        private final DefaultTable<?> table;

        GetErrors(DefaultTable<?> table) {
            this.table = table;
        }

        @Override
        public DynamORMException apply(SdkException e) {
            return table.map(e, Operation.GET);
        }
    }
}
