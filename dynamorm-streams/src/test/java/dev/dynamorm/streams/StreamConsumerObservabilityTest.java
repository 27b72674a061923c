package dev.dynamorm.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Hook;
import dev.dynamorm.HookContext;
import dev.dynamorm.Operation;
import dev.dynamorm.Outcome;
import dev.dynamorm.Plugin;
import dev.dynamorm.PluginContext;
import dev.dynamorm.Statistic;
import dev.dynamorm.Table;
import dev.dynamorm.local.LocalDynamoDb;
import dev.dynamorm.streams.Models.Order;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * What a consumer shows the installed plugins: each handler call as a STREAM_READ operation their
 * hooks see, and the statistics it publishes (records, lag, iterator age, shards).
 */
final class StreamConsumerObservabilityTest {

    /** One STREAM_READ the hooks saw. */
    private record Seen(
            String table,
            Class<?> model,
            Object shard,
            Object records,
            Object attempt,
            Object iteratorAge,
            Optional<Throwable> failure) {}

    /** Records what a metrics or tracing plugin would: STREAM_READ operations and statistics. */
    private static final class Recorder implements Plugin, Hook {
        final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
        final List<Statistic> statistics = Collections.synchronizedList(new ArrayList<>());
        volatile boolean veto;

        @Override
        public String name() {
            return "recorder";
        }

        @Override
        public void initialize(PluginContext context) {
            context.onStatistic(statistics::add);
        }

        @Override
        public List<Hook> hooks() {
            return List.of(this);
        }

        @Override
        public void before(HookContext context) {
            if (veto && context.operation() == Operation.STREAM_READ) {
                throw new IllegalStateException("vetoed by the recorder");
            }
        }

        @Override
        public void after(HookContext c, Outcome outcome) {
            if (c.operation() == Operation.STREAM_READ) {
                seen.add(
                        new Seen(
                                c.tableName(),
                                c.modelType(),
                                c.attribute("dynamorm.stream.shard"),
                                c.attribute("dynamorm.stream.records"),
                                c.attribute("dynamorm.stream.attempt"),
                                c.attribute("dynamorm.stream.iterator_age_ms"),
                                outcome.failure()));
            }
        }

        double value(String name) {
            List<Statistic> matching =
                    statistics.stream().filter(s -> s.name().equals(name)).toList();
            assertThat(matching).as(name).hasSize(1);
            assertThat(matching.get(0).tags())
                    .containsEntry("model", "Order")
                    .containsEntry("group", "default")
                    .containsEntry("worker", "w1");
            return matching.get(0).value();
        }
    }

    private static final long HOUR = Duration.ofHours(1).toMillis();

    private LocalDynamoDb local;
    private DynamORM db;
    private Table<Order> orders;
    private final Recorder recorder = new Recorder();

    @BeforeEach
    void setUp() {
        local = LocalDynamoDb.start();
        db =
                DynamORM.builder()
                        .client(local.client())
                        .discoverPlugins(false)
                        .plugin(recorder)
                        .build();
        orders = db.table(Order.class);
        StreamTables.createWithStream(orders, local.client(), StreamViewType.NEW_AND_OLD_IMAGES);
    }

    @AfterEach
    void tearDown() {
        db.close();
        local.close();
    }

    /** A consumer whose clock runs an hour ahead of the engine's: lag and age are about an hour. */
    private StreamConsumer.Builder<Order> consumer(ChangeHandler<Order> handler) {
        return StreamConsumer.builder(db, Order.class)
                .streamsClient(local.streamsClient())
                .workerId("w1")
                .batchSize(2)
                .handlerRetries(2, Duration.ZERO)
                .clock(Clock.offset(Clock.systemUTC(), Duration.ofHours(1)))
                .handler(handler);
    }

