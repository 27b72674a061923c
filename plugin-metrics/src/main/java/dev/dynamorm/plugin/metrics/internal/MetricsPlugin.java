package dev.dynamorm.plugin.metrics.internal;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Hook;
import dev.dynamorm.Plugin;
import dev.dynamorm.PluginContext;
import dev.dynamorm.plugin.metrics.MetricsConfig;
import dev.dynamorm.spi.Suggestions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The metrics plugin: records every request into a Micrometer registry. Runs early (order -900).
 */
public final class MetricsPlugin implements Plugin {

    /** The plugin's name. */
    public static final String NAME = "metrics";

    /** The property keys {@link #fromProperties} reads. */
    static final List<String> KEYS = List.of("instance");

    private volatile MetricsHook hook;
    private volatile MeterRegistry registry;
    private volatile String instance;

    /** Creates the plugin; {@link java.util.ServiceLoader} calls this. */
    public MetricsPlugin() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return DynamORM.version();
    }

    @Override
    public int order() {
        return -900;
    }

    @Override
    public void initialize(PluginContext context) {
        MetricsConfig config =
                context.config(MetricsConfig.class)
                        .orElseGet(() -> fromProperties(context.properties()));
        String instance = InstanceNames.claim(config.registry(), config.instance().orElse(null));
        List<Tag> tags = new ArrayList<>(config.commonTags());
        tags.add(Tag.of(InstanceNames.TAG, instance));
        MetricsHook h = new MetricsHook(config.registry(), tags);
        this.registry = config.registry();
        this.instance = instance;
        context.onStatistic(h::register);
        this.hook = h;
    }

    /** Reads {@code instance}; records into Micrometer's global registry. */
    static MetricsConfig fromProperties(Map<String, String> properties) {
        MetricsConfig config = MetricsConfig.of(Metrics.globalRegistry);
        for (Map.Entry<String, String> e : properties.entrySet()) {
            if (!KEYS.contains(e.getKey())) {
                throw new IllegalArgumentException(
                        String.format(
                                Locale.ROOT,
                                "unknown option '%s' for plugin metrics; %soptions are %s (the registry and tags "
                                        + "are set with MetricsConfig)",
                                e.getKey(),
                                Suggestions.didYouMean(e.getKey(), KEYS),
                                KEYS));
            }
            config = config.withInstance(e.getValue().trim());
        }
        return config;
    }

    @Override
    public List<Hook> hooks() {
        MetricsHook h = hook;
        return h == null ? List.of() : List.of(h);
    }

    @Override
    public void shutdown() {
        MetricsHook h = hook;
        if (h != null) {
            h.removeStatistics();
        }
        if (instance != null) {
            InstanceNames.release(registry, instance);
            instance = null;
        }
    }
}
