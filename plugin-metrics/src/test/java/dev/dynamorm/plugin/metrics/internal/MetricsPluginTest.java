package dev.dynamorm.plugin.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.ItemAlreadyExistsException;
import dev.dynamorm.Table;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.local.FaultInjection;
import dev.dynamorm.local.LocalDynamoDb;
import dev.dynamorm.plugin.metrics.MetricsConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The metrics plugin, discovered from its jar, recording real operations on the embedded engine
 * over HTTP.
 */
final class MetricsPluginTest {

    private LocalDynamoDb local;
    private DynamORM db;
    private SimpleMeterRegistry registry;
    private Table<Widget> widgets;

    @DynamoTable("widgets")
    public record Widget(@PartitionKey String id, String color, int size) {}

    @BeforeEach
    void setUp() {
        local = LocalDynamoDb.builder().port(0).start();
        registry = new SimpleMeterRegistry();
        // a client DynamORM builds: SDK retries off, so throttles reach DynamORM's retry policy
        db =
                DynamORM.builder()
                        .endpoint(local.endpoint())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("k", "s")))
                        .tableNamePrefix("m" + UUID.randomUUID().toString().substring(0, 8) + "_")
                        .pluginConfig(MetricsConfig.of(registry).withTags("app", "test"))
                        .build();
        widgets = db.table(Widget.class);
        widgets.createTable();
    }

    @AfterEach
    void tearDown() {
        db.close();
        local.close();
    }

    private Timer timer(String operation, String outcome) {
        return registry.find("dynamorm.operations")
                .tags(
                        "operation",
                        operation,
                        "table",
                        widgets.tableName(),
                        "model",
                        "Widget",
                        "outcome",
                        outcome,
                        "app",
                        "test")
                .timer();
    }

    private double counter(String name, String... tags) {
        return registry.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
    }

    @Test
    void operations_areTimedByOperationTableModelAndOutcome() {
        assertThat(db.plugins()).containsExactly("metrics");
        widgets.put(new Widget("w1", "red", 3));
        widgets.put(new Widget("w2", "blue", 4));
        widgets.get("w1");
        widgets.where("id", "=", "w2").all();
        widgets.update(new Widget("w1", "green", 3), "color");
        widgets.delete(new Widget("w2", "blue", 4));

        assertThat(timer("put", "success").count()).isEqualTo(2);
        assertThat(timer("put", "success").totalTime(java.util.concurrent.TimeUnit.NANOSECONDS))
                .isPositive();
        assertThat(timer("get", "success").count()).isEqualTo(2); // get(), and all() of a full key
        assertThat(timer("update", "success").count()).isEqualTo(1);
        assertThat(timer("delete", "success").count()).isEqualTo(1);
        assertThat(timer("create_table", "success").count()).isEqualTo(1);
    }

    @Test
    void createTableIfMissing_probeOfAMissingTable_isNotAnError() {
        widgets.deleteTable();
        assertThat(widgets.tableExists()).isFalse();
        assertThat(widgets.createTableIfMissing()).isTrue();

        assertThat(
                        registry.find("dynamorm.operations")
                                .tags("operation", "describe_table", "table", widgets.tableName())
                                .timers())
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t.getId().getTag("outcome")).isEqualTo("success"));
    }

    @Test
    void conditionFailures_areCountedAndTaggedAsSuch() {
        widgets.create(new Widget("w1", "red", 3));
        assertThatThrownBy(() -> widgets.create(new Widget("w1", "red", 3)))
                .isInstanceOf(ItemAlreadyExistsException.class);
        assertThat(timer("create", "condition_failed").count()).isEqualTo(1);
        assertThat(timer("create", "condition_failed").getId().getTag("exception"))
                .isEqualTo("ItemAlreadyExistsException");
        assertThat(counter("dynamorm.condition.failures", "operation", "create", "model", "Widget"))
                .isEqualTo(1);
    }

    @Test
    void consumedCapacity_isCountedPerTableAndType() {
        widgets.put(new Widget("w1", "red", 3));
        widgets.put(new Widget("w2", "red", 3));
        widgets.get("w1");
        assertThat(
                        counter(
                                "dynamorm.consumed.capacity",
                                "table",
                                widgets.tableName(),
                                "type",
                                "write"))
                .isEqualTo(2.0);
        assertThat(
                        counter(
                                "dynamorm.consumed.capacity",
                                "table",
                                widgets.tableName(),
                                "type",
                                "read"))
                .isEqualTo(0.5);
    }

    @Test
    void throttlesAndRetries_areCounted() {
        local.faults(FaultInjection.builder().seed(42).throttleRate(0.5).build());
        for (int i = 0; i < 20; i++) {
            widgets.put(new Widget("t" + i, "red", i));
        }
        local.faults(FaultInjection.none());
        double throttles = counter("dynamorm.throttles", "operation", "put");
        double retries = counter("dynamorm.retries", "operation", "put");
        assertThat(throttles).isPositive();
        assertThat(retries)
                .isEqualTo(throttles); // every throttled attempt was retried, and nothing else
        assertThat(timer("put", "success").count()).isEqualTo(20);
    }

    @Test
    void unprocessedBatchItems_areCounted() {
        local.faults(FaultInjection.builder().seed(7).unprocessedRate(0.5).build());
        List<Widget> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add(new Widget("b" + i, "blue", i));
        }
        widgets.batchPut(many);
        local.faults(FaultInjection.none());
        assertThat(counter("dynamorm.unprocessed.items", "operation", "batch_write")).isPositive();
        assertThat(widgets.where("id", "=", "b39").first()).isPresent();
    }

    @Test
    void defaultRegistry_isMicrometersGlobalOne() {
        try (DynamORM other =
                DynamORM.builder().client(local.client()).tableNamePrefix("g_").build()) {
            Table<Widget> t = other.table(Widget.class);
            t.createTableIfMissing();
            t.put(new Widget("g", "x", 1));
            assertThat(
                            io.micrometer.core.instrument.Metrics.globalRegistry
                                    .find("dynamorm.operations")
                                    .tags("operation", "put", "table", "g_widgets")
                                    .timer())
                    .isNotNull();
        }
    }
}
