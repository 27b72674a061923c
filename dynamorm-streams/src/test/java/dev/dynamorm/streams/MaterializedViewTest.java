package dev.dynamorm.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Key;
import dev.dynamorm.Table;
import dev.dynamorm.local.LocalDynamoDb;
import dev.dynamorm.streams.Models.Order;
import dev.dynamorm.streams.Models.StatusTotals;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

final class MaterializedViewTest {
    private LocalDynamoDb local;
    private DynamORM db;
    private Table<Order> orders;
    private MaterializedView<Order, StatusTotals> totals;

    @BeforeEach
    void setUp() {
        local =
                LocalDynamoDb.builder()
                        .streamShardPeriod(Duration.ofMillis(300))
                        .ttlSweepInterval(Duration.ofMillis(50))
                        .start();
        db = DynamORM.builder().client(local.client()).discoverPlugins(false).build();
        orders = db.table(Order.class);
        StreamTables.createWithStream(orders, local.client(), StreamViewType.NEW_AND_OLD_IMAGES);
        totals =
                MaterializedView.builder(db, Order.class, StatusTotals.class)
                        .groupBy(o -> Key.of(o.customerId(), o.status()))
                        .count("orders")
                        .sum("totalCents", Order::totalCents)
                        .build();
    }

    @AfterEach
    void tearDown() {
        db.close();
        local.close();
    }

    /** The view recomputed from the source table, without groups of zero. */
    private Map<Key, List<Long>> recomputed() {
        Map<Key, List<Long>> out = new TreeMap<>(java.util.Comparator.comparing(Key::toString));
        for (Order o : orders.scan()) {
            out.merge(
                    Key.of(o.customerId(), o.status()),
                    List.of(1L, o.totalCents()),
                    (a, b) -> List.of(a.get(0) + b.get(0), a.get(1) + b.get(1)));
        }
        return out;
    }

    private Map<Key, List<Long>> stored() {
        Map<Key, List<Long>> out = new TreeMap<>(java.util.Comparator.comparing(Key::toString));
        for (StatusTotals t : db.table(StatusTotals.class).scan()) {
            if (t.orders() != 0 || t.totalCents() != 0) {
                out.put(Key.of(t.customerId(), t.status()), List.of(t.orders(), t.totalCents()));
            }
        }
        return out;
    }

