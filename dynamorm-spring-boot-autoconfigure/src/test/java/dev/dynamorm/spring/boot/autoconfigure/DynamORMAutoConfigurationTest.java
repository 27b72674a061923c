package dev.dynamorm.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.dynamorm.DynamORM;
import dev.dynamorm.Table;
import dev.dynamorm.local.LocalDynamoDb;
import dev.dynamorm.spring.boot.autoconfigure.local.LocalDynamoDbAutoConfiguration;
import dev.dynamorm.spring.boot.autoconfigure.sample.Customer;
import dev.dynamorm.spring.boot.autoconfigure.sample.Order;
import dev.dynamorm.spring.boot.autoconfigure.sample.OrderService;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class DynamORMAutoConfigurationTest {

    private static final String SAMPLE = "dev.dynamorm.spring.boot.autoconfigure.sample";

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner()
                    .withConfiguration(
                            AutoConfigurations.of(
                                    LocalDynamoDbAutoConfiguration.class,
                                    DynamORMAutoConfiguration.class))
                    .withPropertyValues(
                            "dynamorm.local.enabled=true",
                            "dynamorm.create-tables-if-missing=true",
                            "dynamorm.plugins.discover=false");

    @Test
    void aTableInjectedByGenericTypeWritesAndReadsBackOnTheEmbeddedEngine() {
        runner.withPropertyValues("dynamorm.scan-packages=" + SAMPLE)
                .withBean(OrderService.class)
                .run(
                        context -> {
                            assertThat(context).hasNotFailed();
                            OrderService service = context.getBean(OrderService.class);
                            service.place(new Order("c-1", "o-1", 1250));

                            assertThat(service.find("c-1", "o-1"))
                                    .contains(new Order("c-1", "o-1", 1250));
                            // written to the engine the context started
                            assertThat(
                                            context.getBean(LocalDynamoDb.class)
                                                    .client()
                                                    .scan(r -> r.tableName("orders"))
                                                    .count())
                                    .isEqualTo(1);
                        });
    }

    @Test
    void everyScannedModelHasATableBeanOfItsGenericType() {
        runner.withPropertyValues("dynamorm.scan-packages=" + SAMPLE)
                .run(
                        context -> {
                            assertThat(
                                            context.getBeanNamesForType(
                                                    ResolvableType.forClassWithGenerics(
                                                            Table.class, Customer.class)))
                                    .containsExactly("customerTable");
                            assertThat(context.getBean("orderTable", Table.class).modelType())
                                    .isEqualTo(Order.class);
                        });
    }

    @Test
    void dynamORMScanNamesThePackages() {
        runner.withUserConfiguration(ScanConfig.class)
                .run(
                        context -> {
                            @SuppressWarnings("unchecked")
                            Table<Customer> customers =
                                    context.getBean("customerTable", Table.class);
                            customers.put(new Customer("k-1", "Ann"));
                            assertThat(customers.get("k-1")).contains(new Customer("k-1", "Ann"));
                        });
    }

    @Test
    void theTableNamePrefixNamesTheCreatedTables() {
        runner.withPropertyValues(
                        "dynamorm.scan-packages=" + SAMPLE, "dynamorm.table-name-prefix=test-")
                .run(
                        context -> {
                            assertThat(context.getBean("orderTable", Table.class).tableName())
                                    .isEqualTo("test-orders");
                            assertThat(
                                            context.getBean(DynamoDbClient.class)
                                                    .listTables()
                                                    .tableNames())
                                    .containsExactlyInAnyOrder("test-orders", "test-customers");
                        });
    }

    @Test
    void tablesAreNotCreatedUnlessAsked() {
        runner.withPropertyValues(
                        "dynamorm.scan-packages=" + SAMPLE,
                        "dynamorm.create-tables-if-missing=false")
                .run(
                        context ->
                                assertThat(
                                                context.getBean(DynamoDbClient.class)
                                                        .listTables()
                                                        .tableNames())
                                        .isEmpty());
    }

    @Test
    void withTheEmbeddedEngineTablesAreCreatedWithoutAskingForIt() {
        // the embedded engine starts empty: dynamorm.local.enabled=true alone gives working tables
        new ApplicationContextRunner()
                .withConfiguration(
                        AutoConfigurations.of(
                                LocalDynamoDbAutoConfiguration.class,
                                DynamORMAutoConfiguration.class))
                .withPropertyValues(
                        "dynamorm.local.enabled=true",
                        "dynamorm.plugins.discover=false",
                        "dynamorm.scan-packages=" + SAMPLE)
                .run(
                        context ->
                                assertThat(
                                                context.getBean(DynamoDbClient.class)
                                                        .listTables()
                                                        .tableNames())
                                        .containsExactlyInAnyOrder("orders", "customers"));
    }

    @Test
    void againstAnotherEndpointTablesAreNotCreatedByDefault() {
        try (LocalDynamoDb local = LocalDynamoDb.start()) {
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(DynamORMAutoConfiguration.class))
                    .withBean(DynamoDbClient.class, local::client)
                    .withPropertyValues(
                            "dynamorm.plugins.discover=false", "dynamorm.scan-packages=" + SAMPLE)
                    .run(
                            context -> {
                                assertThat(context).hasNotFailed();
                                assertThat(local.client().listTables().tableNames()).isEmpty();
                            });
        }
    }

    @Test
    void anExistingTableThatDiffersFromItsModelIsLoggedAsWarn() {
        Logger logger = (Logger) LoggerFactory.getLogger(TablesInitializer.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try (LocalDynamoDb local = LocalDynamoDb.start()) {
            // "orders" exists with another sort key than the model's orderId
            local.client()
                    .createTable(
                            CreateTableRequest.builder()
                                    .tableName("orders")
                                    .billingMode(BillingMode.PAY_PER_REQUEST)
                                    .attributeDefinitions(
                                            List.of(attribute("customerId"), attribute("placedAt")))
                                    .keySchema(
                                            List.of(
                                                    key("customerId", KeyType.HASH),
                                                    key("placedAt", KeyType.RANGE)))
                                    .build());
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(DynamORMAutoConfiguration.class))
                    .withBean(DynamoDbClient.class, local::client)
                    .withPropertyValues(
                            "dynamorm.plugins.discover=false",
                            "dynamorm.scan-packages=" + SAMPLE,
                            "dynamorm.create-tables-if-missing=true")
                    .run(context -> assertThat(context).hasNotFailed());
        } finally {
            logger.detachAppender(appender);
        }
        assertThat(appender.list)
                .filteredOn(e -> e.getLevel() == Level.WARN)
                .singleElement()
                .satisfies(
                        e ->
                                assertThat(e.getFormattedMessage())
                                        .startsWith(
                                                "Table orders differs from model "
                                                        + Order.class.getName()
                                                        + ": ")
                                        .contains("orderId")
                                        .contains("placedAt"));
        assertThat(appender.list)
                .filteredOn(e -> e.getLevel() == Level.INFO)
                .extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("Created table customers for " + Customer.class.getName());
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(ScalarAttributeType.S)
                .build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    @Test
    void theApplicationsAsyncClientBacksTheAsyncViewOfTheTableBeans() {
        try (LocalDynamoDb local = LocalDynamoDb.start();
                DynamoDbAsyncClient async =
                        DynamoDbAsyncClient.builder()
                                .endpointOverride(local.endpoint())
                                .region(Region.of(local.region()))
                                .credentialsProvider(
                                        StaticCredentialsProvider.create(
                                                AwsBasicCredentials.create("akid", "secret")))
                                .httpClientBuilder(NettyNioAsyncHttpClient.builder())
                                .build()) {
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(DynamORMAutoConfiguration.class))
                    .withBean(DynamoDbClient.class, local::client)
                    .withBean(DynamoDbAsyncClient.class, () -> async)
                    .withPropertyValues(
                            "dynamorm.plugins.discover=false",
                            "dynamorm.scan-packages=" + SAMPLE,
                            "dynamorm.create-tables-if-missing=true")
                    .run(
                            context -> {
                                @SuppressWarnings("unchecked")
                                Table<Order> orders = context.getBean("orderTable", Table.class);
                                orders.async().put(new Order("c-7", "o-7", 70)).join();
                                // written over HTTP by the async client, read back by the sync one
                                assertThat(orders.get("c-7", "o-7"))
                                        .contains(new Order("c-7", "o-7", 70));
                                assertThat(orders.async().get("c-7", "o-7").join())
                                        .contains(new Order("c-7", "o-7", 70));
                            });
        }
    }

    @Test
    void withoutAnAsyncClientTheAsyncViewIsRefused() {
        runner.withPropertyValues("dynamorm.scan-packages=" + SAMPLE)
                .run(
                        context ->
                                assertThatThrownBy(
                                                () ->
                                                        context.getBean("orderTable", Table.class)
                                                                .async())
                                        .isInstanceOf(IllegalStateException.class));
    }

    @Test
    void theApplicationsDynamoDbClientIsReused() {
        try (LocalDynamoDb local = LocalDynamoDb.start()) {
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(DynamORMAutoConfiguration.class))
                    .withBean(DynamoDbClient.class, local::client)
                    .withPropertyValues("dynamorm.scan-packages=" + SAMPLE)
                    .run(
                            context -> {
                                assertThat(context.getBean(DynamORM.class).client())
                                        .isSameAs(local.client());
                                assertThat(context).doesNotHaveBean(LocalDynamoDb.class);
                            });
        }
    }

    @Test
    void pluginDiscoveryFollowsTheProperties() {
        runner.run(context -> assertThat(context.getBean(DynamORM.class).plugins()).isEmpty());
        runner.withPropertyValues(
                        "dynamorm.plugins.discover=true", "dynamorm.plugins.disabled=tracing")
                .run(
                        context ->
                                assertThat(context.getBean(DynamORM.class).plugins())
                                        .contains("metrics")
                                        .doesNotContain("tracing"));
    }

    @Test
    void retryPropertiesBecomeTheRetryPolicy() {
        assertThat(
                        new PropertiesRetryPolicy(
                                        3,
                                        java.time.Duration.ofMillis(10),
                                        java.time.Duration.ofMillis(15))
                                .nextDelay(3, java.time.Duration.ZERO, null))
                .isEmpty();
        PropertiesRetryPolicy policy =
                new PropertiesRetryPolicy(
                        5, java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(15));
        assertThat(policy.nextDelay(4, java.time.Duration.ZERO, null))
                .hasValueSatisfying(
                        d -> assertThat(d).isLessThanOrEqualTo(java.time.Duration.ofMillis(15)));
        runner.withPropertyValues("dynamorm.retry.max-attempts=2")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void badPropertiesStopTheStartWithTheirName() {
        List.of(
                        new String[] {
                            "dynamorm.endpoint=localhost:8000",
                            "dynamorm.endpoint 'localhost:8000' must be an absolute http or https URI"
                        },
                        new String[] {
                            "dynamorm.region=US East",
                            "dynamorm.region 'US East' is not an AWS region id"
                        },
                        new String[] {
                            "dynamorm.table-name-prefix=my prefix",
                            "dynamorm.table-name-prefix 'my prefix' may contain only letters"
                        },
                        new String[] {
                            "dynamorm.retry.max-attempts=0",
                            "dynamorm.retry.max-attempts '0' must be at least 1"
                        },
                        new String[] {
                            "dynamorm.retry.max-delay=1ms",
                            "dynamorm.retry.max-delay 'PT0.001S' must not be shorter than dynamorm.retry.base-delay (PT0.05S)"
                        },
                        new String[] {
                            "dynamorm.scan-packages=com.acme..model",
                            "dynamorm.scan-packages 'com.acme..model' is not a Java package name"
                        })
                .forEach(
                        c ->
                                runner.withPropertyValues(c[0])
                                        .run(
                                                context ->
                                                        assertThat(context)
                                                                .getFailure()
                                                                .rootCause()
                                                                .hasMessageContaining(c[1])));
    }

    @Configuration(proxyBeanMethods = false)
    @DynamORMScan(basePackageClasses = Customer.class)
    static class ScanConfig {}
}
