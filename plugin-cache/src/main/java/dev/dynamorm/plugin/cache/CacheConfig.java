package dev.dynamorm.plugin.cache;

import dev.dynamorm.PluginConfig;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which models the cache plugin caches, and how: per model (or table) a maximum number of items and
 * a time-to-live after the entry was loaded. Models not listed are never cached. Immutable.
 *
 * <pre>{@code
 * DynamORM db = DynamORM.builder().client(client)
 *         .pluginConfig(CacheConfig.builder().model(Order.class, 10_000, Duration.ofMinutes(5)).build())
 *         .build();
 * }</pre>
 *
 * <p>A model is named by its class name or its physical table name (with the configured prefix),
 * else by its simple class name, else by its logical table name ({@code @DynamoTable}); a simple
 * class name that two models in use share (or a logical name two tables share) fails their
 * operations with a message asking for the class name. The same can be given as properties ({@code
 * DynamORM.Builder.pluginProperties}): {@code
 * dynamorm.plugin.cache.models=com.acme.Order,customers}, {@code
 * dynamorm.plugin.cache.maximumSize=10000} and {@code dynamorm.plugin.cache.ttl=PT5M} (defaults for
 * the listed models), {@code dynamorm.plugin.cache.model.<class-or-table>.maximumSize} and {@code
 * ...ttl} (per model). A typed configuration replaces the properties. An unknown property fails
 * {@code build()} with the closest known one.
 */
public final class CacheConfig implements PluginConfig {

    /** The default maximum number of cached items per model. */
    public static final long DEFAULT_MAXIMUM_SIZE = 10_000;

    /** The default time-to-live of a cached item. */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);

    private final Map<String, ModelSettings> models;
    private final Optional<InstantSource> clock;

    private CacheConfig(Map<String, ModelSettings> models, Optional<InstantSource> clock) {
        this.models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
        this.clock = clock;
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The cached models: class name, simple class name, physical or logical table name, to
     * settings.
     *
     * @return the settings by model
     */
    public Map<String, ModelSettings> models() {
        return models;
    }

    /**
     * The time source that ages cached items, if one was set ({@link Builder#clock}); empty means
     * the JVM's monotonic clock.
     *
     * @return the clock, or empty
     */
    public Optional<InstantSource> clock() {
        return clock;
    }

    @Override
    public String pluginName() {
        return "cache";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CacheConfig c && models.equals(c.models) && clock.equals(c.clock);
    }

    @Override
    public int hashCode() {
        return Objects.hash(models, clock);
    }

    @Override
    public String toString() {
        return "CacheConfig" + models;
    }

    /**
     * The cache settings of one model.
     *
     * @param maximumSize the most items kept (least recently used ones are evicted first)
     * @param ttl how long a loaded item is served before it is read again
     */
    public record ModelSettings(long maximumSize, Duration ttl) {

        /**
         * Validates the settings.
         *
         * @throws IllegalArgumentException if the size is below 1 or the time-to-live not positive
         */
        public ModelSettings {
            Objects.requireNonNull(ttl, "ttl");
            if (maximumSize < 1) {
                throw new IllegalArgumentException(
                        String.format(
                                Locale.ROOT,
                                "cache maximumSize must be at least 1, got %d",
                                maximumSize));
            }
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException(
                        String.format(Locale.ROOT, "cache ttl must be positive, got %s", ttl));
            }
        }
    }

    /** Builds a {@link CacheConfig}. Not thread-safe; {@link #build()} leaves it reusable. */
    public static final class Builder {
        private final Map<String, ModelSettings> models = new LinkedHashMap<>();
        private Optional<InstantSource> clock = Optional.empty();

        private Builder() {}

        /**
         * The time source that ages cached items (see the time-to-live of {@link #model(Class,
         * long, Duration)}); by default the JVM's monotonic clock. Meant for tests that advance
         * time themselves instead of sleeping.
         *
         * @param clock the time source; its instants must not go backwards
         * @return this builder
         */
        public Builder clock(InstantSource clock) {
            this.clock = Optional.of(Objects.requireNonNull(clock, "clock"));
            return this;
        }

        /**
         * Caches a model.
         *
         * @param modelType the model class
         * @param maximumSize the most items kept
         * @param ttl how long a loaded item is served
         * @return this builder
         * @throws IllegalArgumentException if the size is below 1 or the time-to-live not positive
         * @throws IllegalStateException if the model was already configured
         */
        public Builder model(Class<?> modelType, long maximumSize, Duration ttl) {
            return add(Objects.requireNonNull(modelType, "modelType").getName(), maximumSize, ttl);
        }

        /**
         * Caches a model with the default size and time-to-live.
         *
         * @param modelType the model class
         * @return this builder
         * @throws IllegalStateException if the model was already configured
         */
        public Builder model(Class<?> modelType) {
            return model(modelType, DEFAULT_MAXIMUM_SIZE, DEFAULT_TTL);
        }

        /**
         * Caches a model named by its table, physical (as DynamoDB knows it, with any prefix) or
         * logical (the {@code @DynamoTable} value), or by its simple class name.
         *
         * @param tableName the table or simple class name
         * @param maximumSize the most items kept
         * @param ttl how long a loaded item is served
         * @return this builder
         * @throws IllegalArgumentException if the name is blank, the size below 1 or the
         *     time-to-live not positive
         * @throws IllegalStateException if the table was already configured
         */
        public Builder table(String tableName, long maximumSize, Duration ttl) {
            Objects.requireNonNull(tableName, "tableName");
            if (tableName.isBlank()) {
                throw new IllegalArgumentException("cache table name must not be blank");
            }
            return add(tableName, maximumSize, ttl);
        }

        private Builder add(String name, long maximumSize, Duration ttl) {
            ModelSettings settings = new ModelSettings(maximumSize, ttl);
            ModelSettings previous = models.putIfAbsent(name, settings);
            if (previous != null) {
                throw new IllegalStateException(
                        String.format(
                                Locale.ROOT,
                                "cache settings of %s were already set to %s",
                                name,
                                previous));
            }
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         */
        public CacheConfig build() {
            return new CacheConfig(models, clock);
        }
    }
}
