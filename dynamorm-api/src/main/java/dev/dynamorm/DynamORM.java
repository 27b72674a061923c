package dev.dynamorm;

import dev.dynamorm.spi.ConverterProvider;
import dev.dynamorm.spi.EngineProvider;
import dev.dynamorm.spi.Plugin;
import dev.dynamorm.spi.RetryPolicy;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
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
public interface DynamORM extends AutoCloseable {

    /**
     * A new builder.
     *
     * @return the builder
     */
    static Builder builder() {
        return new Builder();
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
     * The DynamoDB client in use.
     *
     * @return the client
     */
    DynamoDbClient client();

    /**
     * The names of the installed plugins, in installation order.
     *
     * @return the plugin names
     */
    List<String> plugins();

    /**
     * Shuts plugins down in reverse order and closes the client if DynamORM built it.
     */
    @Override
    void close();

    /**
     * Builds a {@link DynamORM}: give either an existing client or the settings to build one.
     * Not thread-safe; {@link #build()} leaves it reusable.
     */
    final class Builder {
        DynamoDbClient client;
        Region region;
        URI endpoint;
        AwsCredentialsProvider credentialsProvider;
        AssumeRole assumeRole;
        int maxConnections;
        Clock clock = Clock.systemUTC();
        String tableNamePrefix = "";
        final List<ConverterProvider> converterProviders = new ArrayList<>();
        RetryPolicy retryPolicy;
        final List<Plugin> plugins = new ArrayList<>();
        boolean discoverPlugins = true;
        final Set<String> disabledPlugins = new LinkedHashSet<>();
        boolean logAttributeValues;

        Builder() {
        }

        /**
         * Uses an existing client, which DynamORM will not close.
         *
         * @param client the client
         * @return this builder
         */
        public Builder client(DynamoDbClient client) {
            this.client = Objects.requireNonNull(client, "client");
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
            if (endpoint.getScheme() == null || !endpoint.getScheme().matches("https?") || endpoint.getHost() == null) {
                throw new IllegalArgumentException("endpoint must be an absolute http or https URI, got " + endpoint);
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
            this.credentialsProvider = Objects.requireNonNull(credentialsProvider, "credentialsProvider");
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
        public Builder assumeRole(String roleArn, String sessionName, String externalId) {
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
                throw new IllegalArgumentException("maxConnections must be at least 1, got " + maxConnections);
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
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "table name prefix may contain only letters, digits, '_', '-' and '.', got '%s'", prefix));
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
         * Finds the engine and builds the instance.
         *
         * @return the instance
         * @throws IllegalStateException if a client and client settings are both given, or no engine is found
         */
        public DynamORM build() {
            if (client != null && (region != null || endpoint != null || credentialsProvider != null
                    || assumeRole != null || maxConnections != 0)) {
                throw new IllegalStateException(
                        "give either client(...) or region/endpoint/credentials/assumeRole/maxConnections, not both: "
                                + "settings of a client you built belong on that client");
            }
            DynamORMConfig config = new DynamORMConfig(this);
            List<EngineProvider> engines = new ArrayList<>();
            ServiceLoader.load(EngineProvider.class).forEach(engines::add);
            if (engines.isEmpty()) {
                ServiceLoader.load(EngineProvider.class, DynamORM.class.getClassLoader()).forEach(engines::add);
            }
            return engines.stream()
                    .max(Comparator.comparingInt(EngineProvider::priority))
                    .orElseThrow(() -> new IllegalStateException(
                            "no DynamORM engine found: add dev.dynamorm:dynamorm-engine to the module path or class path"))
                    .create(config);
        }
    }
}
