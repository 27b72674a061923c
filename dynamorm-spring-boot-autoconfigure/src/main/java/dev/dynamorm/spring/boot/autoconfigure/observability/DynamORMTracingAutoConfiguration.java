package dev.dynamorm.spring.boot.autoconfigure.observability;

import dev.dynamorm.plugin.tracing.TracingConfig;
import dev.dynamorm.spring.boot.autoconfigure.DynamORMAutoConfiguration;
import dev.dynamorm.spring.boot.autoconfigure.DynamORMBuilderCustomizer;
import io.opentelemetry.api.OpenTelemetry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * With plugin-tracing on the class path: the plugin traces through the application's {@code
 * OpenTelemetry} bean (when it has one) instead of {@code GlobalOpenTelemetry}.
 */
@AutoConfiguration(before = DynamORMAutoConfiguration.class)
@ConditionalOnClass({TracingConfig.class, OpenTelemetry.class})
public class DynamORMTracingAutoConfiguration {

    /** Creates the auto-configuration; Spring calls it. */
    public DynamORMTracingAutoConfiguration() {}

    /**
     * Binds the tracing plugin to the OpenTelemetry bean, looked up when DynamORM is built.
     *
     * @param openTelemetry the bean, if any
     * @return the customizer
     */
    @Bean
    public DynamORMBuilderCustomizer dynamORMTracingCustomizer(
            ObjectProvider<OpenTelemetry> openTelemetry) {
        return builder -> openTelemetry.ifUnique(o -> builder.pluginConfig(TracingConfig.of(o)));
    }
}
