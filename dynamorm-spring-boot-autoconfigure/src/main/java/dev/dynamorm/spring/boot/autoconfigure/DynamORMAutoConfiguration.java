package dev.dynamorm.spring.boot.autoconfigure;

import dev.dynamorm.DynamORM;
import dev.dynamorm.RetryPolicy;
import dev.dynamorm.Table;
import java.net.URI;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Auto-configures a {@link DynamORM} bean from the {@code dynamorm.*} properties ({@link
 * DynamORMProperties}) over the application's {@code DynamoDbClient} bean when it has one, and a
 * {@code Table<Model>} bean for every scanned model ({@link DynamORMScan}).
 */
@AutoConfiguration
@ConditionalOnClass(DynamORM.class)
@EnableConfigurationProperties(DynamORMProperties.class)
public class DynamORMAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(DynamORMAutoConfiguration.class);

    /** Creates the auto-configuration; Spring calls it. */
    public DynamORMAutoConfiguration() {}

    /**
     * The {@code DynamORM} bean, closed with the context.
     *
     * @param properties the {@code dynamorm.*} properties
     * @param client the application's client, if any
     * @param asyncClient the application's async client, if any: it backs {@code Table.async()}
     * @param retryPolicy the application's retry policy, if any
     * @param customizers builder customizers, in order
     * @return the instance
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public DynamORM dynamORM(
            DynamORMProperties properties,
            ObjectProvider<DynamoDbClient> client,
            ObjectProvider<DynamoDbAsyncClient> asyncClient,
            ObjectProvider<RetryPolicy> retryPolicy,
            ObjectProvider<DynamORMBuilderCustomizer> customizers) {
        DynamORM.Builder builder = DynamORM.builder();
        DynamoDbClient own = client.getIfUnique();
        if (own != null) {
            if (properties.region() != null || properties.endpoint() != null) {
                LOG.warn(
                        "dynamorm.region and dynamorm.endpoint are ignored: DynamORM uses the"
                                + " application's DynamoDbClient bean");
            }
            builder.client(own);
        } else {
            if (properties.region() != null) {
                builder.region(Region.of(properties.region()));
            }
            if (properties.endpoint() != null) {
                builder.endpoint(URI.create(properties.endpoint()));
            }
        }
        // the application's async client, when it has one, gives every Table bean its async() view
        asyncClient.ifUnique(builder::asyncClient);
        if (properties.tableNamePrefix() != null) {
            builder.tableNamePrefix(properties.tableNamePrefix());
        }
        builder.hideExpiredItems(properties.hideExpiredItems());
        RetryPolicy policy = retryPolicy.getIfUnique();
        DynamORMProperties.Retry retry = properties.retry();
        if (policy != null) {
            builder.retryPolicy(policy);
        } else if (retry.maxAttempts() != null) {
            builder.retryPolicy(
                    retry.maxAttempts() == 1
                            ? RetryPolicy.none()
                            : new PropertiesRetryPolicy(
                                    retry.maxAttempts(), retry.baseDelay(), retry.maxDelay()));
        }
        builder.discoverPlugins(properties.plugins().discover());
        properties.plugins().disabled().forEach(builder::disablePlugin);
        for (Map.Entry<String, Map<String, String>> plugin : properties.plugin().entrySet()) {
            plugin.getValue()
                    .forEach((key, value) -> builder.pluginProperty(plugin.getKey(), key, value));
        }
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return builder.build();
    }

    /**
     * Registers the {@code Table<Model>} beans.
     *
     * @return the registrar
     */
    @Bean
    static TableBeansRegistrar dynamORMTableBeansRegistrar() {
        return new TableBeansRegistrar();
    }

    /**
     * Creates missing tables at start-up and logs drift, with {@code
     * dynamorm.create-tables-if-missing=true} (the default when the embedded engine is enabled).
     *
     * @param tables the table beans
     * @param properties the properties
     * @return the initializer
     */
    @Bean
    TablesInitializer dynamORMTablesInitializer(
            ObjectProvider<Table<?>> tables, DynamORMProperties properties) {
        return new TablesInitializer(tables, properties.createsTablesIfMissing());
    }
}
