package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.BatchGetResult;
import dev.dynamorm.BatchOptions;
import dev.dynamorm.BatchWriteIncompleteException;
import dev.dynamorm.BatchWriteResult;
import dev.dynamorm.BatchWriter;
import dev.dynamorm.BatchWriterOptions;
import dev.dynamorm.DynamORM;
import dev.dynamorm.DynamORMException;
import dev.dynamorm.Key;
import dev.dynamorm.RetryPolicy;
import dev.dynamorm.Table;
import dev.dynamorm.it.model.Order;
import dev.dynamorm.local.FaultInjection;
import dev.dynamorm.local.LocalDynamoDb;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Batches and transactions under the embedded engine's injected faults: throttling, unprocessed
 * items and keys, transaction conflicts. DynamORM builds its own client for the engine's loopback
 * endpoint, so the SDK's retries are off and the retry policy alone decides (with a short backoff
 * base, to keep the run short).
 */
final class FaultInjectionTest {

    /** Full jitter over [0, min(5 ms, 0.5 ms * 2^n)], at most 60 attempts. */
    private static final RetryPolicy FAST =
            (attempts, elapsed, failure) ->
                    attempts >= 60
                            ? Optional.empty()
                            : Optional.of(
                                    Duration.ofNanos(
                                            ThreadLocalRandom.current()
                                                    .nextLong(
                                                            Math.min(
                                                                            5_000_000L,
                                                                            500_000L
                                                                                    << Math.min(
                                                                                            attempts,
                                                                                            10))
                                                                    + 1)));