    @Test
    void concurrentWritesUpdatesDeletesAndExpiries_viewEqualsARecomputation() throws Exception {
        int threads = 8;
        int perThread = 150;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(
                    pool.submit(
                            () -> {
                                ThreadLocalRandom r = ThreadLocalRandom.current();
                                for (int i = 0; i < perThread; i++) {
                                    String customer = "c" + r.nextInt(5);
                                    String id = "t" + thread + "-" + r.nextInt(40);
                                    String status =
                                            List.of("NEW", "PAID", "SHIPPED").get(r.nextInt(3));
                                    int op = r.nextInt(10);
                                    if (op < 6) {
                                        orders.put(Order.of(customer, id, status, r.nextInt(1000)));
                                    } else if (op < 8) {
                                        orders.delete(Key.of(customer, id));
                                    } else {
                                        orders.put(
                                                new Order(
                                                        customer,
                                                        id,
                                                        status,
                                                        r.nextInt(1000),
                                                        null,
                                                        Instant.now().minusSeconds(1)));
                                    }
                                }
                                return null;
                            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        // the TTL sweeper deletes the expired items, a batch at a time; the changes are read only
        // once it has (going on without them, as this test once did after 30 s, left the view
        // short of the expiries that came later)
        long deadline = System.currentTimeMillis() + 120_000;
        while (orders.scan().stream().anyMatch(o -> o.expiresAt() != null)) {
            assertThat(System.currentTimeMillis()).as("expiries swept").isLessThan(deadline);
            Thread.sleep(50);
        }

        List<ChangeEvent<Order>> seen = Collections.synchronizedList(new ArrayList<>());
        try (StreamConsumer c =
                StreamConsumer.builder(db, Order.class)
                        .streamsClient(local.streamsClient())
                        .batchSize(100)
                        .handler(
                                changes -> {
                                    seen.addAll(changes);
                                    totals.applyAll(changes);
                                })
                        .build()) {
            c.drain();
        }

        assertThat(seen).extracting(ChangeEvent::sequenceNumber).doesNotHaveDuplicates();
        assertThat(seen).anySatisfy(e -> assertThat(e.expiredByTtl()).isTrue());
        assertThat(stored()).isEqualTo(recomputed());

        // a replay of every change counts nothing twice
        assertThat(totals.applyAll(seen)).isZero();
        assertThat(stored()).isEqualTo(recomputed());
    }

    @Test
    void apply_sameChangeTwice_countsOnce_andAMoveBetweenGroupsShiftsTheAggregates() {
        String arn = orders.describeTable().latestStreamArn();
        orders.put(Order.of("c1", "o1", "NEW", 100));
        orders.put(Order.of("c1", "o2", "NEW", 50));
        orders.put(Order.of("c1", "o1", "PAID", 100));
        List<ChangeEvent<Order>> changes =
                ChangeDecoder.of(orders)
                        .decodeAll(StreamTables.records(local.streamsClient(), arn));

        assertThat(totals.applyAll(changes)).isEqualTo(3);
        assertThat(totals.apply(changes.get(1))).isFalse();
        assertThat(totals.apply(changes.get(0)))
                .as("an older change of an item is not applied after a newer one")
                .isFalse();

        Table<StatusTotals> view = db.table(StatusTotals.class);
        assertThat(view.get(Key.of("c1", "NEW"))).contains(new StatusTotals("c1", "NEW", 1, 50));
        assertThat(view.get(Key.of("c1", "PAID"))).contains(new StatusTotals("c1", "PAID", 1, 100));
    }

    @Test
    void rebuild_recomputesFromAScan_andRemovesStaleGroups() {
        orders.put(Order.of("c1", "o1", "NEW", 100));
        orders.put(Order.of("c2", "o1", "PAID", 7));
        Table<StatusTotals> view = db.table(StatusTotals.class);
        view.put(new StatusTotals("c1", "NEW", 99, 99));
        view.put(new StatusTotals("c9", "GONE", 1, 1));

        assertThat(totals.rebuild()).isEqualTo(2);

        assertThat(stored()).isEqualTo(recomputed());
        assertThat(view.get(Key.of("c9", "GONE"))).isEmpty();
        assertThat(Set.copyOf(view.scan()))
                .containsExactlyInAnyOrder(
                        new StatusTotals("c1", "NEW", 1, 100),
                        new StatusTotals("c2", "PAID", 1, 7));
    }

    @Test
    void apply_withoutBothImages_isRefused() {
        Map<String, AttributeValue> image = orders.toItem(Order.of("c1", "o1", "PAID", 1));
        ChangeEvent<Order> newImageOnly =
                ChangeDecoder.of(orders)
                        .decode(
                                Record.builder()
                                        .eventID("e1")
                                        .eventName("MODIFY")
                                        .dynamodb(
                                                d ->
                                                        d.newImage(image)
                                                                .sequenceNumber("7")
                                                                .streamViewType(
                                                                        StreamViewType.NEW_IMAGE))
                                        .build());

        assertThatThrownBy(() -> totals.apply(newImageOnly))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "view 'status_totals' needs the old and new images of every change, but"
                                + " ChangeEvent[MODIFY Key[c1, o1] seq=7] lacks one: enable the"
                                + " stream with NEW_AND_OLD_IMAGES");
        assertThatThrownBy(
                        () ->
                                MaterializedView.builder(db, Order.class, StatusTotals.class)
                                        .count("orders")
                                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a view needs groupBy(...)");
    }
}
