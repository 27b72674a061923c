package dev.dynamorm.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Key;
import dev.dynamorm.Table;
import dev.dynamorm.local.LocalDynamoDb;
import dev.dynamorm.streams.Models.Order;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

final class StreamConsumerTest {
    private LocalDynamoDb local;
    private DynamORM db;
    private Table<Order> orders;
    private final List<ChangeEvent<Order>> seen = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp() {
        open(Duration.ofHours(4));
    }

    /** A fresh embedded instance whose stream shards roll over after {@code shardPeriod}. */
    private void open(Duration shardPeriod) {
        if (local != null) {
            tearDown();
        }
        local = LocalDynamoDb.builder().streamShardPeriod(shardPeriod).start();
        db = DynamORM.builder().client(local.client()).discoverPlugins(false).build();
        orders = db.table(Order.class);
        StreamTables.createWithStream(orders, local.client(), StreamViewType.NEW_AND_OLD_IMAGES);
    }

    @AfterEach
    void tearDown() {
        db.close();
        local.close();
    }

    private StreamConsumer.Builder<Order> consumer(String worker) {
        return StreamConsumer.builder(db, Order.class)
                .streamsClient(local.streamsClient())
                .workerId(worker)
                .batchSize(10)
                .leaseDuration(Duration.ofMillis(400))
                .handlerRetries(2, Duration.ZERO)
                .handler(seen::addAll);
    }

    /** Writes {@code rounds} versions of {@code keys} items, pausing between rounds. */
    private void write(int keys, int rounds, int from, long pauseMillis)
            throws InterruptedException {
        for (int v = from; v < from + rounds; v++) {
            for (int k = 0; k < keys; k++) {
                orders.put(Order.of("c" + k, "o", "S" + v, v));
            }
            Thread.sleep(pauseMillis);
        }
    }

    private void write(int keys, int rounds, int from) throws InterruptedException {
        write(keys, rounds, from, 0);
    }

    private static void assertPerKeyOrder(List<ChangeEvent<Order>> changes, int keys, int rounds) {
        Map<Key, List<Long>> versions = new HashMap<>();
        for (ChangeEvent<Order> c : changes) {
            versions.computeIfAbsent(c.key(), k -> new ArrayList<>())
                    .add(c.newImage().orElseThrow().totalCents());
        }
        assertThat(versions).hasSize(keys);
        List<Long> expected = new ArrayList<>();
        for (long v = 0; v < rounds; v++) {
            expected.add(v);
        }
        versions.values().forEach(v -> assertThat(v).isEqualTo(expected));
    }

    @Test
    void drain_followsShardSplits_deliveringEveryChangeOnceInPerKeyOrder() throws Exception {
        open(Duration.ofMillis(150));
        write(5, 10, 0, 60);
        int shards =
                local.streamsClient()
                        .describeStream(r -> r.streamArn(orders.describeTable().latestStreamArn()))
                        .streamDescription()
                        .shards()
                        .size();
        assertThat(shards).as("the test needs shard splits").isGreaterThan(2);

        try (StreamConsumer c = consumer("w1").build()) {
            assertThat(c.drain()).isEqualTo(50);
            assertThat(seen).hasSize(50);
            assertPerKeyOrder(seen, 5, 10);
            assertThat(seen).extracting(ChangeEvent::sequenceNumber).doesNotHaveDuplicates();
            assertThat(c.checkpoints()).isNotEmpty();
            assertThat(c.failures()).isEmpty();
        }
    }

    @Test
    void drain_readsPastAShardThatClosedWithoutChanges() throws Exception {
        open(Duration.ofMillis(150));
        write(3, 2, 0);
        // lulls longer than a shard period: the consumer takes a new shard, which closes with no
        // change in it (a consumer used to wait on such a shard for ever and never read its child,
        // which made MaterializedViewTest miss changes under load)
        try (StreamConsumer c = consumer("w1").build()) {
            assertThat(c.drain()).isEqualTo(6);
            Thread.sleep(200);
            assertThat(c.drain()).as("the consumer holds the new, empty shard").isZero();
            Thread.sleep(200);
            write(3, 2, 2);
            assertThat(c.drain()).isEqualTo(6);
            assertThat(seen).hasSize(12);
            assertPerKeyOrder(seen, 3, 4);
            assertThat(c.failures()).isEmpty();
        }
    }

    @Test
    void aNewConsumerOfTheGroup_resumesAfterTheCheckpoint() throws Exception {
        write(2, 3, 0);
        try (StreamConsumer c = consumer("w1").build()) {
            assertThat(c.drain()).isEqualTo(6);
        }
        write(2, 2, 3);
        seen.clear();
        try (StreamConsumer c = consumer("w2").build()) {
            assertThat(c.drain()).isEqualTo(4);
        }
        assertThat(seen)
                .extracting(e -> e.newImage().orElseThrow().totalCents())
                .containsOnly(3L, 4L);
        // another group reads the stream from the start, independently
        seen.clear();
        try (StreamConsumer other = consumer("w3").group("audit").build()) {
            assertThat(other.drain()).isEqualTo(10);
        }
    }

