package dev.dynamorm;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The validated, immutable configuration {@link DynamORM.Builder} hands to the engine.
 *
 * <p>Users build it through {@link DynamORM#builder()}; engines read it.
 */
public final class DynamORMConfig {

    private final @Nullable DynamoDbClient client;
    private final @Nullable Region region;
    private final @Nullable URI endpoint;
    private final @Nullable AwsCredentialsProvider credentialsProvider;
    private final @Nullable AssumeRole assumeRole;
    private final int maxConnections;
    private final Clock clock;
    private final String tableNamePrefix;
    private final List<ConverterProvider> converterProviders;
    private final @Nullable RetryPolicy retryPolicy;
    private final @Nullable IndexScorer indexScorer;
    private final List<Plugin> plugins;
    private final boolean discoverPlugins;
    private final Set<String> disabledPlugins;
    private final java.util.Map<Class<?>, dev.dynamorm.PluginConfig> pluginConfigs;
    private final java.util.Map<String, java.util.Map<String, String>> pluginProperties;
    private final boolean logAttributeValues;
    private final boolean hideExpiredItems;
    private final boolean requireGeneratedModels;
    private final javax.crypto.@Nullable SecretKey cursorKey;
    private final software.amazon.awssdk.services.dynamodb.@Nullable DynamoDbAsyncClient
            asyncClient;
    private final java.util.concurrent.@Nullable Executor asyncExecutor;

    // The engine DynamORM.Builder#build() hands the configuration to: DynamORM's own engine
    // (dynamorm-engine) when it is present, else the EngineProvider of the highest priority. On
    // the class path the own engine is created by name, through its public constructor: a
    // ServiceLoader scan reads every jar's META-INF/services entry and asks the JDK's modules too,
    // and its provider and the EngineProvider interface are two more classes to load, several
    // million interpreted instructions in a cold JVM. On the module path (where the engine's
    // package is not open to this module) the scan finds its provider among the module layer's
    // providers, which come before the class path's, and stops there. The lookup lives in this
    // class, which every build loads, rather than in one of its own: one class less to load.

    /** The engine {@code dynamorm-engine} builds, created by name on the class path. */
    static final String OWN_ENGINE = "dev.dynamorm.engine.internal.DefaultDynamORM";

    /**
     * The provider {@code dynamorm-engine} declares, which the scan recognises as the own engine.
     */
    static final String OWN_ENGINE_PROVIDER = "dev.dynamorm.engine.internal.DefaultEngineProvider";

    /**
     * An engine for {@code config}: DynamORM's own if it is visible to the context class loader or
     * to this module's own loader; else the one the {@link EngineProvider} of the highest priority
     * creates, found with {@link ServiceLoader} through the context class loader, then through this
     * module's own loader if that one is different.
     *
     * @throws IllegalStateException if no engine is found
     * @throws RuntimeException what the engine throws while it is built, unchanged
     */
    static DynamORM engine(DynamORMConfig config) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader own = DynamORM.class.getClassLoader();
        DynamORM built = byName(context, config);
        if (built == null && own != context) {
            built = byName(own, config);
        }
        if (built != null) {
            return built;
        }
        EngineProvider found = scan(context);
        if (found == null && own != context) {
            found = scan(own);
        }
        if (found == null) {
            throw new IllegalStateException(
                    "no DynamORM engine found: add dev.dynamorm:dynamorm-engine to the module path"
                            + " or class path");
        }
        return found.create(config);
    }

    /**
     * The own engine built for {@code config} from the class path of {@code loader}, or null when
     * it cannot be created there: the scan decides.
     *
     * @throws RuntimeException what its constructor throws (a build failure), unchanged
     */
    private static @Nullable DynamORM byName(@Nullable ClassLoader loader, DynamORMConfig config) {
        if (loader == null) {
            return null;
        }
        Constructor<?> engine;
        try {
            Class<?> type = Class.forName(OWN_ENGINE, false, loader);
            // a named module: its engine is created through its provider, which ServiceLoader
            // alone may instantiate (the package is not exported); another loader's copy of the
            // API would not match (no constructor taking this DynamORMConfig)
            if (type.getModule().isNamed() || !DynamORM.class.isAssignableFrom(type)) {
                return null;
            }
            engine = type.getConstructor(DynamORMConfig.class);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
        try {
            return (DynamORM) engine.newInstance(config);
        } catch (InvocationTargetException e) {
            // the engine was found and failed to build: its error, not a search for another
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (ReflectiveOperationException e) {
            // not accessible or abstract: the scan instantiates its provider and reports its error
            return null;
        }
    }

    /**
     * The own engine's provider among the providers {@code loader} finds, else the one of the
     * highest priority, or null. Loops, not lambdas: each lambda spins a hidden class in a cold
     * JVM.
     */
    private static @Nullable EngineProvider scan(@Nullable ClassLoader loader) {
        @Nullable EngineProvider best = null;
        for (EngineProvider e : ServiceLoader.load(EngineProvider.class, loader)) {
            if (e.getClass().getName().equals(OWN_ENGINE_PROVIDER)) {
                return e;
            }
            best = higher(best, e);
        }
        return best;
    }

    private static EngineProvider higher(@Nullable EngineProvider best, EngineProvider candidate) {
        return best == null || candidate.priority() > best.priority() ? candidate : best;
    }

    DynamORMConfig(DynamORM.Builder b) {
        this.client = b.client;
        this.region = b.region;
        this.endpoint = b.endpoint;
        this.credentialsProvider = b.credentialsProvider;
        this.assumeRole = b.assumeRole;
        this.maxConnections = b.maxConnections;
        this.clock = b.clock;
        this.tableNamePrefix = b.tableNamePrefix;
        this.converterProviders = List.copyOf(b.converterProviders);
        this.retryPolicy = b.retryPolicy;
        this.indexScorer = b.indexScorer;
        this.plugins = List.copyOf(b.plugins);
        this.discoverPlugins = b.discoverPlugins;
        this.disabledPlugins = Set.copyOf(b.disabledPlugins);
        this.pluginConfigs =
                java.util.Collections.unmodifiableMap(
                        new java.util.LinkedHashMap<>(b.pluginConfigs));
        java.util.Map<String, java.util.Map<String, String>> props = new java.util.TreeMap<>();
        for (java.util.Map.Entry<String, java.util.Map<String, String>> e :
                b.pluginProperties.entrySet()) {
            props.put(
                    e.getKey(),
                    java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(e.getValue())));
        }
        this.pluginProperties = java.util.Collections.unmodifiableMap(props);
        this.logAttributeValues = b.logAttributeValues;
        this.hideExpiredItems = b.hideExpiredItems;
        this.requireGeneratedModels = b.requireGeneratedModels;
        this.cursorKey = b.cursorKey;
        this.asyncClient = b.asyncClient;
        this.asyncExecutor = b.asyncExecutor;
    }

    /**
     * The async client supplied by the user for {@link Table#async()}, which DynamORM never closes.
     *
     * @return the client, or empty when the async view is not available
     */
    public Optional<software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient> asyncClient() {
        return Optional.ofNullable(asyncClient);
    }

    /**
     * The executor that runs the async view's hooks, conversions and completions.
     *
     * @return the executor, or empty for the common fork-join pool
     */
    public Optional<java.util.concurrent.Executor> asyncExecutor() {
        return Optional.ofNullable(asyncExecutor);
    }

    /**
     * The key that encrypts pagination cursors.
     *
     * @return the AES key, or empty when cursors are plain (checked, not encrypted)
     */
    public Optional<javax.crypto.SecretKey> cursorKey() {
        return Optional.ofNullable(cursorKey);
    }

    /**
     * The client supplied by the user, which DynamORM uses and never closes.
     *
     * @return the client, or empty when DynamORM builds its own
     */
    public Optional<DynamoDbClient> client() {
        return Optional.ofNullable(client);
    }

    /**
     * The region for a client DynamORM builds.
     *
     * @return the region, or empty for the SDK's default chain
     */
    public Optional<Region> region() {
        return Optional.ofNullable(region);
    }

    /**
     * The endpoint override for a client DynamORM builds.
     *
     * @return the endpoint, or empty
     */
    public Optional<URI> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    /**
     * The credentials for a client DynamORM builds.
     *
     * @return the provider, or empty for the SDK's default chain
     */
    public Optional<AwsCredentialsProvider> credentialsProvider() {
        return Optional.ofNullable(credentialsProvider);
    }

    /**
     * The role to assume.
     *
     * @return the role, or empty
     */
    public Optional<AssumeRole> assumeRole() {
        return Optional.ofNullable(assumeRole);
    }

    /**
     * The HTTP connection pool size for a client DynamORM builds.
     *
     * @return the pool size, 0 for the SDK default
     */
    public int maxConnections() {
        return maxConnections;
    }

    /**
     * The clock for timestamps and TTL decisions.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * The prefix prepended to every model's table name.
     *
     * @return the prefix, possibly empty
     */
    public String tableNamePrefix() {
        return tableNamePrefix;
    }

    /**
     * Converter providers registered on the builder, asked before discovered ones of equal
     * priority.
     *
     * @return the providers
     */
    public List<ConverterProvider> converterProviders() {
        return converterProviders;
    }

    /**
     * The retry policy registered on the builder.
     *
     * @return the policy, or empty for a discovered one or the default
     */
    public Optional<RetryPolicy> retryPolicy() {
        return Optional.ofNullable(retryPolicy);
    }

    /**
     * The index scorer registered on the builder, which every query uses unless it sets its own
     * with {@link Query#indexScorer(dev.dynamorm.IndexScorer)}.
     *
     * @return the scorer, or empty for a discovered one or the default
     */
    public Optional<dev.dynamorm.IndexScorer> indexScorer() {
        return Optional.ofNullable(indexScorer);
    }

    /**
     * Plugins registered on the builder.
     *
     * @return the plugins
     */
    public List<Plugin> plugins() {
        return plugins;
    }

    /**
     * Whether plugins are discovered with {@link java.util.ServiceLoader}.
     *
     * @return true by default
     */
    public boolean discoverPlugins() {
        return discoverPlugins;
    }

    /**
     * Names of discovered plugins not to install.
     *
     * @return the names
     */
    public Set<String> disabledPlugins() {
        return disabledPlugins;
    }

    /**
     * Typed plugin configurations given on the builder, by class.
     *
     * @return the configurations
     */
    public java.util.Map<Class<?>, dev.dynamorm.PluginConfig> pluginConfigs() {
        return pluginConfigs;
    }

    /**
     * Plugin properties given on the builder: plugin name to key to value.
     *
     * @return the properties
     */
    public java.util.Map<String, java.util.Map<String, String>> pluginProperties() {
        return pluginProperties;
    }

    /**
     * Whether DEBUG logs show attribute values instead of redacting them.
     *
     * @return false by default
     */
    public boolean logAttributeValues() {
        return logAttributeValues;
    }

    /**
     * Whether reads hide items whose {@code @Ttl} time has passed but that DynamoDB has not deleted
     * yet.
     *
     * @return false by default
     */
    public boolean hideExpiredItems() {
        return hideExpiredItems;
    }

    /**
     * Whether every model must have a schema generated at compile time (no reflective fallback).
     *
     * @return false by default
     */
    public boolean requireGeneratedModels() {
        return requireGeneratedModels;
    }
}
