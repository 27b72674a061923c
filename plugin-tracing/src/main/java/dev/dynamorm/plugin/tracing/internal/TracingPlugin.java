package dev.dynamorm.plugin.tracing.internal;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Hook;
import dev.dynamorm.Plugin;
import dev.dynamorm.PluginContext;
import dev.dynamorm.plugin.tracing.TracingConfig;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import java.util.List;
import java.util.Locale;

/**
 * The tracing plugin: a span per request. Runs first (order -1000) so its span covers the other
 * hooks.
 */
public final class TracingPlugin implements Plugin {

    /** The plugin's name. */
    public static final String NAME = "tracing";

    private volatile TracingHook hook;

    /** Creates the plugin; {@link java.util.ServiceLoader} calls this. */
    public TracingPlugin() {}

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
        return -1000;
    }

    @Override
    public void initialize(PluginContext context) {
        for (String key : context.properties().keySet()) {
            throw new IllegalArgumentException(
                    String.format(
                            Locale.ROOT,
                            "unknown option '%s' for plugin tracing; it takes no options (give the "
                                    + "OpenTelemetry instance with TracingConfig)",
                            key));
        }
        OpenTelemetry otel =
                context.config(TracingConfig.class)
                        .map(TracingConfig::openTelemetry)
                        .orElseGet(GlobalOpenTelemetry::get);
        this.hook = new TracingHook(otel.getTracer("dev.dynamorm", version()));
    }

    @Override
    public List<Hook> hooks() {
        TracingHook h = hook;
        return h == null ? List.of() : List.of(h);
    }
}
