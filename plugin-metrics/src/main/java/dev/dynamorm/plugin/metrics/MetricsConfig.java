package dev.dynamorm.plugin.metrics;

import dev.dynamorm.spi.PluginConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.util.List;
import java.util.Objects;

/**
 * The registry the metrics plugin records into, and tags added to every meter. Without this
 * configuration the plugin records into Micrometer's global registry ({@code
 * Metrics.globalRegistry}). Immutable.
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

    private MetricsConfig(MeterRegistry registry, List<Tag> commonTags) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.commonTags = List.copyOf(commonTags);
    }

    /**
     * Records into a registry.
     *
     * @param registry the registry
     * @return the configuration
     */
    public static MetricsConfig of(MeterRegistry registry) {
        return new MetricsConfig(registry, List.of());
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
        return new MetricsConfig(registry, tags);
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
                + "]";
    }
}
