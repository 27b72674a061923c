package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dynamorm.BatchOptions;
import dev.dynamorm.BatchWriteIncompleteException;
import dev.dynamorm.BatchWriter;
import dev.dynamorm.DynamORM;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.OutcomeUnknownException;
import dev.dynamorm.RetryPolicy;
import dev.dynamorm.ReturnValue;
import dev.dynamorm.Table;
import dev.dynamorm.WriteOptions;
import dev.dynamorm.it.model.Account;
import dev.dynamorm.it.model.Order;
import dev.dynamorm.test.BackendContext;
import dev.dynamorm.test.DynamoBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Writes through a loopback proxy that drops 5 % of the answers after the server applied the
 * request (issue 15.7): no write is applied twice, and none is reported failed that was applied.
 */
@DynamoBackend(models = {Account.class, Order.class})
abstract class LostAnswersSuite {

    /** Full jitter over [0, min(4 ms, 0.25 ms * 2^n)], at most 40 attempts: keeps the run short. */
    private static final RetryPolicy FAST =
            (attempts, elapsed, failure) ->
                    attempts >= 40
                            ? Optional.empty()
                            : Optional.of(
                                    Duration.ofNanos(
                                            ThreadLocalRandom.current()
                                                    .nextLong(
                                                            Math.min(
                                                                            4_000_000L,
                                                                            250_000L
                                                                                    << Math.min(
                                                                                            attempts,
                                                                                            10))
                                                                    + 1)));

    private static final int THREADS = 8;
    private static final int PER_THREAD = 500;

    DroppingProxy proxy;
    DynamORM db;
    BackendContext backend;
    Table<Order> orders;
    Table<Account> accounts;

