package dev.dynamorm;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
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
