package dev.dynamorm.engine.internal;

import dev.dynamorm.AsyncBatchWriter;
import dev.dynamorm.BatchWriter;
import dev.dynamorm.BatchWriterOptions;
import dev.dynamorm.ConverterProvider;
import dev.dynamorm.DynamORM;
import dev.dynamorm.DynamORMConfig;
import dev.dynamorm.Operation;
import dev.dynamorm.ReadTransaction;
import dev.dynamorm.RetryPolicy;
import dev.dynamorm.Table;
import dev.dynamorm.Transaction;
import dev.dynamorm.TransactionReadResult;
import dev.dynamorm.TransactionResult;
import dev.dynamorm.engine.internal.async.AsyncEngine;
import dev.dynamorm.engine.internal.async.DefaultAsyncDynamORM;
import dev.dynamorm.engine.internal.client.ClientFactory;
import dev.dynamorm.engine.internal.client.EngineContext;
import dev.dynamorm.engine.internal.client.Executor;
import dev.dynamorm.engine.internal.expr.ValueBinder;
import dev.dynamorm.engine.internal.model.ConverterRegistry;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import dev.dynamorm.engine.internal.model.ModelRegistry;
import dev.dynamorm.engine.internal.plugin.Event;
import dev.dynamorm.engine.internal.plugin.HookChain;
import dev.dynamorm.engine.internal.plugin.HookedModel;
import dev.dynamorm.engine.internal.plugin.ModifierSource;
import dev.dynamorm.engine.internal.plugin.PluginHost;
import dev.dynamorm.engine.internal.plugin.Services;
import dev.dynamorm.engine.internal.write.DefaultAsyncBatchWriter;
import dev.dynamorm.engine.internal.write.DefaultBatchWriter;
import dev.dynamorm.engine.internal.write.DefaultReadTransaction;
import dev.dynamorm.engine.internal.write.DefaultTransaction;
import dev.dynamorm.engine.internal.write.TableContext;
import dev.dynamorm.internal.ObservedOperations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;

/**
 * The engine behind {@link DynamORM}: one client, one registry, one plugin host. Public for the
 * class-path case, where {@code DynamORMConfig} creates it by this name through its public
 * constructor, without a provider scan and without loading {@link DefaultEngineProvider} (renaming
 * or moving it brings the scan back: {@code EngineDiscoveryTest} fails).
 */
