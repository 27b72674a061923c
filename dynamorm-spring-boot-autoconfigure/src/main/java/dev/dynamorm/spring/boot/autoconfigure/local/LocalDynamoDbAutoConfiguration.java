package dev.dynamorm.spring.boot.autoconfigure.local;

import dev.dynamorm.local.LocalDynamoDb;
import dev.dynamorm.spring.boot.autoconfigure.DynamORMAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * With {@code dynamorm.local.enabled=true} and dynamorm-local on the class path: starts an
 * in-process engine ({@link LocalDynamoDb}, stopped with the context) and exposes its client as the
 * {@code DynamoDbClient} bean DynamORM uses.
 */
@AutoConfiguration(before = DynamORMAutoConfiguration.class)
@ConditionalOnClass(LocalDynamoDb.class)
@ConditionalOnProperty(name = "dynamorm.local.enabled", havingValue = "true")
public class LocalDynamoDbAutoConfiguration {

    /** Creates the auto-configuration; Spring calls it. */
    public LocalDynamoDbAutoConfiguration() {}

    /**
     * The embedded engine.
     *
     * @return a started engine
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public LocalDynamoDb dynamORMLocalDynamoDb() {
        return LocalDynamoDb.start();
    }

    /**
     * The engine's in-process client (closed by the engine, not by the context).
     *
     * @param local the engine
     * @return its client
     */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    public DynamoDbClient dynamORMLocalDynamoDbClient(LocalDynamoDb local) {
        return local.client();
    }
}
