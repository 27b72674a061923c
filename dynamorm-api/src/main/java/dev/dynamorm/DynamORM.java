package dev.dynamorm;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The entry point: maps models to tables over one DynamoDB client.
 *
 * <pre>{@code
 * DynamORM db = DynamORM.builder().client(dynamoDbClient).build();
 * Table<Order> orders = db.table(Order.class);
 * orders.createTableIfMissing();
 * orders.create(order);
 * }</pre>
 *
 * <p>Thread-safe; build one per application and close it at shutdown.
 */
public interface DynamORM extends AutoCloseable, PluginAccess {

    /**
     * A new builder.
     *
     * @return the builder
     */
    static Builder builder() {
        return new Builder();
    }

    /**
     * The version of DynamORM on the path, e.g. {@code 0.1.0}; the bundled plugins report it as
     * theirs.
     *
     * @return the version, or {@code unknown} when the API jar was built without its version
     *     resource
     */
    static String version() {
        return Version.VALUE;
    }

    /**
     * The table of a model, registering the model on first use.
     *
     * @param modelType a record or JavaBean annotated with {@code @DynamoTable}
     * @param <T> the model type
     * @return the table
     * @throws ModelDefinitionException if the model is invalid (message names the class and field)
     */
    <T> Table<T> table(Class<T> modelType);

    /**
     * A query over one partition of an entity family's table across all its member types: a
     * collection in single-table terms. Give the partition with {@code where(field, "=", value)} on
     * the partition key (or every field of its template); results come in sort key order as the
     * family type, with pagination and cursors as for any query. A collection never scans and never
     * reads an index.
     *
     * <pre>{@code
     * List<Shop> all = db.collection(Shop.class).where("customerId", "=", "c1").all();
     * }</pre>
     *
     * @param family a sealed interface (or abstract class) with {@code @DynamoTable}
     * @param <T> the family type
     * @return the query, to be narrowed with {@code where}
     * @throws InvalidRequestException if the type is not an entity family root (and, when the query
     *     runs, if it does not name one partition)
     * @throws UnsupportedOperationException if the engine does not support collections
     */
    default <T> Query<T> collection(Class<T> family) {
        throw new UnsupportedOperationException("collection");
    }

    /**
     * The DynamoDB client in use.
     *
     * @return the client
     * @throws IllegalStateException if this instance was built with only an async client
     */
    DynamoDbClient client();

    /**
     * Runs an atomic write transaction: the consumer adds actions, then DynamORM sends them as one
     * TransactWriteItems call with a client request token, retrying conflicts and throttling with
     * the same token. Nothing is sent if the consumer throws or adds no action.
     *
     * @param body adds the actions
     * @return the token, the written items and the consumed capacity
     * @throws TransactionCanceledException if DynamoDB cancelled it (nothing was applied); the
     *     reasons name each action's model, key and failure
     * @throws InvalidRequestException if an action is invalid or the transaction too large (before
     *     sending)
     */
    default TransactionResult transaction(Consumer<Transaction> body) {
        throw new UnsupportedOperationException();
    }

    /**
     * Reads up to 100 items atomically with one TransactGetItems call.
     *
     * @param body adds the gets
     * @return the items, in the order of the gets
     * @throws TransactionCanceledException if DynamoDB cancelled the read (e.g. a conflicting
     *     write)
     * @throws InvalidRequestException if a get is invalid or there are more than 100 (before
     *     sending)
     */
    default TransactionReadResult readTransaction(Consumer<ReadTransaction> body) {
        throw new UnsupportedOperationException();
    }

    /**
     * The non-blocking view of this instance (transactions) over the async client given to {@link
     * Builder#asyncClient}; tables have theirs with {@link Table#async()}.
     *
     * @return the async view
     * @throws IllegalStateException if no async client was given
     */
    default AsyncDynamORM async() {
        throw new UnsupportedOperationException("async");
    }

    /**
     * A writer that batches single puts and deletes from many threads, with default options.
     *
     * @return a new writer; close it to flush and stop it
     */
    default BatchWriter batchWriter() {
        return batchWriter(BatchWriterOptions.defaults());
    }

    /**
     * A writer that batches single puts and deletes from many threads.
     *
     * @param options flush triggers, buffer bound, parallelism and retries
     * @return a new writer; close it to flush and stop it
     */
    default BatchWriter batchWriter(BatchWriterOptions options) {
        throw new UnsupportedOperationException();
    }

    /**
     * Flushes open batch writers (sync and {@link AsyncDynamORM#batchWriter async}) and waits for
     * them, then shuts plugins down in reverse order and closes the client if DynamORM built it.
     * Waiting for an async writer needs the async executor free: do not call this from the only
     * thread of a single-thread {@code asyncExecutor}.
     */
    @Override
    void close();