    @Test
    void eachHandledBatch_isAStreamReadTheHooksSee_andTheStatisticsCountRecordsLagAndAge() {
        for (int i = 0; i < 5; i++) {
            orders.put(Order.of("c" + i, "o", "NEW", i));
        }
        try (StreamConsumer c = consumer(changes -> {}).build()) {
            assertThat(recorder.value("dynamorm.stream.records")).isZero();
            assertThat(recorder.value("dynamorm.stream.lag")).isZero();

            assertThat(c.pollOnce()).isEqualTo(2);
            assertThat(recorder.value("dynamorm.stream.records")).isEqualTo(2);
            // three records wait: the consumer is about an hour behind (creation times are
            // rounded to the millisecond or second by the engine)
            assertThat(recorder.value("dynamorm.stream.lag"))
                    .isBetween(HOUR - 2_000.0, HOUR + 60_000.0);
            assertThat(recorder.value("dynamorm.stream.iterator.age"))
                    .isBetween(HOUR - 2_000.0, HOUR + 60_000.0);
            assertThat(recorder.value("dynamorm.stream.shards")).isEqualTo(1);

            assertThat(c.drain()).isEqualTo(3);
            assertThat(recorder.value("dynamorm.stream.records")).isEqualTo(5);
            assertThat(recorder.value("dynamorm.stream.lag")).as("caught up").isZero();
            assertThat(recorder.value("dynamorm.stream.iterator.age")).isZero();
            assertThat(recorder.value("dynamorm.stream.shards.stopped")).isZero();
            assertThat(db.statistics())
                    .extracting(Statistic::name)
                    .contains("dynamorm.stream.records", "dynamorm.stream.lag");
        }
        assertThat(recorder.seen).hasSize(3);
        assertThat(recorder.seen).extracting(Seen::records).containsExactly((Object) 2L, 2L, 1L);
        assertThat(recorder.seen).extracting(Seen::attempt).containsOnly((Object) 1L);
        assertThat(recorder.seen).extracting(Seen::table).containsOnly("orders");
        assertThat(recorder.seen).extracting(Seen::model).containsOnly(Order.class);
        assertThat(recorder.seen).extracting(Seen::failure).containsOnly(Optional.empty());
        Object shard = recorder.seen.get(0).shard();
        assertThat(shard).isInstanceOf(String.class);
        assertThat((String) shard).startsWith("shardId-");
        assertThat((Long) recorder.seen.get(0).iteratorAge())
                .isBetween(HOUR - 2_000, HOUR + 60_000);
    }

    @Test
    void aFailingHandler_isSeenFailingOnEachAttempt_andCountedAsAStoppedShard() {
        orders.put(Order.of("c1", "o", "NEW", 1));
        try (StreamConsumer c =
                consumer(
                                changes -> {
                                    throw new IOException("billing is down");
                                })
                        .build()) {
            assertThat(c.drain()).isZero();
            assertThat(c.failures().values())
                    .singleElement()
                    .satisfies(
                            f ->
                                    assertThat(f)
                                            .isInstanceOf(IOException.class)
                                            .hasMessage("billing is down"));
            assertThat(recorder.value("dynamorm.stream.shards.stopped")).isEqualTo(1);
            assertThat(recorder.value("dynamorm.stream.shards")).isZero();
            assertThat(recorder.value("dynamorm.stream.records")).isZero();
            assertThat(recorder.value("dynamorm.stream.lag")).as("a stopped shard").isZero();
        }
        assertThat(recorder.seen).extracting(Seen::attempt).containsExactly((Object) 1L, 2L);
        assertThat(recorder.seen)
                .allSatisfy(
                        s ->
                                assertThat(s.failure().orElseThrow())
                                        .hasMessage("java.io.IOException: billing is down")
                                        .cause()
                                        .isInstanceOf(IOException.class));
    }

    @Test
    void aHandlersUncheckedException_reachesTheHooksUnwrapped() {
        orders.put(Order.of("c1", "o", "NEW", 1));
        try (StreamConsumer c =
                consumer(
                                changes -> {
                                    throw new IllegalStateException("bad order");
                                })
                        .build()) {
            c.drain();
            assertThat(c.failures().values())
                    .singleElement()
                    .isInstanceOf(IllegalStateException.class);
        }
        assertThat(recorder.seen)
                .extracting(s -> s.failure().orElseThrow())
                .allSatisfy(
                        f ->
                                assertThat(f)
                                        .isInstanceOf(IllegalStateException.class)
                                        .hasMessage("bad order"));
    }

    @Test
    void aHookVetoingTheStreamRead_keepsTheHandlerFromRunning() {
        orders.put(Order.of("c1", "o", "NEW", 1));
        recorder.veto = true;
        AtomicInteger calls = new AtomicInteger();
        try (StreamConsumer c = consumer(changes -> calls.incrementAndGet()).build()) {
            assertThat(c.drain()).isZero();
            assertThat(c.failures().values())
                    .singleElement()
                    .satisfies(f -> assertThat(f.getMessage()).contains("vetoed by the recorder"));
        }
        assertThat(calls).hasValue(0);
    }

    @Test
    void observe_runsOnlyStreamReads() {
        assertThatThrownBy(() -> db.observe(Operation.PUT, Order.class, Map.of(), () -> 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "observe runs work that sends no request of its own: only STREAM_READ is"
                                + " such an operation, not PUT");
        assertThat(db.observe(Operation.STREAM_READ, Order.class, Map.of("k", "v"), () -> 7))
                .isEqualTo(7);
        assertThat(recorder.seen).singleElement().extracting(Seen::table).isEqualTo("orders");
    }

    @Test
    void withoutPlugins_observeRunsTheWorkAndPublishIsHarmless() {
        try (DynamORM plain =
                DynamORM.builder().client(local.client()).discoverPlugins(false).build()) {
            assertThat(plain.observe(Operation.STREAM_READ, Order.class, Map.of(), () -> "ran"))
                    .isEqualTo("ran");
            plain.publish(Statistic.gauge("x.y", "a test gauge", Map.of(), () -> 3));
            assertThat(plain.statistics()).extracting(Statistic::value).containsExactly(3.0);
        }
    }
}
