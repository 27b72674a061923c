package dev.dynamorm.spring.boot.autoconfigure.observability;

import dev.dynamorm.plugin.metrics.MetricsConfig;
import dev.dynamorm.spring.boot.autoconfigure.DynamORMAutoConfiguration;
import dev.dynamorm.spring.boot.autoconfigure.DynamORMBuilderCustomizer;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * With plugin-metrics on the class path: the plugin records into the application's {@code
 * MeterRegistry} bean (when it has one) instead of Micrometer's global registry.
 */
@AutoConfiguration(before = DynamORMAutoConfiguration.class)
@ConditionalOnClass({MetricsConfig.class, MeterRegistry.class})
public class DynamORMMetricsAutoConfiguration {

    /** Creates the auto-configuration; Spring calls it. */
    public DynamORMMetricsAutoConfiguration() {}

    /**
     * Binds the metrics plugin to the registry bean, looked up when DynamORM is built.
     *
     * @param registry the registry bean, if any
     * @return the customizer
     */
    @Bean
    public DynamORMBuilderCustomizer dynamORMMetricsCustomizer(
            ObjectProvider<MeterRegistry> registry) {
        return builder -> registry.ifUnique(r -> builder.pluginConfig(MetricsConfig.of(r)));
    }
}
