package dev.dynamorm.spring.boot.autoconfigure.observability;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Table;
import dev.dynamorm.spring.boot.autoconfigure.DynamORMAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Actuator support: a {@code dynamorm} health indicator (DescribeTable of the model tables; {@code
 * management.health.dynamorm.enabled=false} turns it off) and an info contributor listing the
 * installed plugins.
 */
@AutoConfiguration(after = DynamORMAutoConfiguration.class)
@ConditionalOnBean(DynamORM.class)
public class DynamORMActuatorAutoConfiguration {

    /** Creates the auto-configuration; Spring calls it. */
    public DynamORMActuatorAutoConfiguration() {}

    /** The health indicator, with spring-boot-health on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
    @ConditionalOnEnabledHealthIndicator("dynamorm")
    static class Health {

        @Bean
        @ConditionalOnMissingBean(name = "dynamormHealthIndicator")
        HealthIndicator dynamormHealthIndicator(DynamORM db, ObjectProvider<Table<?>> tables) {
            return new DynamORMHealthIndicator(db, tables.orderedStream().toList());
        }
    }

    /** The info contributor, with spring-boot-actuator on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(InfoContributor.class)
    static class Info {

        @Bean
        @ConditionalOnMissingBean(name = "dynamORMInfoContributor")
        InfoContributor dynamORMInfoContributor(DynamORM db) {
            return new DynamORMInfoContributor(db);
        }
    }
}