    private static LocalDynamoDb local;
    private static DynamORM db;
    private static Table<Order> orders;

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
        db =
                DynamORM.builder()
                        .endpoint(local.endpoint())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("a", "b")))
                        .retryPolicy(FAST)
                        .build();
        orders = db.table(Order.class);
        orders.createTable();
    }

    @AfterAll
    static void stop() {
        db.close();
        local.close();
    }

    @AfterEach
    void noFaults() {
        local.faults(FaultInjection.none());
    }

    private static List<Order> ordersOf(String customer, int n) {
        List<Order> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(Order.of(customer, String.format("o%05d", i), "NEW", i));
        }
        return out;
    }

    private static Set<String> storedIds(String customer) {
        return orders.where("customerId", "=", customer).all().stream()
                .map(Order::orderId)
                .collect(Collectors.toSet());
    }

    @Test
    void batchWrite_of10000Items_under30PercentThrottlingAndUnprocessed_storesEveryItemOnce() {
        String c = UUID.randomUUID().toString();
        List<Order> items = ordersOf(c, 10_000);
        local.faults(
                FaultInjection.builder().seed(42).throttleRate(0.3).unprocessedRate(0.3).build());
        BatchWriteResult<Order> result =
                orders.batchWrite(items, List.of(), BatchOptions.builder().workers(4).build());
        local.faults(FaultInjection.none());
        assertThat(result.written()).isEqualTo(10_000);
        assertThat(result.complete()).isTrue();
        List<Order> stored = orders.where("customerId", "=", c).all();
        assertThat(stored).hasSize(10_000);
        assertThat(new HashSet<>(stored)).isEqualTo(new HashSet<>(items));
    }

    @Test
    void batchWrite_withTinyRetryBudget_reportsExactlyTheUnwrittenItems() {
        String c = UUID.randomUUID().toString();
        List<Order> items = ordersOf(c, 500);
        local.faults(FaultInjection.builder().seed(7).unprocessedRate(0.4).build());
        BatchWriteIncompleteException e =
                org.junit.jupiter.api.Assertions.assertThrows(
                        BatchWriteIncompleteException.class,
                        () ->
                                orders.batchWrite(
                                        items,
                                        List.of(),
                                        BatchOptions.builder()
                                                .retryPolicy(RetryPolicy.none())
                                                .build()));
        local.faults(FaultInjection.none());
        List<Order> unwritten = e.unwrittenPuts(Order.class);
        assertThat(unwritten).isNotEmpty().hasSizeLessThan(items.size());
        assertThat(e.result().written()).isEqualTo(items.size() - unwritten.size());
        assertThat(e.isRetryable()).isTrue();
        Set<String> stored = storedIds(c);
        Set<String> expected = new HashSet<>();
        items.forEach(o -> expected.add(o.orderId()));
        unwritten.forEach(o -> expected.remove(o.orderId()));
        assertThat(stored).isEqualTo(expected);
        assertThat(e.getMessage())
                .contains("left " + unwritten.size() + " of 500 operations unwritten");
        // writing the reported items again completes the batch
        orders.batchPut(unwritten);
        assertThat(storedIds(c)).hasSize(500);
    }

    @Test
    void batchGet_underThrottlingAndUnprocessedKeys_returnsEveryItem() {
        String c = UUID.randomUUID().toString();
        List<Order> items = ordersOf(c, 1_000);
        orders.batchPut(items);
        List<Key> keys = items.stream().map(orders::keyOf).toList();
        local.faults(
                FaultInjection.builder().seed(3).throttleRate(0.3).unprocessedRate(0.3).build());
        BatchGetResult<Order> result =
                orders.batchGet(keys, BatchOptions.builder().workers(4).build());
        assertThat(result.items()).containsExactlyElementsOf(items);
        assertThat(result.missingKeys()).isEmpty();
    }

    @Test
    void batchWriter_manyProducersUnderFaults_completesEveryWrite() throws Exception {
        String c = UUID.randomUUID().toString();
        local.faults(
                FaultInjection.builder().seed(11).throttleRate(0.3).unprocessedRate(0.3).build());
        int threads = 8;
        int perThread = 250;
        List<CompletableFuture<Void>> futures = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (BatchWriter writer =
                db.batchWriter(
                        BatchWriterOptions.builder()
                                .capacity(300)
                                .workers(4)
                                .flushInterval(Duration.ofMillis(5))
                                .build())) {
            List<Future<?>> producers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                producers.add(
                        pool.submit(
                                () -> {
                                    for (int i = 0; i < perThread; i++) {
                                        futures.add(
                                                writer.put(
                                                        Order.of(
                                                                c,
                                                                "t" + thread + "-" + i,
                                                                "NEW",
                                                                i)));
                                    }
                                }));
            }
            for (Future<?> p : producers) {
                p.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(futures)
                .hasSize(threads * perThread)
                .allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        local.faults(FaultInjection.none());
        assertThat(storedIds(c)).hasSize(threads * perThread);
    }

    @Test
    void batchWriter_withTinyBudget_failsEachUnwrittenWriteWithItsItem() throws Exception {
        String c = UUID.randomUUID().toString();
        local.faults(FaultInjection.builder().seed(5).unprocessedRate(0.5).build());
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        List<Order> items = ordersOf(c, 200);
        try (BatchWriter writer =
                db.batchWriter(
                        BatchWriterOptions.builder().retryPolicy(RetryPolicy.none()).build())) {
            items.forEach(o -> futures.add(writer.put(o)));
        }
        local.faults(FaultInjection.none());
        Set<String> failed = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            CompletableFuture<Void> f = futures.get(i);
            assertThat(f).isDone();
            if (f.isCompletedExceptionally()) {
                Throwable cause = f.handle((ok, t) -> t).get();
                assertThat(cause).isInstanceOf(BatchWriteIncompleteException.class);
                assertThat(((BatchWriteIncompleteException) cause).unwrittenPuts(Order.class))
                        .containsExactly(items.get(i));
                failed.add(items.get(i).orderId());
            }
        }
        assertThat(failed).isNotEmpty();
        Set<String> stored = storedIds(c);
        assertThat(stored)
                .hasSize(items.size() - failed.size())
                .doesNotContainAnyElementsOf(failed);
    }

    @Test
    void transactions_underConflicts_areRetriedWithTheSameToken_andApplyOnce() {
        String c = UUID.randomUUID().toString();
        orders.batchPut(List.of(Order.of(c, "a", "NEW", 0), Order.of(c, "b", "NEW", 0)));
        local.faults(FaultInjection.builder().seed(9).transactionConflictRate(0.5).build());
        for (int i = 0; i < 20; i++) {
            db.transaction(
                    tx ->
                            tx.update(Order.class, Key.of(c, "a"), u -> u.increment("totalCents"))
                                    .update(
                                            Order.class,
                                            Key.of(c, "b"),
                                            u -> u.increment("totalCents")));
        }
        local.faults(FaultInjection.builder().seed(9).transactionConflictRate(1).build());
        assertThatThrownBy(
                        () ->
                                db.transaction(
                                        tx ->
                                                tx.update(
                                                        Order.class,
                                                        Key.of(c, "a"),
                                                        u -> u.increment("totalCents"))))
                .isInstanceOfSatisfying(
                        DynamORMException.class, e -> assertThat(e.isRetryable()).isTrue());
        local.faults(FaultInjection.none());
        assertThat(orders.get(c, "a").orElseThrow().totalCents()).isEqualTo(20);
        assertThat(orders.get(c, "b").orElseThrow().totalCents()).isEqualTo(20);
    }
}
