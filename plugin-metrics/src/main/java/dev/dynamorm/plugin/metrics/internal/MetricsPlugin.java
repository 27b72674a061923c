package dev.dynamorm.plugin.metrics.internal;

import dev.dynamorm.plugin.metrics.MetricsConfig;
import dev.dynamorm.spi.Hook;
import dev.dynamorm.spi.Plugin;
import dev.dynamorm.spi.PluginContext;
import io.micrometer.core.instrument.Metrics;
import java.util.List;

/**
 * The metrics plugin: records every request into a Micrometer registry. Runs early (order -900).
 */
public final class MetricsPlugin implements Plugin {

    /** The plugin's name. */
    public static final String NAME = "metrics";

    private volatile MetricsHook hook;

    /** Creates the plugin; {@link java.util.ServiceLoader} calls this. */
    public MetricsPlugin() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        String v = MetricsPlugin.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }

    @Override
    public int order() {
        return -900;
    }

    @Override
    public void initialize(PluginContext context) {
        MetricsConfig config =
                context.config(MetricsConfig.class)
                        .orElseGet(() -> MetricsConfig.of(Metrics.globalRegistry));
        MetricsHook h = new MetricsHook(config.registry(), config.commonTags());
        context.onStatistic(h::register);
        this.hook = h;
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
    }
}
