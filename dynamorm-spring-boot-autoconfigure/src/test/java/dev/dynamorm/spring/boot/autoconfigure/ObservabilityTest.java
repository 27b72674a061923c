package dev.dynamorm.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Table;
import dev.dynamorm.local.LocalDynamoDb;
import dev.dynamorm.spring.boot.autoconfigure.local.LocalDynamoDbAutoConfiguration;
import dev.dynamorm.spring.boot.autoconfigure.observability.DynamORMActuatorAutoConfiguration;
import dev.dynamorm.spring.boot.autoconfigure.observability.DynamORMMetricsAutoConfiguration;
import dev.dynamorm.spring.boot.autoconfigure.observability.DynamORMTracingAutoConfiguration;
import dev.dynamorm.spring.boot.autoconfigure.sample.Order;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ObservabilityTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner()
                    .withConfiguration(
                            AutoConfigurations.of(
                                    LocalDynamoDbAutoConfiguration.class,
                                    DynamORMAutoConfiguration.class,
                                    DynamORMMetricsAutoConfiguration.class,
                                    DynamORMTracingAutoConfiguration.class,
                                    DynamORMActuatorAutoConfiguration.class))
                    .withPropertyValues(
                            "dynamorm.local.enabled=true",
                            "dynamorm.create-tables-if-missing=true",
                            "dynamorm.scan-packages=dev.dynamorm.spring.boot.autoconfigure.sample");

    @Test
    void metricsGoToTheApplicationsMeterRegistry() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(
                        context -> {
                            orders(context.getBean("orderTable", Table.class))
                                    .put(new Order("c-1", "o-1", 5));
                            MeterRegistry registry = context.getBean(MeterRegistry.class);
                            assertThat(
                                            registry.get("dynamorm.operations")
                                                    .tag("operation", "put")
                                                    .tag("outcome", "success")
                                                    .timer()
                                                    .count())
                                    .isEqualTo(1);
                        });
    }

    @Test
    void spansGoToTheApplicationsOpenTelemetry() {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        OpenTelemetrySdk sdk =
                OpenTelemetrySdk.builder()
                        .setTracerProvider(
                                SdkTracerProvider.builder()
                                        .addSpanProcessor(SimpleSpanProcessor.create(spans))
                                        .build())
                        .build();
        runner.withBean(OpenTelemetry.class, () -> sdk)
                .run(
                        context -> {
                            orders(context.getBean("orderTable", Table.class)).get("c-1", "o-1");
                            assertThat(spans.getFinishedSpanItems())
                                    .extracting(SpanData::getName)
                                    .contains("GetItem orders");
                        });
        sdk.close();
    }

    @Test
    void healthIsUpWhileTheEngineAnswersAndDownOnceItIsStopped() {
        runner.run(
                context -> {
                    HealthIndicator health =
                            context.getBean("dynamormHealthIndicator", HealthIndicator.class);
                    var up = health.health(true);
                    assertThat(up.getStatus()).isEqualTo(Status.UP);
                    assertThat(up.getDetails())
                            .containsEntry(
                                    "tables", Map.of("orders", "ACTIVE", "customers", "ACTIVE"));

                    context.getBean(LocalDynamoDb.class).close();

                    assertThat(health.health(true).getStatus()).isEqualTo(Status.DOWN);
                });
    }

    @Test
    void infoListsTheInstalledPlugins() {
        runner.withPropertyValues("dynamorm.plugins.disabled=tracing")
                .run(
                        context -> {
                            Info.Builder info = new Info.Builder();
                            context.getBean("dynamORMInfoContributor", InfoContributor.class)
                                    .contribute(info);
                            assertThat(info.build().getDetails())
                                    .containsEntry(
                                            "dynamorm",
                                            Map.of(
                                                    "plugins",
                                                    context.getBean(DynamORM.class).plugins()));
                            assertThat(context.getBean(DynamORM.class).plugins())
                                    .contains("metrics");
                        });
    }

    @Test
    void theHealthIndicatorCanBeSwitchedOff() {
        runner.withPropertyValues("management.health.dynamorm.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("dynamormHealthIndicator"));
    }

    @SuppressWarnings("unchecked") // the bean registered for Order
    private static Table<Order> orders(Table<?> table) {
        return (Table<Order>) table;
    }
}