public final class DefaultDynamORM implements DynamORM {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultDynamORM.class);

    private final DynamoDbClient client;
    private final List<AutoCloseable> owned;
    private final ModelRegistry registry;

    /**
     * The plugin host; null while none is needed: no plugin registered or discovered and no plugin
     * settings (such an engine loads no plugin class but, with discovery on, the plugin interface;
     * a host is made for the first statistic published). Written once, under {@link #registration}
     * when made later.
     */
    private volatile PluginHost plugins;

    /** The configuration, for a plugin host made later. */
    private final DynamORMConfig config;

    private final EngineContext context;
    private final ConcurrentMap<Class<?>, DefaultTable<?>> tables = new ConcurrentHashMap<>();
    private final Object registration = new Object();

    /**
     * Set once by {@link #close()}, under {@link #registration}: a plain flag rather than an {@code
     * AtomicBoolean}, whose class a cold JVM loads from the runtime image (it is not in the shared
     * archive) and initializes with a VarHandle lookup, for nothing else on the way to a first get.
     */
    private volatile boolean closed;

    private final boolean hideExpiredItems;

    /** The builder's index scorer, or null for the one discovered at the first query. */
    private final dev.dynamorm.IndexScorer configuredScorer;

    /** The context class loader the engine was built under, for the discovered index scorer. */
    private final ClassLoader contextLoader;

    /** Made at the first query (a get or put never needs it); guarded by {@link #registration}. */
    private IndexScorers indexScorer;

    private final Set<DefaultBatchWriter> writers = ConcurrentHashMap.newKeySet();
    private final Set<DefaultAsyncBatchWriter> asyncWriters = ConcurrentHashMap.newKeySet();

    /**
     * The models registered per table (checked against each other by {@link TableModels}); guarded
     * by {@link #registration}.
     */
    private final Map<String, List<ModelMetadata<?>>> tableModels = new HashMap<>();

    private final boolean syncAvailable;
    private final AsyncEngine asyncEngine;

    /**
     * Builds the engine of a configuration; called by {@code DynamORM.Builder#build()} (by name,
     * reflectively) and by {@link DefaultEngineProvider}.
     *
     * @param config the validated configuration
     */
    public DefaultDynamORM(DynamORMConfig config) {
        this.hideExpiredItems = config.hideExpiredItems();
        this.syncAvailable = config.client().isPresent() || !asyncOnly(config);
        if (config.client().isPresent()) {
            this.client = config.client().get();
            this.owned = List.of();
        } else if (!syncAvailable) {
            this.client = AsyncEngine.syncUnavailable();
            this.owned = List.of();
        } else {
            ClientFactory.OwnedClient built = ClientFactory.build(config);
            this.client = built.client();
            this.owned = built.resources();
        }
        List<ConverterProvider> providers = new ArrayList<>(config.converterProviders());
        providers.addAll(discover(ConverterProvider.class));
        ConverterRegistry converters =
                new ConverterRegistry(providers, config.requireGeneratedModels());
        this.registry = new ModelRegistry(converters);
        // no lambdas while the engine is built: each spins a hidden class in a cold JVM.
        // null: the executor looks the policy up at the first failure (and only then loads its
        // classes): a get that succeeds never needs it
        RetryPolicy retry = config.retryPolicy().orElse(null);
        this.configuredScorer = config.indexScorer().orElse(null);
        this.contextLoader = Thread.currentThread().getContextClassLoader();
        this.config = config;
        HookChain hooks = null;
        List<dev.dynamorm.Plugin> discovered;
        try {
            discovered = config.discoverPlugins() ? Services.plugins() : List.of();
        } catch (RuntimeException e) {
            closeOwned();
            throw e;
        }
        if (needsPluginHost(config, discovered)) {
            PluginHost host;
            try {
                host = new PluginHost(config, client, this, discovered);
            } catch (RuntimeException e) {
                closeOwned();
                throw e;
            }
            this.plugins = host;
            // null without hooks: such an engine loads no class of the hook machinery
            hooks = host.chain();
        }
        ValueBinder values = new ValueBinder(converters);
        this.context =
                new EngineContext(
                        client,
                        new Executor(retry, hooks),
                        values,
                        config.clock(),
                        config.tableNamePrefix(),
                        config.logAttributeValues(),
                        hooks == null ? Set.of() : hooks.transformedFields(),
                        config.cursorKey().orElse(null));
        if (hooks != null) {
            hooks.bind(registry, values, config.tableNamePrefix());
        }
        this.asyncEngine =
                config.asyncClient().isEmpty()
                        ? null
                        : AsyncEngine.of(
                                config.asyncClient().get(),
                                context.executor(),
                                config.asyncExecutor().orElse(null));
        LOG.info(
                "DynamORM engine ready: {} converter providers, retry policy {}, index scorer {}, plugins {}",
                providers.size(),
                context.executor().describeRetryPolicy(),
                configuredScorer != null
                        ? configuredScorer.getClass().getName()
                        : IndexScorers.UNRESOLVED,
                plugins());
    }

    /**
     * Whether building needs a plugin host: a plugin is registered or was discovered, or a plugin
     * setting must be checked against the plugins found (a host with none of these installs nothing
     * and reports nothing).
     */
    private static boolean needsPluginHost(
            DynamORMConfig config, List<dev.dynamorm.Plugin> discovered) {
        return !config.plugins().isEmpty()
                || !discovered.isEmpty()
                || !config.disabledPlugins().isEmpty()
                || !config.pluginProperties().isEmpty()
                || !config.pluginConfigs().isEmpty();
    }

    /** The plugin host, made now (with no plugin) if building did not need one. */
    private PluginHost host() {
        PluginHost host = plugins;
        if (host != null) {
            return host;
        }
        synchronized (registration) {
            if (plugins == null) {
                // discovery, when on, found nothing while the engine was built
                plugins = new PluginHost(config, client, this, List.of());
            }
            return plugins;
        }
    }

    /**
     * The query modifiers of every installed plugin for a model, in plugin order ({@link
     * PluginHost#queryModifiers}); none without a plugin host. Not through the {@link
     * ModifierSource} interface: an engine without plugins never loads it.
     */
    <T> List<ModifierSource.Registered<T>> queryModifiers(
            Class<T> type, dev.dynamorm.ModelInfo model) {
        PluginHost host = plugins;
        return host == null ? List.of() : host.queryModifiers(type, model);
    }

    /** Whether only an async client is given: no sync client, nor settings to build one. */
    private static boolean asyncOnly(DynamORMConfig config) {
        return config.asyncClient().isPresent()
                && config.region().isEmpty()
                && config.endpoint().isEmpty()
                && config.credentialsProvider().isEmpty()
                && config.assumeRole().isEmpty()
                && config.maxConnections() == 0;
    }

    private static <S> List<S> discover(Class<S> service) {
        return Services.load(service);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Table<T> table(Class<T> modelType) {
        if (closed) {
            throw new IllegalStateException(Executor.CLOSED);
        }
        DefaultTable<?> table = tables.get(modelType);
        if (table == null) {
            // a lock rather than computeIfAbsent with a lambda: registration spins no hidden class
            synchronized (registration) {
                table = tables.get(modelType);
                if (table == null) {
                    table = register(modelType);
                    tables.put(modelType, table);
                }
            }
        }
        return (Table<T>) table;
    }

    private DefaultTable<?> register(Class<?> modelType) {
        Executor executor = context.executor();
        ModelMetadata<?> model = registry.metadata(modelType);
        if (executor.hasHooks()) {
            model = HookedModel.of(model, executor.hooks(), context.tableNamePrefix());
        }
        registerOnTable(context.tableNamePrefix() + model.tableName().orElseThrow(), model);
        DefaultTable<?> table =
                new DefaultTable<>(model, context, hideExpiredItems, this, asyncEngine);
        if (executor.hasHooks()) {
            executor.hooks().register(table.model());
        }
        return table;
    }

    /**
     * Adds a model to its table's models, after checking it against those registered there before.
     *
     * @throws dev.dynamorm.ModelDefinitionException when it disagrees with one of them on an
     *     encrypted attribute
     */
    private void registerOnTable(String table, ModelMetadata<?> model) {
        List<ModelMetadata<?>> models = tableModels.get(table);
        if (models == null) {
            models = new ArrayList<>(2);
            tableModels.put(table, models);
        }
        for (ModelMetadata<?> other : models) {
            TableModels.check(table, other, model);
        }
        models.add(model);
    }

    /**
     * The instance-wide index scorer: the builder's, else the one discovered (through the context
     * class loader the engine was built under), made at the first query.
     */
    IndexScorers indexScorers() {
        synchronized (registration) {
            if (indexScorer == null) {
                indexScorer = IndexScorers.configuredOrDiscovered(configuredScorer, contextLoader);
            }
            return indexScorer;
        }
    }

    @Override
    public <T> dev.dynamorm.Query<T> collection(Class<T> family) {
        DefaultTable<T> table = (DefaultTable<T>) table(family);
        return ApiTypes.query(CollectionQueries.start(table));
    }

    private TableContext<?> tableContext(Class<?> modelType) {
        return internalTable(modelType).tableContext();
    }

    private DefaultTable<?> internalTable(Class<?> modelType) {
        return (DefaultTable<?>) table(modelType);
    }

    @Override
    public TransactionResult transaction(Consumer<Transaction> body) {
        return new DefaultTransaction(this::tableContext, context).run(body);
    }

    @Override
    public TransactionReadResult readTransaction(Consumer<ReadTransaction> body) {
        return new DefaultReadTransaction(this::tableContext, context).run(body);
    }

    @Override
    public dev.dynamorm.AsyncDynamORM async() {
        if (closed) {
            throw new IllegalStateException(Executor.CLOSED);
        }
        if (asyncEngine == null) {
            throw new IllegalStateException(AsyncEngine.NO_ASYNC_CLIENT_INSTANCE);
        }
        return ApiTypes.asyncDynamORM(
                new DefaultAsyncDynamORM(
                        this, this::tableContext, context, asyncEngine, this::asyncBatchWriter));
    }

    @Override
    public BatchWriter batchWriter(BatchWriterOptions options) {
        Objects.requireNonNull(options, "options");
        if (closed) {
            throw new IllegalStateException(Executor.CLOSED);
        }
        DefaultBatchWriter writer =
                new DefaultBatchWriter(this::tableContext, context, options, writers::remove);
        writers.add(writer);
        return ApiTypes.batchWriter(writer);
    }

    private AsyncBatchWriter asyncBatchWriter(BatchWriterOptions options) {
        if (closed) {
            throw new IllegalStateException(Executor.CLOSED);
        }
        DefaultAsyncBatchWriter writer =
                new DefaultAsyncBatchWriter(
                        this::tableContext,
                        context,
                        options,
                        asyncEngine.client(),
                        asyncEngine.executor(),
                        asyncWriters::remove);
        asyncWriters.add(writer);
        return ApiTypes.asyncBatchWriter(writer);
    }

    @Override
    public DynamoDbClient client() {
        if (!syncAvailable) {
            throw new IllegalStateException(AsyncEngine.ASYNC_ONLY);
        }
        return client;
    }

    @Override
    public List<String> plugins() {
        PluginHost host = plugins;
        return host == null ? List.of() : host.names();
    }

    @Override
    public List<dev.dynamorm.Statistic> statistics() {
        PluginHost host = plugins;
        return host == null ? List.of() : host.statistics();
    }

    @Override
    public void publish(dev.dynamorm.Statistic statistic) {
        host().publish(Objects.requireNonNull(statistic, "statistic"));
    }

    @Override
    public <R> R observe(
            Operation operation,
            Class<?> modelType,
            Map<String, Object> attributes,
            Supplier<R> work) {
        ObservedOperations.require(operation);
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(work, "work");
        DefaultTable<?> table = internalTable(Objects.requireNonNull(modelType, "modelType"));
        if (!context.executor().hasHooks()) {
            return work.get();
        }
        HookChain chain = context.executor().hooks();
        Event event =
                new Event(
                        operation,
                        context.tableNamePrefix() + table.model().tableName().orElseThrow(),
                        modelType,
                        Optional.empty());
        attributes.forEach(event::attribute);
        return chain.<DynamoDbRequest, R>around(event, null, request -> work.get(), Supplier::get);
    }

    @Override
    public void close() {
        synchronized (registration) {
            if (closed) {
                return;
            }
            closed = true;
        }
        for (DefaultBatchWriter writer : List.copyOf(writers)) {
            writer.close(); // flushes: nothing accepted is dropped
        }
        for (DefaultAsyncBatchWriter writer : List.copyOf(asyncWriters)) {
            // flushes too; what failed is reported through the writer's own futures
            CompletableFuture<?> flushed = writer.close().handle((r, t) -> null);
            flushed.join();
        }
        // before the plugins shut down: no hook may run once close() has begun
        context.executor().close();
        PluginHost host = plugins;
        if (host != null) {
            host.close();
        }
        closeOwned();
    }

    private void closeOwned() {
        for (AutoCloseable resource : owned) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("failed to close {}", resource, e);
            }
        }
    }
}