    @Test
    void aSecondConsumer_takesOverADeadOnesShards_afterTheLeaseExpires() throws Exception {
        write(3, 10, 0); // 30 changes
        AtomicInteger batches = new AtomicInteger();
        List<ChangeEvent<Order>> firstSaw = Collections.synchronizedList(new ArrayList<>());
        StreamConsumer dead =
                consumer("dead")
                        .leaseDuration(Duration.ofSeconds(1))
                        .handlerRetries(1, Duration.ZERO)
                        .handler(
                                changes -> {
                                    firstSaw.addAll(changes);
                                    if (batches.incrementAndGet() == 2) {
                                        // the process dies while handling its second batch
                                        throw new IllegalStateException("killed");
                                    }
                                })
                        .build();
        dead.pollOnce(); // takes the shard, handles a first batch of 10 and checkpoints
        dead.pollOnce(); // dies in its second batch: no checkpoint, the lease is not freed
        assertThat(dead.failures()).hasSize(1);
        assertThat(firstSaw).hasSize(20);

        StreamConsumer.Builder<Order> takeover =
                consumer("alive").leaseDuration(Duration.ofSeconds(1));
        try (StreamConsumer alive = takeover.build()) {
            alive.pollOnce();
            assertThat(alive.ownedShards())
                    .as("the dead consumer's lease has not expired yet")
                    .doesNotContainAnyElementsOf(dead.failures().keySet());
            Thread.sleep(1200);
            assertThat(alive.drain()).isEqualTo(20);
        }
        // nothing lost; the only duplicates are the batch the dead consumer did not checkpoint
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ChangeEvent<Order> e : firstSaw.subList(0, 10)) {
            counts.merge(e.sequenceNumber(), 1, Integer::sum);
        }
        for (ChangeEvent<Order> e : seen) {
            counts.merge(e.sequenceNumber(), 1, Integer::sum);
        }
        assertThat(counts).hasSize(30);
        assertThat(counts.values()).containsOnly(1);
        List<ChangeEvent<Order>> all = new ArrayList<>(firstSaw.subList(0, 10));
        all.addAll(seen);
        assertPerKeyOrder(all, 3, 10);
        assertThat(firstSaw.subList(10, firstSaw.size()))
                .allSatisfy(e -> assertThat(seen).contains(e));
        dead.close();
    }

    @Test
    void close_freesTheLeases_soAnotherConsumerTakesThemAtOnce() throws Exception {
        write(1, 2, 0);
        try (StreamConsumer first = consumer("w1").leaseDuration(Duration.ofMinutes(5)).build()) {
            first.drain();
            assertThat(first.ownedShards()).isNotEmpty();
        }
        write(1, 1, 2);
        seen.clear();
        try (StreamConsumer second = consumer("w2").leaseDuration(Duration.ofMinutes(5)).build()) {
            assertThat(second.drain()).isEqualTo(1);
        }
    }

    @Test
    void aFailingHandler_isRetried_thenStopsTheShard() throws Exception {
        write(1, 1, 0);
        AtomicInteger calls = new AtomicInteger();
        try (StreamConsumer c =
                consumer("w1")
                        .handlerRetries(3, Duration.ofMillis(1))
                        .handler(
                                changes -> {
                                    calls.incrementAndGet();
                                    throw new IllegalStateException("downstream is down");
                                })
                        .build()) {
            c.drain();
            assertThat(calls).hasValue(3);
            assertThat(c.failures()).hasSize(1);
            assertThat(c.failures().values())
                    .singleElement()
                    .satisfies(e -> assertThat(e).hasMessage("downstream is down"));
            assertThat(c.ownedShards()).isEmpty();
            assertThat(c.checkpoints()).isEmpty();
        }
    }

    @Test
    void start_pollsInTheBackground_untilClosed() throws Exception {
        StreamConsumer c = consumer("w1").pollInterval(Duration.ofMillis(20)).build();
        c.start();
        assertThatThrownBy(c::pollOnce)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("consumer is started: its background thread polls");
        write(2, 2, 0);
        long deadline = System.currentTimeMillis() + 10_000;
        while (seen.size() < 4 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        c.close();
        assertThat(seen).hasSize(4);
        assertThatThrownBy(c::drain)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("consumer is closed");
    }

    @Test
    void build_refusesATableWithoutStreamAndBadSettings() {
        db.table(Models.Secret.class).createTable();
        assertThatThrownBy(
                        () ->
                                StreamConsumer.builder(db, Models.Secret.class)
                                        .streamsClient(local.streamsClient())
                                        .handler(changes -> {})
                                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "table 'secrets' has no stream: enable one (StreamSpecification with"
                                + " StreamEnabled=true) or give streamArn(...)");
        assertThatThrownBy(() -> StreamConsumer.builder(db, Order.class).handler(c -> {}).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a streams client is required: call streamsClient(...)");
        assertThatThrownBy(() -> consumer("w").batchSize(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batchSize must be between 1 and 1000: 0");
        assertThatThrownBy(() -> consumer("w").group("a|b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("group must not contain '|': a|b");
        assertThatThrownBy(() -> consumer("w").leaseDuration(Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("leaseDuration must be at least 100 ms: PT0.01S");
    }
}