    @BeforeEach
    void setUp(BackendContext backend) {
        this.backend = backend;
        this.proxy = DroppingProxy.start(backend.endpoint(), 0.05, 20261205L);
        this.db =
                DynamORM.builder()
                        .endpoint(proxy.endpoint())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("a", "b")))
                        .tableNamePrefix(backend.tableNamePrefix())
                        .retryPolicy(FAST)
                        .maxConnections(2 * THREADS)
                        .build();
        this.orders = db.table(Order.class);
        this.accounts = db.table(Account.class);
    }

    @AfterEach
    void tearDown() {
        db.close();
        proxy.close();
    }

    private record Tally(int applied, int unknown, int failed) {}

    private Tally incrementConcurrently(Order order, boolean idempotent) throws Exception {
        AtomicInteger applied = new AtomicInteger();
        AtomicInteger unknown = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                all.add(
                        pool.submit(
                                () -> {
                                    for (int i = 0; i < PER_THREAD; i++) {
                                        try {
                                            orders.update(
                                                    order,
                                                    u -> {
                                                        u.increment("totalCents", 1);
                                                        if (idempotent) {
                                                            u.idempotent();
                                                        }
                                                    });
                                            applied.incrementAndGet();
                                        } catch (OutcomeUnknownException e) {
                                            unknown.incrementAndGet();
                                        } catch (RuntimeException e) {
                                            failed.incrementAndGet();
                                        }
                                    }
                                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Tally(applied.get(), unknown.get(), failed.get());
    }

    private long storedTotal(Order order) {
        proxy.dropRate(0);
        return orders.get(order.customerId(), order.orderId()).orElseThrow().totalCents();
    }

    @Test
    void idempotentIncrements_8x500_underDroppedAnswers_endAtExactly4000() throws Exception {
        assumeTrue(backend.supportsTransactions(), "the backend has no TransactWriteItems");
        Order order = Order.of(UUID.randomUUID().toString(), "o1", "NEW", 0);
        orders.put(order);
        long start = System.nanoTime();
        Tally tally = incrementConcurrently(order, true);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(
                "[lost answers, %s] idempotent 8x500 increments: %d applied, %d unknown, %d failed;"
                        + " %d of %d answers dropped; %d ms%n",
                backend.backend(),
                tally.applied(),
                tally.unknown(),
                tally.failed(),
                proxy.dropped(),
                proxy.forwarded(),
                millis);
        assertThat(proxy.dropped()).as("answers dropped").isGreaterThan(50);
        assertThat(tally).isEqualTo(new Tally(THREADS * PER_THREAD, 0, 0));
        assertThat(storedTotal(order)).isEqualTo(THREADS * PER_THREAD);
    }

    @Test
    void plainIncrements_underDroppedAnswers_areNeverAppliedTwice_andUnknownOutcomesAreReported()
            throws Exception {
        Order order = Order.of(UUID.randomUUID().toString(), "o1", "NEW", 0);
        orders.put(order);
        Tally tally = incrementConcurrently(order, false);
        long stored = storedTotal(order);
        System.out.printf(
                "[lost answers, %s] plain 8x500 increments: %d applied, %d unknown, %d failed;"
                        + " stored %d; %d of %d answers dropped%n",
                backend.backend(),
                tally.applied(),
                tally.unknown(),
                tally.failed(),
                stored,
                proxy.dropped(),
                proxy.forwarded());
        assertThat(tally.failed()).as("writes reported failed").isZero();
        assertThat(tally.unknown()).as("outcomes reported unknown").isPositive();
        // every reported success is stored once; of the unknown ones, each applied at most once
        assertThat(stored)
                .isBetween((long) tally.applied(), (long) tally.applied() + tally.unknown());
    }

    @Test
    void outcomeUnknown_namesTheWrite() {
        Order order = Order.of(UUID.randomUUID().toString(), "o1", "NEW", 0);
        orders.put(order);
        proxy.dropRate(1);
        assertThatThrownBy(() -> orders.update(order, u -> u.increment("totalCents", 5)))
                .isInstanceOf(OutcomeUnknownException.class)
                .hasMessageStartingWith(
                        "update on table '"
                                + orders.tableName()
                                + "' (model dev.dynamorm.it.model.Order) of key")
                .hasMessageContaining("the outcome is unknown")
                .hasMessageContaining("was not sent again");
        proxy.dropRate(0);
        // sent once: applied once
        assertThat(storedTotal(order)).isEqualTo(5);
    }

    @Test
    void versionedReadModifyPut_underDroppedAnswers_recognisesItsOwnWrite() {
        String id = UUID.randomUUID().toString();
        accounts.create(Account.of(id, 0));
        int rounds = 300;
        for (int i = 0; i < rounds; i++) {
            Account current = accounts.get(id).orElseThrow();
            accounts.put(current.withBalance(current.balance() + 1));
        }
        System.out.printf(
                "[lost answers, %s] versioned read-modify-put x%d: %d of %d answers dropped%n",
                backend.backend(), rounds, proxy.dropped(), proxy.forwarded());
        assertThat(proxy.dropped()).as("answers dropped").isPositive();
        proxy.dropRate(0);
        Account stored = accounts.get(id).orElseThrow();
        assertThat(stored.balance()).isEqualTo(rounds);
        assertThat(stored.version()).isEqualTo(rounds + 1);
    }

    @Test
    void idempotentWrite_refusesAReturnValue_beforeSending() {
        Order order = Order.of(UUID.randomUUID().toString(), "o1", "NEW", 0);
        long before = proxy.forwarded();
        assertThatThrownBy(
                        () ->
                                orders.put(
                                        order,
                                        WriteOptions.builder()
                                                .idempotent(true)
                                                .returnValue(ReturnValue.ALL_OLD)
                                                .build()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "put of model dev.dynamorm.it.model.Order: an idempotent write is sent as"
                                + " TransactWriteItems, which returns no item; use ReturnValue.NONE,"
                                + " not ALL_OLD");
        assertThat(proxy.forwarded()).isEqualTo(before);
    }

    @Test
    void idempotentPut_underDroppedAnswers_isStoredOnce() {
        assumeTrue(backend.supportsTransactions(), "the backend has no TransactWriteItems");
        String customer = UUID.randomUUID().toString();
        for (int i = 0; i < 100; i++) {
            orders.put(Order.of(customer, "o" + i, "NEW", i), WriteOptions.idempotently());
        }
        proxy.dropRate(0);
        assertThat(orders.where("customerId", "=", customer).all()).hasSize(100);
    }

    @Test
    void batchWrite_whoseAnswersAreLost_reportsOutcomeUnknown_notUnwritten() {
        String customer = UUID.randomUUID().toString();
        List<Order> items = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            items.add(Order.of(customer, "o" + i, "NEW", i));
        }
        proxy.dropRate(1);
        assertThatThrownBy(() -> orders.batchPut(items))
                .isInstanceOfSatisfying(
                        BatchWriteIncompleteException.class,
                        e -> {
                            assertThat(e.unwrittenPuts(Order.class)).isEmpty();
                            assertThat(e.unknownPuts(Order.class))
                                    .containsExactlyInAnyOrderElementsOf(items);
                            assertThat(e.result().complete()).isFalse();
                        })
                .hasMessageContaining("left 0 of 30 operations unwritten")
                .hasMessageContaining(
                        "30 of unknown outcome (sent, answer lost: they may be stored)");
        proxy.dropRate(0);
        // every request reached the server: all stored, none was reported unwritten
        assertThat(orders.where("customerId", "=", customer).all()).hasSize(30);
    }

    @Test
    void batchWrite_underDroppedAnswers_neverReportsAStoredItemAsUnwritten() {
        String customer = UUID.randomUUID().toString();
        List<Order> items = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            items.add(Order.of(customer, "o" + i, "NEW", i));
        }
        proxy.dropRate(0.5);
        // two attempts per request: enough requests fail to exercise both outcomes
        RetryPolicy twice =
                (attempts, elapsed, failure) ->
                        attempts >= 2 ? Optional.empty() : Optional.of(Duration.ofMillis(1));
        List<Order> unwritten = new ArrayList<>();
        List<Order> unknown = new ArrayList<>();
        try {
            orders.batchWrite(items, List.of(), BatchOptions.builder().retryPolicy(twice).build());
        } catch (BatchWriteIncompleteException e) {
            unwritten.addAll(e.unwrittenPuts(Order.class));
            unknown.addAll(e.unknownPuts(Order.class));
        }
        proxy.dropRate(0);
        List<String> stored =
                orders.where("customerId", "=", customer).all().stream()
                        .map(Order::orderId)
                        .toList();
        assertThat(unwritten).extracting(Order::orderId).doesNotContainAnyElementsOf(stored);
        List<Order> known = new ArrayList<>(items);
        known.removeAll(unknown);
        known.removeAll(unwritten);
        assertThat(stored).containsAll(known.stream().map(Order::orderId).toList());
    }

    @Test
    void batchWriter_whoseAnswersAreLost_failsEachWriteAsOutcomeUnknown() throws Exception {
        String customer = UUID.randomUUID().toString();
        List<Order> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            items.add(Order.of(customer, "o" + i, "NEW", i));
        }
        proxy.dropRate(1);
        List<java.util.concurrent.CompletableFuture<Void>> futures = new ArrayList<>();
        try (BatchWriter writer = db.batchWriter()) {
            for (Order o : items) {
                futures.add(writer.put(o));
            }
        }
        for (int i = 0; i < items.size(); i++) {
            Order expected = items.get(i);
            assertThat(futures.get(i))
                    .failsWithin(Duration.ofSeconds(30))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .havingCause()
                    .isInstanceOfSatisfying(
                            BatchWriteIncompleteException.class,
                            e -> {
                                assertThat(e.unwrittenPuts(Order.class)).isEmpty();
                                assertThat(e.unknownPuts(Order.class)).containsExactly(expected);
                            })
                    .withMessageContaining("the outcome is unknown");
        }
        proxy.dropRate(0);
        // every request reached the server: all stored, none was reported unwritten
        assertThat(orders.where("customerId", "=", customer).all()).hasSize(10);
    }
}
