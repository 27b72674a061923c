package dev.dynamorm.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Key;
import dev.dynamorm.Table;
import dev.dynamorm.local.LocalDynamoDb;
import dev.dynamorm.streams.Models.Order;
import dev.dynamorm.streams.Models.StatusTotals;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Issue 19's target on the embedded engine: 100 000 writes from 8 threads (inserts, updates,
 * deletes, TTL expiries) while a consumer follows the stream and maintains a materialized view;
 * mid-stream that consumer is killed (its handler hangs in a batch, which is never checkpointed)
 * and a second consumer of the group takes its shards over once the lease expires. Every change
 * reaches the handlers once after dedupe by sequence number (the only duplicates are the killed
 * batch), in per-key order; each key's changes chain from nothing to the state its writer left it
 * in; the table and the view equal what the writers and a recomputation say. The count is {@code
 * -Ddynamorm.streams.scale.writes=N} (100 000 unless set).
 *
 * <p>The reference is cheap on purpose: the writers know each key's final state (every thread
 * writes its own keys), the stream is read once plainly, and the table is scanned once.
 */
final class StreamScaleTest {
    private static final int THREADS = 8;
    private static final int WRITES = Integer.getInteger("dynamorm.streams.scale.writes", 100_000);
    private static final int BATCH = 500;
    private static final Duration LEASE = Duration.ofSeconds(2);
    private static final long PATIENCE_MILLIS = TimeUnit.MINUTES.toMillis(10);

    private LocalDynamoDb local;
    private DynamORM db;
    private Table<Order> orders;
    private MaterializedView<Order, StatusTotals> totals;

    /** What the handlers were handed, in the order they were handed it, and by whom. */
    private final List<ChangeEvent<Order>> delivered = new ArrayList<>();

    private final List<ChangeEvent<Order>> deliveredToB = new ArrayList<>();

    /** Each key's newest change handed to a handler so far. */
    private final Map<Key, ChangeEvent<Order>> newest = new HashMap<>();

    @BeforeEach
    void setUp() {
        local =
                LocalDynamoDb.builder()
                        .streamShardPeriod(Duration.ofSeconds(2))
                        .ttlSweepInterval(Duration.ofMillis(250))
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

    @Test
    void writesFromEightThreads_consumerKilledMidStream_eachChangeOnceInPerKeyOrder_viewRecomputes()
            throws Exception {
        CountDownLatch frozen = new CountDownLatch(1);
        CountDownLatch killed = new CountDownLatch(1);
        AtomicReference<List<ChangeEvent<Order>>> killedBatch = new AtomicReference<>();
        long t0 = System.nanoTime();
        StreamConsumer a =
                consumer("A")
                        .handlerRetries(1, Duration.ZERO)
                        .handler(
                                changes -> {
                                    if (killedBatch.get() != null) {
                                        throw new IllegalStateException("consumer A is dead");
                                    }
                                    if (deliveredCount() < WRITES / 4) {
                                        deliver(changes, false);
                                        totals.applyAll(changes);
                                        return;
                                    }
                                    // A dies in the middle of this batch: it was handed over and
                                    // half applied to the view, and is never checkpointed
                                    killedBatch.set(changes);
                                    deliver(changes, false);
                                    totals.applyAll(changes.subList(0, changes.size() / 2));
                                    frozen.countDown();
                                    killed.await();
                                    throw new IllegalStateException("consumer A was killed");
                                })
                        .build();
        StreamConsumer b =
                consumer("B")
                        .handler(
                                changes -> {
                                    deliver(changes, true);
                                    totals.applyAll(changes);
                                })
                        .build();
        ScaleWorkload workload;
        double writeSeconds;
        try {
            a.start();
            CompletableFuture<ScaleWorkload> writes =
                    CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    return ScaleWorkload.run(orders, THREADS, WRITES);
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                            });
            assertThat(frozen.await(PATIENCE_MILLIS, TimeUnit.MILLISECONDS))
                    .as("consumer A reached a quarter of the writes")
                    .isTrue();
            b.start();
            workload = writes.get(PATIENCE_MILLIS, TimeUnit.MILLISECONDS);
            writeSeconds = (System.nanoTime() - t0) / 1e9;
            awaitCaughtUp(workload.expected());
        } finally {
            killed.countDown();
            a.close();
            b.close();
        }
        double totalSeconds = (System.nanoTime() - t0) / 1e9;

        assertThat(b.failures()).isEmpty();
        assertThat(a.failures()).as("the killed batch's shard").isNotEmpty();
        List<Record> all = everyRecord();
        System.out.printf(
                Locale.ROOT,
                "stream scale: %d writes from %d threads in %.1f s (%.0f/s); %d changes over %d"
                        + " shards handled and applied to the view by %.1f s (killed batch: %d)%n",
                workload.written(),
                THREADS,
                writeSeconds,
                workload.written() / writeSeconds,
                all.size(),
                shards(),
                totalSeconds,
                killedBatch.get().size());

