/**
 * DynamORM metrics plugin: Micrometer timers and counters for every operation. Exports its
 * configuration; the plugin itself is found through {@link java.util.ServiceLoader}.
 */
module dev.dynamorm.plugin.metrics {
    // MetricsConfig implements PluginConfig
    requires transitive dev.dynamorm.api;
    // MetricsConfig takes a MeterRegistry
    requires transitive micrometer.core;

    exports dev.dynamorm.plugin.metrics;

    provides dev.dynamorm.Plugin with
            dev.dynamorm.plugin.metrics.internal.MetricsPlugin;
}
