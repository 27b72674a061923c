package dev.dynamorm.plugin.tracing;

import dev.dynamorm.PluginConfig;
import io.opentelemetry.api.OpenTelemetry;
import java.util.Objects;

/**
 * The OpenTelemetry instance the tracing plugin creates spans with. Without this configuration the
 * plugin uses {@code GlobalOpenTelemetry.get()}. Immutable.
 *
 * <pre>{@code
 * DynamORM db = DynamORM.builder().client(client)
 *         .pluginConfig(TracingConfig.of(openTelemetry))
 *         .build();
 * }</pre>
 */
public final class TracingConfig implements PluginConfig {

    private final OpenTelemetry openTelemetry;

    private TracingConfig(OpenTelemetry openTelemetry) {
        this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
    }

    /**
     * Traces with an OpenTelemetry instance.
     *
     * @param openTelemetry the instance
     * @return the configuration
     */
    public static TracingConfig of(OpenTelemetry openTelemetry) {
        return new TracingConfig(openTelemetry);
    }

    /**
     * The OpenTelemetry instance.
     *
     * @return the instance
     */
    public OpenTelemetry openTelemetry() {
        return openTelemetry;
    }

    @Override
    public String pluginName() {
        return "tracing";
    }

    @Override
    public String toString() {
        return "TracingConfig[" + openTelemetry + "]";
    }
}
