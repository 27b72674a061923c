/**
 * DynamORM tracing plugin: an OpenTelemetry span per request, with the database semantic
 * conventions for DynamoDB. Uses the OpenTelemetry API only. Exports its configuration; the plugin
 * itself is found through {@link java.util.ServiceLoader}.
 */
module dev.dynamorm.plugin.tracing {
    // TracingConfig implements PluginConfig
    requires transitive dev.dynamorm.api;
    // TracingConfig takes an OpenTelemetry instance
    requires transitive io.opentelemetry.api;
    requires io.opentelemetry.context;

    exports dev.dynamorm.plugin.tracing;

    provides dev.dynamorm.Plugin with
            dev.dynamorm.plugin.tracing.internal.TracingPlugin;
}