        // a delete of an absent item makes no change record; an expiry makes one
        assertThat(all.size())
                .as("writes and expiries that changed an item")
                .isGreaterThan(WRITES * 9 / 10);
        Set<String> written = new HashSet<>();
        all.forEach(r -> written.add(r.dynamodb().sequenceNumber()));
        assertThat(written).as("the stream has no duplicates").hasSameSizeAs(all);

        Map<String, ChangeEvent<Order>> once = new HashMap<>();
        Map<String, Integer> times = new HashMap<>();
        for (ChangeEvent<Order> e : delivered) {
            once.putIfAbsent(e.sequenceNumber(), e);
            times.merge(e.sequenceNumber(), 1, Integer::sum);
        }
        assertThat(once.keySet()).as("every change handled, nothing else").isEqualTo(written);
        Set<String> twice = new HashSet<>();
        times.forEach(
                (seq, n) -> {
                    assertThat(n).as("deliveries of %s", seq).isLessThanOrEqualTo(2);
                    if (n == 2) {
                        twice.add(seq);
                    }
                });
        Set<String> killedSeqs = new HashSet<>();
        killedBatch.get().forEach(e -> killedSeqs.add(e.sequenceNumber()));
        assertThat(twice)
                .as("the only duplicates: the killed batch, handed again to B")
                .isEqualTo(killedSeqs)
                .hasSizeLessThanOrEqualTo(BATCH);
        assertThat(deliveredToB.size())
                .as("B took over mid-stream")
                .isGreaterThan(killedSeqs.size());

