package dev.dynamorm.plugin.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Plugin;
import dev.dynamorm.PluginContext;
import dev.dynamorm.PluginException;
import dev.dynamorm.Statistic;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.local.LocalDynamoDb;
import dev.dynamorm.plugin.metrics.MetricsConfig;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Several DynamORM instances recording into one registry. */
final class MetricsInstancesTest {

    private static LocalDynamoDb local;

    @DynamoTable("gadgets")
    public record Gadget(@PartitionKey String id, int size) {}

    /** Publishes one counter with a fixed value, as the cache plugin publishes its statistics. */
    static final class Publisher implements Plugin {
        private final double value;

        Publisher(double value) {
            this.value = value;
        }

        @Override
        public String name() {
            return "publisher";
        }

        @Override
        public void initialize(PluginContext context) {
            context.publish(Statistic.counter("test.items", "items", Map.of(), () -> value));
        }
    }

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    private static DynamORM open(MetricsConfig config, String prefix, double published) {
        return DynamORM.builder()
                .client(local.client())
                .tableNamePrefix(prefix)
                .plugin(new Publisher(published))
                .pluginConfig(config)
                .build();
    }

    @Test
    // the instances only need to be open while the meters are read
    @SuppressWarnings("try")
    void twoInstancesOnOneRegistry_keepTheirOwnMeters() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (DynamORM first = open(MetricsConfig.of(registry), "i1_", 1);
                DynamORM second = open(MetricsConfig.of(registry), "i2_", 2)) {
            first.table(Gadget.class).createTable();
            second.table(Gadget.class).createTable();
            first.table(Gadget.class).put(new Gadget("g", 1));

            assertThat(registry.find("test.items").functionCounters())
                    .extracting(c -> c.getId().getTag("dynamorm.instance"), FunctionCounter::count)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("dynamorm-1", 1.0),
                            org.assertj.core.groups.Tuple.tuple("dynamorm-2", 2.0));
            assertThat(
                            registry.find("dynamorm.operations")
                                    .tags("operation", "put", "model", "Gadget")
                                    .timers())
                    .extracting(t -> t.getId().getTag("dynamorm.instance"))
                    .containsExactly("dynamorm-1");
        }
        assertThat(registry.find("test.items").meters()).isEmpty();
        try (DynamORM again = open(MetricsConfig.of(registry), "i3_", 3)) {
            assertThat(registry.find("test.items").meters())
                    .extracting(Meter::getId)
                    .extracting(id -> id.getTag("dynamorm.instance"))
                    .containsExactly("dynamorm-1"); // released names are reused
        }
    }

    @Test
    // the instances only need to be open while the meters are read
    @SuppressWarnings("try")
    void namedInstances_tagTheirMeters_andANameInUseFailsTheBuild() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (DynamORM orders = open(MetricsConfig.of(registry).withInstance("orders"), "o_", 5)) {
            assertThat(
                            registry.get("test.items")
                                    .tag("dynamorm.instance", "orders")
                                    .functionCounter()
                                    .count())
                    .isEqualTo(5.0);
            assertThatThrownBy(
                            () -> open(MetricsConfig.of(registry).withInstance("orders"), "p_", 6))
                    .isInstanceOf(PluginException.class)
                    .hasMessageContaining(
                            "metrics instance name 'orders' is already used by another DynamORM instance on "
                                    + "this registry; give each instance its own with "
                                    + "MetricsConfig.withInstance(...) or the property "
                                    + "dynamorm.plugin.metrics.instance");
        }
        assertThatThrownBy(() -> MetricsConfig.of(registry).withInstance(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("metrics instance name must not be blank");
    }

    @Test
    void properties_nameTheInstance_andUnknownOnesGetADidYouMean() {
        assertThat(MetricsPlugin.fromProperties(Map.of("instance", " billing ")).instance())
                .contains("billing");
        Properties p = new Properties();
        p.setProperty("dynamorm.plugin.metrics.instnce", "billing");
        assertThatThrownBy(
                        () -> DynamORM.builder().client(local.client()).pluginProperties(p).build())
                .isInstanceOf(PluginException.class)
                .hasMessageContaining(
                        "unknown option 'instnce' for plugin metrics; did you mean 'instance'? options are "
                                + "[instance] (the registry and tags are set with MetricsConfig)");
    }
}
