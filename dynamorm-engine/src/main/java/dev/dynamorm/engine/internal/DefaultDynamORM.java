package dev.dynamorm.engine.internal;

import dev.dynamorm.DynamORM;
import dev.dynamorm.DynamORMConfig;
import dev.dynamorm.Table;
import dev.dynamorm.engine.internal.model.ConverterRegistry;
import dev.dynamorm.engine.internal.model.ModelRegistry;
import dev.dynamorm.spi.ConverterProvider;
import dev.dynamorm.spi.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The engine behind {@link DynamORM}: one client, one registry, one plugin host. */
final class DefaultDynamORM implements DynamORM {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultDynamORM.class);

    private final DynamoDbClient client;
    private final List<AutoCloseable> owned;
    private final ModelRegistry registry;
    private final PluginHost plugins;
    private final EngineContext context;
    private final ConcurrentMap<Class<?>, DefaultTable<?>> tables = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    DefaultDynamORM(DynamORMConfig config) {
        if (config.client().isPresent()) {
            this.client = config.client().get();
            this.owned = List.of();
        } else {
            ClientFactory.OwnedClient built = ClientFactory.build(config);
            this.client = built.client();
            this.owned = built.resources();
        }
        List<ConverterProvider> providers = new ArrayList<>(config.converterProviders());
        providers.addAll(discover(ConverterProvider.class));
        ConverterRegistry converters = new ConverterRegistry(providers);
        this.registry = new ModelRegistry(converters);
        RetryPolicy retry = config.retryPolicy()
                .or(() -> discover(RetryPolicy.class).stream().findFirst())
                .orElse(DefaultRetryPolicy.STANDARD);
        this.plugins = new PluginHost(config, client);
        ValueBinder values = new ValueBinder(converters);
        this.context = new EngineContext(client, new Executor(retry, plugins.hooks()), new ConditionCompiler(values),
                values, config.clock(), config.tableNamePrefix(), config.logAttributeValues(),
                plugins.has("encryption"));
        LOG.info("DynamORM engine ready: {} converter providers, retry policy {}, plugins {}", providers.size(),
                retry, plugins.names());
    }

    private static <S> List<S> discover(Class<S> service) {
        List<S> found = new ArrayList<>();
        ServiceLoader.load(service).forEach(found::add);
        if (found.isEmpty()) {
            ServiceLoader.load(service, DefaultDynamORM.class.getClassLoader()).forEach(found::add);
        }
        return found;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Table<T> table(Class<T> modelType) {
        if (closed.get()) {
            throw new IllegalStateException("this DynamORM instance is closed");
        }
        return (Table<T>) tables.computeIfAbsent(modelType, t -> new DefaultTable<>(registry.metadata(t), context));
    }

    @Override
    public DynamoDbClient client() {
        return client;
    }

    @Override
    public List<String> plugins() {
        return plugins.names();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        plugins.close();
        for (AutoCloseable resource : owned) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("failed to close {}", resource, e);
            }
        }
    }
}