        assertPerKeyOrder(firstDeliveries(delivered));
        assertPerKeyOrder(deliveredToB);
        Map<Key, List<ChangeEvent<Order>>> perKey = new HashMap<>();
        once.values().forEach(e -> perKey.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e));
        assertChains(perKey, workload);

        List<Order> stored = orders.scan().stream().toList();
        List<Order> present = new ArrayList<>();
        workload.expected().values().forEach(o -> o.ifPresent(present::add));
        // sets, not AssertJ's any-order list comparison, which is quadratic
        assertThat(stored).as("the table").hasSameSizeAs(present);
        assertThat(new HashSet<>(stored)).as("the table").isEqualTo(new HashSet<>(present));
        assertThat(storedView()).as("the view").isEqualTo(recomputed(stored));
    }

    private StreamConsumer.Builder<Order> consumer(String worker) {
        return StreamConsumer.builder(db, Order.class)
                .streamsClient(local.streamsClient())
                .group("scale")
                .workerId(worker)
                .batchSize(BATCH)
                .leaseDuration(LEASE)
                .pollInterval(Duration.ofMillis(50))
                .discoveryInterval(Duration.ofMillis(500));
    }

    private synchronized void deliver(List<ChangeEvent<Order>> changes, boolean toB) {
        delivered.addAll(changes);
        if (toB) {
            deliveredToB.addAll(changes);
        }
        for (ChangeEvent<Order> e : changes) {
            newest.merge(e.key(), e, (x, y) -> x.sequence().compareTo(y.sequence()) > 0 ? x : y);
        }
        notifyAll();
    }

    private synchronized int deliveredCount() {
        return delivered.size();
    }

    /** Waits until the newest change of every key shows the state its writer left it in. */
    private synchronized void awaitCaughtUp(Map<Key, Optional<Order>> expected)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        while (!caughtUp(expected)) {
            long left = deadline - System.currentTimeMillis();
            assertThat(left).as("the consumers caught up with the writers").isPositive();
            // woken by each delivery; the timeout only bounds a wait for the TTL sweeper
            wait(Math.min(left, 500));
        }
    }

    private boolean caughtUp(Map<Key, Optional<Order>> expected) {
        for (Map.Entry<Key, Optional<Order>> e : expected.entrySet()) {
            ChangeEvent<Order> last = newest.get(e.getKey());
            Optional<Order> now = last == null ? Optional.empty() : last.newImage();
            if (!now.equals(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** The first delivery of each change, in delivery order. */
    private static List<ChangeEvent<Order>> firstDeliveries(List<ChangeEvent<Order>> all) {
        Set<String> seen = new HashSet<>();
        List<ChangeEvent<Order>> out = new ArrayList<>();
        for (ChangeEvent<Order> e : all) {
            if (seen.add(e.sequenceNumber())) {
                out.add(e);
            }
        }
        return out;
    }

    /** The changes of each key come in increasing sequence-number order. */
    private static void assertPerKeyOrder(List<ChangeEvent<Order>> seen) {
        Map<Key, BigInteger> last = new HashMap<>();
        for (ChangeEvent<Order> e : seen) {
            BigInteger seq = e.sequence();
            BigInteger before = last.put(e.key(), seq);
            if (before != null) {
                assertThat(seq).as("order of %s", e.key()).isGreaterThan(before);
            }
        }
    }

    /**
     * Each key's changes in sequence order form a chain: the first has no old image, each old image
     * is the previous new image, the last new image is the state the writer left; a key whose last
     * write was an expired item ends with the TTL sweeper's REMOVE.
     */
    private static void assertChains(
            Map<Key, List<ChangeEvent<Order>>> perKey, ScaleWorkload workload) {
        int expiries = 0;
        for (Map.Entry<Key, Optional<Order>> want : workload.expected().entrySet()) {
            List<ChangeEvent<Order>> chain =
                    perKey.getOrDefault(want.getKey(), List.of()).stream()
                            .sorted(Comparator.comparing(ChangeEvent::sequence))
                            .toList();
            Optional<Order> state = Optional.empty();
            for (ChangeEvent<Order> e : chain) {
                assertThat(e.oldImage()).as("old image of %s", e).isEqualTo(state);
                assertThat(e.kind())
                        .as("kind of %s", e)
                        .isEqualTo(
                                e.oldImage().isEmpty()
                                        ? ChangeKind.INSERT
                                        : e.newImage().isEmpty()
                                                ? ChangeKind.REMOVE
                                                : ChangeKind.MODIFY);
                state = e.newImage();
                if (e.expiredByTtl()) {
                    expiries++;
                }
            }
            assertThat(state).as("final state of %s", want.getKey()).isEqualTo(want.getValue());
            if (workload.lastExpired().contains(want.getKey())) {
                assertThat(chain.get(chain.size() - 1).expiredByTtl())
                        .as("%s ends expired by TTL", want.getKey())
                        .isTrue();
            }
        }
        assertThat(workload.expected().keySet().containsAll(perKey.keySet()))
                .as("changes only of written keys")
                .isTrue();
        assertThat(expiries).isGreaterThanOrEqualTo(workload.lastExpired().size()).isPositive();
    }

    private int shards() {
        return local.streamsClient()
                .describeStream(r -> r.streamArn(orders.describeTable().latestStreamArn()))
                .streamDescription()
                .shards()
                .size();
    }

    /**
     * Every record of the stream, read plainly: every page of shards, each closed shard to its end,
     * the open one until it has nothing more.
     */
    private List<Record> everyRecord() {
        String arn = orders.describeTable().latestStreamArn();
        DynamoDbStreamsClient streams = local.streamsClient();
        List<Shard> shards = new ArrayList<>();
        String start = null;
        do {
            String from = start;
            var d =
                    streams.describeStream(r -> r.streamArn(arn).exclusiveStartShardId(from))
                            .streamDescription();
            shards.addAll(d.shards());
            start = d.lastEvaluatedShardId();
        } while (start != null);
        List<Record> out = new ArrayList<>();
        for (Shard shard : shards) {
            boolean closed = shard.sequenceNumberRange().endingSequenceNumber() != null;
            String it =
                    streams.getShardIterator(
                                    r ->
                                            r.streamArn(arn)
                                                    .shardId(shard.shardId())
                                                    .shardIteratorType(
                                                            ShardIteratorType.TRIM_HORIZON))
                            .shardIterator();
            while (it != null) {
                String current = it;
                var page = streams.getRecords(r -> r.shardIterator(current));
                out.addAll(page.records());
                if (!closed && page.records().isEmpty()) {
                    break;
                }
                it = page.nextShardIterator();
            }
        }
        return out;
    }

    private static Map<Key, List<Long>> recomputed(List<Order> table) {
        Map<Key, List<Long>> out = new TreeMap<>(Comparator.comparing(Key::toString));
        for (Order o : table) {
            out.merge(
                    Key.of(o.customerId(), o.status()),
                    List.of(1L, o.totalCents()),
                    (x, y) -> List.of(x.get(0) + y.get(0), x.get(1) + y.get(1)));
        }
        return out;
    }

    private Map<Key, List<Long>> storedView() {
        Map<Key, List<Long>> out = new TreeMap<>(Comparator.comparing(Key::toString));
        for (StatusTotals t : db.table(StatusTotals.class).scan()) {
            if (t.orders() != 0 || t.totalCents() != 0) {
                out.put(Key.of(t.customerId(), t.status()), List.of(t.orders(), t.totalCents()));
            }
        }
        return out;
    }
}
