package dev.dynamorm.plugin.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Table;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.local.LocalDynamoDb;
import dev.dynamorm.plugin.metrics.MetricsConfig;
import dev.dynamorm.streams.StreamConsumer;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.RequiredSearch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A stream consumer measured by the metrics plugin: records handled, lag, iterator age and shards
 * as meters, and each handler call timed with its outcome.
 */
final class StreamConsumerMetricsTest {

    private static final double HOUR = Duration.ofHours(1).toMillis();

    @DynamoTable("shipments")
    public record Shipment(@PartitionKey String id, String carrier) {}

    private LocalDynamoDb local;
    private SimpleMeterRegistry registry;
    private DynamORM db;
    private Table<Shipment> shipments;

    @BeforeEach
    void setUp() {
        local = LocalDynamoDb.start();
        registry = new SimpleMeterRegistry();
        db =
                DynamORM.builder()
                        .client(local.client())
                        .pluginConfig(MetricsConfig.of(registry).withInstance("streams"))
                        .build();
        shipments = db.table(Shipment.class);
        shipments.createTable();
        local.client()
                .updateTable(
                        r ->
                                r.tableName("shipments")
                                        .streamSpecification(
                                                s ->
                                                        s.streamEnabled(true)
                                                                .streamViewType(
                                                                        "NEW_AND_OLD_IMAGES")));
    }

    @AfterEach
    void tearDown() {
        db.close();
        local.close();
    }

    /** A consumer whose clock runs an hour ahead of the engine's: lag and age are about an hour. */
    private StreamConsumer.Builder<Shipment> consumer() {
        return StreamConsumer.builder(db, Shipment.class)
                .streamsClient(local.streamsClient())
                .group("tracking")
                .workerId("w1")
                .batchSize(2)
                .handlerRetries(2, Duration.ZERO)
                .clock(Clock.offset(Clock.systemUTC(), Duration.ofHours(1)));
    }

    private RequiredSearch meter(String name) {
        return registry.get(name)
                .tags(
                        "model",
                        "Shipment",
                        "group",
                        "tracking",
                        "worker",
                        "w1",
                        "dynamorm.instance",
                        "streams");
    }

    private double gauge(String name) {
        Gauge g = meter(name).gauge();
        return g.value();
    }

    private Timer batches(String outcome) {
        return registry.get("dynamorm.operations")
                .tags(
                        "operation",
                        "stream_read",
                        "table",
                        "shipments",
                        "model",
                        "Shipment",
                        "outcome",
                        outcome)
                .timer();
    }

    @Test
    void recordsLagIteratorAgeAndShards_areMeters_andEachBatchIsTimed() {
        for (int i = 0; i < 5; i++) {
            shipments.put(new Shipment("s" + i, "ups"));
        }
        try (StreamConsumer c = consumer().handler(changes -> {}).build()) {
            FunctionCounter records = meter("dynamorm.stream.records").functionCounter();
            assertThat(records.count()).isZero();

            assertThat(c.pollOnce()).isEqualTo(2);
            assertThat(records.count()).isEqualTo(2);
            assertThat(gauge("dynamorm.stream.lag")).isBetween(HOUR - 2_000, HOUR + 60_000);
            assertThat(gauge("dynamorm.stream.iterator.age"))
                    .isBetween(HOUR - 2_000, HOUR + 60_000);
            assertThat(gauge("dynamorm.stream.shards")).isEqualTo(1);

            assertThat(c.drain()).isEqualTo(3);
            assertThat(records.count()).isEqualTo(5);
            assertThat(gauge("dynamorm.stream.lag")).isZero();
            assertThat(gauge("dynamorm.stream.iterator.age")).isZero();
            assertThat(gauge("dynamorm.stream.shards.stopped")).isZero();
        }
        Timer ok = batches("success");
        assertThat(ok.count()).isEqualTo(3);
        assertThat(ok.getId().getTag("exception")).isEqualTo("none");
    }

    @Test
    void aFailingHandler_isTimedAsAnErrorPerAttempt_andItsShardCountsAsStopped() {
        shipments.put(new Shipment("s1", "dhl"));
        try (StreamConsumer c =
                consumer()
                        .handler(
                                changes -> {
                                    throw new IllegalStateException("carrier api down");
                                })
                        .build()) {
            assertThat(c.drain()).isZero();
            assertThat(gauge("dynamorm.stream.shards.stopped")).isEqualTo(1);
            assertThat(gauge("dynamorm.stream.shards")).isZero();
            assertThat(meter("dynamorm.stream.records").functionCounter().count()).isZero();
        }
        Timer failed = batches("error");
        assertThat(failed.count()).isEqualTo(2);
        assertThat(failed.getId().getTag("exception")).isEqualTo("IllegalStateException");
    }
}