    /**
     * Builds a {@link DynamORM}: give either an existing client or the settings to build one. Not
     * thread-safe; {@link #build()} leaves it reusable.
     */
    final class Builder {
        @Nullable DynamoDbClient client;
        @Nullable Region region;
        @Nullable URI endpoint;
        @Nullable AwsCredentialsProvider credentialsProvider;
        @Nullable AssumeRole assumeRole;
        int maxConnections;
        Clock clock = Clock.systemUTC();
        String tableNamePrefix = "";
        final List<ConverterProvider> converterProviders = new ArrayList<>();
        @Nullable RetryPolicy retryPolicy;
        @Nullable IndexScorer indexScorer;
        final List<Plugin> plugins = new ArrayList<>();
        boolean discoverPlugins = true;
        final Set<String> disabledPlugins = new LinkedHashSet<>();
        final java.util.Map<Class<?>, dev.dynamorm.PluginConfig> pluginConfigs =
                new java.util.LinkedHashMap<>();
        final java.util.Map<String, java.util.Map<String, String>> pluginProperties =
                new java.util.TreeMap<>();
        boolean logAttributeValues;
        boolean hideExpiredItems;
        boolean requireGeneratedModels;
        javax.crypto.@Nullable SecretKey cursorKey;
        software.amazon.awssdk.services.dynamodb.@Nullable DynamoDbAsyncClient asyncClient;
        java.util.concurrent.@Nullable Executor asyncExecutor;

        Builder() {}

