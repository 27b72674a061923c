package dev.dynamorm.examples;

import dev.dynamorm.DynamORM;
import dev.dynamorm.plugin.audit.ActorProvider;
import dev.dynamorm.plugin.audit.AuditConfig;
import dev.dynamorm.plugin.audit.AuditEntry;
import dev.dynamorm.plugin.cache.CacheConfig;
import dev.dynamorm.plugin.metrics.MetricsConfig;
import dev.dynamorm.plugin.tracing.TracingConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * How each plugin is configured from code (the README shows these lines). Compiled against the
 * plugin jars, which stay optional at run time: nothing here runs unless called.
 */
public final class PluginConfigs {

    private PluginConfigs() {}

    /**
     * All four plugins configured from code.
     *
     * @param client the DynamoDB client
     * @param meterRegistry where the metrics plugin records
     * @param openTelemetry what the tracing plugin traces with
     * @return the instance
     */
    public static DynamORM configured(
            DynamoDbClient client, MeterRegistry meterRegistry, OpenTelemetry openTelemetry) {
        DynamORM db =
                DynamORM.builder()
                        .client(client)
                        .pluginConfig(
                                CacheConfig.builder()
                                        .model(Order.class, 10_000, Duration.ofMinutes(5))
                                        .build())
                        .pluginConfig(
                                AuditConfig.builder()
                                        .tableSink(true)
                                        .images(true)
                                        .redact("note")
                                        .actorProvider(() -> Optional.of(currentUser()))
                                        .build())
                        .pluginConfig(MetricsConfig.of(meterRegistry).withTags("service", "orders"))
                        .pluginConfig(TracingConfig.of(openTelemetry))
                        .build();
        return db;
    }

    /**
     * The same from properties (a file, or {@code -D} system properties).
     *
     * @param client the DynamoDB client
     * @return the instance
     */
    public static DynamORM fromProperties(DynamoDbClient client) {
        Properties props = new Properties();
        props.setProperty("dynamorm.plugin.cache.models", "dev.dynamorm.examples.Order");
        props.setProperty("dynamorm.plugin.cache.ttl", "PT1M");
        props.setProperty("dynamorm.plugin.audit.sinks", "log,table");
        props.setProperty("dynamorm.plugins.disabled", "tracing");
        DynamORM db = DynamORM.builder().client(client).pluginProperties(props).build();
        return db;
    }

    /**
     * Writes as a named actor and reads an item's audit history.
     *
     * @param db the instance
     * @param order the order to write
     * @return the audit entries of the order
     */
    public static List<AuditEntry> auditedWrite(DynamORM db, Order order) {
        ActorProvider.runAs("alice", () -> db.table(Order.class).put(order));
        List<AuditEntry> history =
                db.table(AuditEntry.class)
                        .where(
                                "subject",
                                "=",
                                AuditEntry.subjectOf(
                                        db.table(Order.class).tableName(),
                                        Map.of("customerId", "c-42", "orderId", "o-1")))
                        .all();
        return history;
    }

    private static String currentUser() {
        return System.getProperty("user.name", "unknown");
    }
}
