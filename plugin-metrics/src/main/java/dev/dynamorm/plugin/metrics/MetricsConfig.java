package dev.dynamorm.plugin.metrics;

import dev.dynamorm.PluginConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.util.List;
import java.util.Objects;

/**
 * The registry the metrics plugin records into, and tags added to every meter. Without this
 * configuration the plugin records into Micrometer's global registry ({@code
 * Metrics.globalRegistry}). Immutable.
 *
 * <p>Every meter carries the tag {@code dynamorm.instance}, so several {@code DynamORM} instances
 * can record into one registry without sharing meters: the name given with {@link
 * #withInstance(String)} (or the property {@code dynamorm.plugin.metrics.instance}), else {@code
 * dynamorm-1}, {@code dynamorm-2}, ... (the lowest number no live instance on the registry uses).
 * The {@code model} tag is the model's simple class name on every meter.
 *
 * <pre>{@code
 * DynamORM db = DynamORM.builder().client(client)
 *         .pluginConfig(MetricsConfig.of(meterRegistry))
 *         .build();
 * }</pre>
 */
public final class MetricsConfig implements PluginConfig {

    private final MeterRegistry registry;
    private final List<Tag> commonTags;
    private final String instance;

    private MetricsConfig(MeterRegistry registry, List<Tag> commonTags, String instance) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.commonTags = List.copyOf(commonTags);
        this.instance = instance;
    }

    /**
     * Records into a registry.
     *
     * @param registry the registry
     * @return the configuration
     */
    public static MetricsConfig of(MeterRegistry registry) {
        return new MetricsConfig(registry, List.of(), null);
    }

    /**
     * A copy that adds tags to every meter (e.g. the application's name).
     *
     * @param keyValues tag keys and values, alternating
     * @return the new configuration
     * @throws IllegalArgumentException if there is an odd number of strings
     */
    public MetricsConfig withTags(String... keyValues) {
        Objects.requireNonNull(keyValues, "keyValues");
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "tags must be key/value pairs, got " + keyValues.length + " strings");
        }
        List<Tag> tags = new java.util.ArrayList<>(commonTags);
        for (int i = 0; i < keyValues.length; i += 2) {
            tags.add(Tag.of(keyValues[i], keyValues[i + 1]));
        }
        return new MetricsConfig(registry, tags, instance);
    }

    /**
     * A copy whose meters carry {@code dynamorm.instance=name}; no other live {@code DynamORM}
     * instance on the same registry may use the name.
     *
     * @param name the instance's name, e.g. {@code orders-db}
     * @return the new configuration
     * @throws IllegalArgumentException if the name is blank
     */
    public MetricsConfig withInstance(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("metrics instance name must not be blank");
        }
        return new MetricsConfig(registry, commonTags, name);
    }

    /**
     * The instance name given with {@link #withInstance(String)}.
     *
     * @return the name, or empty for the next free {@code dynamorm-N}
     */
    public java.util.Optional<String> instance() {
        return java.util.Optional.ofNullable(instance);
    }

    /**
     * The registry.
     *
     * @return the registry
     */
    public MeterRegistry registry() {
        return registry;
    }

    /**
     * Tags added to every meter.
     *
     * @return the tags
     */
    public List<Tag> commonTags() {
        return commonTags;
    }

    @Override
    public String pluginName() {
        return "metrics";
    }

    @Override
    public String toString() {
        return "MetricsConfig["
                + registry.getClass().getSimpleName()
                + ", tags="
                + commonTags
                + (instance == null ? "" : ", instance=" + instance)
                + "]";
    }
}