        /**
         * Uses an existing client, which DynamORM will not close.
         *
         * <p>Retries: DynamORM's {@link RetryPolicy} retries throttling, server errors, network
         * errors, transaction conflicts and unprocessed batch items. A client you build keeps its
         * own SDK retries, which run inside each DynamORM attempt (throttling and server errors are
         * then retried by both). To let the policy alone decide, build the client with {@code
         * .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))}. The client
         * DynamORM builds from settings has SDK retries turned off.
         *
         * @param client the client
         * @return this builder
         */
        public Builder client(DynamoDbClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * Uses an existing async client for {@link Table#async()}, which DynamORM will not close.
         * Give it alongside a sync client (or client settings) to have both views; given alone,
         * only the async view works and every sync operation fails with {@link
         * IllegalStateException} (table management included: create tables with a sync instance).
         * The same advice on SDK retries as for {@link #client} applies.
         *
         * @param asyncClient the client
         * @return this builder
         */
        public Builder asyncClient(
                software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient asyncClient) {
            this.asyncClient = Objects.requireNonNull(asyncClient, "asyncClient");
            return this;
        }

        /**
         * Sets the executor that runs every hook, conversion and completion of the async view, and
         * each retry after its backoff.
         *
         * <p>Without this call they run on the thread that completed the SDK's future: the client's
         * future-completion executor ({@code
         * SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR}, the SDK's own pool unless
         * configured otherwise), or the calling thread when the answer was already there. That
         * takes no extra thread hand-off per request (the cost of the async view is then the SDK's
         * alone). Only when that thread is an I/O event loop (a Netty or CRT event loop, e.g. with
         * {@code FUTURE_COMPLETION_EXECUTOR} set to {@code Runnable::run}) do they move to the
         * common fork-join pool, so a blocking hook never stalls I/O; retries wait on a timer and
         * resume on the common pool. Give an executor here when hooks or converters block for long
         * (the SDK's completion pool is small and shared by every request of the client), or when
         * continuations must run on threads of your own.
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder asyncExecutor(java.util.concurrent.Executor executor) {
            this.asyncExecutor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Sets the region of the client DynamORM builds.
         *
         * @param region the region
         * @return this builder
         */
        public Builder region(Region region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /**
         * Sets the endpoint of the client DynamORM builds (e.g. a local server).
         *
         * @param endpoint an absolute http or https URI
         * @return this builder
         * @throws IllegalArgumentException if the URI is not absolute http(s)
         */
        public Builder endpoint(URI endpoint) {
            Objects.requireNonNull(endpoint, "endpoint");
            if (endpoint.getScheme() == null
                    || !endpoint.getScheme().matches("https?")
                    || endpoint.getHost() == null) {
                throw new IllegalArgumentException(
                        "endpoint must be an absolute http or https URI, got " + endpoint);
            }
            this.endpoint = endpoint;
            return this;
        }

        /**
         * Sets the credentials of the client DynamORM builds.
         *
         * @param credentialsProvider the provider
         * @return this builder
         */
        public Builder credentialsProvider(AwsCredentialsProvider credentialsProvider) {
            this.credentialsProvider =
                    Objects.requireNonNull(credentialsProvider, "credentialsProvider");
            return this;
        }

        /**
         * Assumes a role through STS (for the client DynamORM builds).
         *
         * @param roleArn the role's ARN
         * @param sessionName the session name
         * @param externalId the external ID, or null
         * @return this builder
         * @throws IllegalArgumentException if the ARN or session name is invalid
         */
        public Builder assumeRole(String roleArn, String sessionName, @Nullable String externalId) {
            this.assumeRole = new AssumeRole(roleArn, sessionName, externalId);
            return this;
        }

        /**
         * Sets the HTTP connection pool size of the client DynamORM builds.
         *
         * @param maxConnections at least 1
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder maxConnections(int maxConnections) {
            if (maxConnections < 1) {
                throw new IllegalArgumentException(
                        "maxConnections must be at least 1, got " + maxConnections);
            }
            this.maxConnections = maxConnections;
            return this;
        }

        /**
         * Sets the clock for created-at, updated-at and TTL decisions.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets a prefix for every table name (e.g. an environment name).
         *
         * @param prefix letters, digits, {@code _ - .}
         * @return this builder
         * @throws IllegalArgumentException if it has other characters
         */
        public Builder tableNamePrefix(String prefix) {
            Objects.requireNonNull(prefix, "prefix");
            if (!prefix.matches("[A-Za-z0-9_.-]*")) {
                throw new IllegalArgumentException(
                        String.format(
                                Locale.ROOT,
                                "table name prefix may contain only letters, digits, '_', '-' and '.', got '%s'",
                                prefix));
            }
            this.tableNamePrefix = prefix;
            return this;
        }

        /**
         * Adds a converter provider.
         *
         * @param provider the provider
         * @return this builder
         */
        public Builder converters(ConverterProvider provider) {
            converterProviders.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /**
         * Sets the retry policy, replacing the discovered or default one.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Sets the index scorer every query uses to choose among the table and its indexes,
         * replacing a discovered one and the default. A query's own {@link
         * Query#indexScorer(dev.dynamorm.IndexScorer)} still overrides it. Without this call, an
         * {@link dev.dynamorm.IndexScorer} found with {@link ServiceLoader} is used (the first by
         * class name when several are found), else the default scoring; pass {@code c ->
         * c.defaultScore()} to keep the default even when one is on the path.
         *
         * @param scorer the scorer
         * @return this builder
         */
        public Builder indexScorer(dev.dynamorm.IndexScorer scorer) {
            this.indexScorer = Objects.requireNonNull(scorer, "scorer");
            return this;
        }

        /**
         * Registers a plugin explicitly.
         *
         * @param plugin the plugin
         * @return this builder
         */
        public Builder plugin(Plugin plugin) {
            plugins.add(Objects.requireNonNull(plugin, "plugin"));
            return this;
        }

        /**
         * Turns plugin discovery through {@link ServiceLoader} on (default) or off.
         *
         * @param enabled whether to discover
         * @return this builder
         */
        public Builder discoverPlugins(boolean enabled) {
            this.discoverPlugins = enabled;
            return this;
        }

        /**
         * Keeps a discovered plugin from being installed.
         *
         * @param name the plugin's name
         * @return this builder
         */
        public Builder disablePlugin(String name) {
            disabledPlugins.add(Objects.requireNonNull(name, "name"));
            return this;
        }

        /**
         * Gives a plugin its typed configuration, which it reads with {@link
         * dev.dynamorm.PluginContext#config(Class)}.
         *
         * @param config the configuration (one per class)
         * @return this builder
         * @throws IllegalStateException if a configuration of the same class was already given
         */
        public Builder pluginConfig(dev.dynamorm.PluginConfig config) {
            Objects.requireNonNull(config, "config");
            dev.dynamorm.PluginConfig previous =
                    pluginConfigs.putIfAbsent(config.getClass(), config);
            if (previous != null) {
                throw new IllegalStateException(
                        String.format(
                                Locale.ROOT,
                                "plugin configuration %s was already set to %s",
                                config.getClass().getName(),
                                previous));
            }
            return this;
        }

        /**
         * Sets one configuration property of a plugin, which it reads with {@link
         * dev.dynamorm.PluginContext#properties()}.
         *
         * @param plugin the plugin's name
         * @param key the property key, e.g. {@code models}
         * @param value the value
         * @return this builder
         * @throws IllegalArgumentException if the plugin name is blank or contains '.', or the key
         *     is blank
         */
        public Builder pluginProperty(String plugin, String key, String value) {
            Objects.requireNonNull(plugin, "plugin");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            if (plugin.isBlank() || plugin.contains(".")) {
                throw new IllegalArgumentException(
                        String.format(
                                Locale.ROOT,
                                "plugin name must be non-blank without '.', got '%s'",
                                plugin));
            }
            if (key.isBlank()) {
                throw new IllegalArgumentException(
                        String.format(
                                Locale.ROOT,
                                "property key of plugin '%s' must not be blank",
                                plugin));
            }
            pluginProperties
                    .computeIfAbsent(plugin, p -> new java.util.TreeMap<>())
                    .put(key, value);
            return this;
        }

        /**
         * Reads plugin settings from properties (e.g. a file or the system properties); other keys
         * are ignored: {@code dynamorm.plugin.<name>.<key>=value} sets a plugin property, {@code
         * dynamorm.plugins.discover=false} turns discovery off and {@code
         * dynamorm.plugins.disabled=name1,name2} disables discovered plugins.
         *
         * @param properties the properties
         * @return this builder
         * @throws IllegalArgumentException if {@code dynamorm.plugins.discover} is not true or
         *     false, or a {@code dynamorm.plugin.} key has no {@code <name>.<key>}
         */
        public Builder pluginProperties(java.util.Properties properties) {
            BuilderProperties.apply(this, Objects.requireNonNull(properties, "properties"));
            return this;
        }

        /**
         * Shows attribute values in DEBUG logs instead of redacting them.
         *
         * @param enabled whether to show values
         * @return this builder
         */
        public Builder logAttributeValues(boolean enabled) {
            this.logAttributeValues = enabled;
            return this;
        }

        /**
         * Encrypts and authenticates pagination cursors ({@link Page#cursor()}) with this AES key
         * (AES-GCM, 128, 192 or 256 bits). Without it a cursor is bound to its query and checked,
         * but the key values it carries are readable by whoever holds it; with it they are not, and
         * a cursor can neither be altered nor made without the key. Every instance that continues a
         * cursor needs the same key; a plain cursor is then refused, as an encrypted one is by an
         * instance without the key.
         *
         * @param key an AES key, for example from {@code new SecretKeySpec(bytes, "AES")} with 16,
         *     24 or 32 bytes from a secret store
         * @return this builder
         * @throws NullPointerException if the key is null
         * @throws IllegalArgumentException if the key is not an AES key of 16, 24 or 32 bytes
         */
        public Builder cursorKey(javax.crypto.SecretKey key) {
            java.util.Objects.requireNonNull(key, "key");
            byte[] encoded = key.getEncoded();
            if (!"AES".equalsIgnoreCase(key.getAlgorithm())
                    || encoded == null
                    || (encoded.length != 16 && encoded.length != 24 && encoded.length != 32)) {
                throw new IllegalArgumentException(
                        "cursorKey needs an AES key of 16, 24 or 32 bytes, got "
                                + key.getAlgorithm()
                                + (encoded == null ? "" : " of " + encoded.length + " bytes"));
            }
            this.cursorKey = key;
            return this;
        }

        /**
         * Makes reads ({@code get}, batch gets, read transactions, key lookups, and the results of
         * queries and scans, including {@code count()}) hide items whose {@code @Ttl} time, by the
         * configured clock, has passed but which DynamoDB has not deleted yet (it may take up to a
         * few days). Hidden items do not count toward a query's {@code limit}, and {@code count()}
         * reads each matching item's TTL attribute instead of asking for a bare count. A query
         * reading a global index that does not project the {@code @Ttl} attribute cannot tell and
         * returns its items. Off by default.
         *
         * @param enabled whether to hide expired items
         * @return this builder
         */
        public Builder hideExpiredItems(boolean enabled) {
            this.hideExpiredItems = enabled;
            return this;
        }

        /**
         * Makes a model without a schema generated by {@code dynamorm-processor} an error instead
         * of a model read by reflection: {@code table(...)} (and any use of a nested type) then
         * throws {@code ModelDefinitionException} naming the class. Off by default.
         *
         * @param required whether every model must have a generated schema
         * @return this builder
         */
        public Builder requireGeneratedModels(boolean required) {
            this.requireGeneratedModels = required;
            return this;
        }

        /**
         * Finds the engine and builds the instance.
         *
         * @return the instance
         * @throws IllegalStateException if a client and client settings are both given, or no
         *     engine is found
         */
        public DynamORM build() {
            if (client != null
                    && (region != null
                            || endpoint != null
                            || credentialsProvider != null
                            || assumeRole != null
                            || maxConnections != 0)) {
                throw new IllegalStateException(
                        "give either client(...) or region/endpoint/credentials/assumeRole/maxConnections, not both: "
                                + "settings of a client you built belong on that client");
            }
            DynamORMConfig config = new DynamORMConfig(this);
            return DynamORMConfig.engine(config);
        }
    }
}
