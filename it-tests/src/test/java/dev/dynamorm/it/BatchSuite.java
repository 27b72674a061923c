package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.BatchGetResult;
import dev.dynamorm.BatchOptions;
import dev.dynamorm.BatchWriteResult;
import dev.dynamorm.BatchWriter;
import dev.dynamorm.BatchWriterOptions;
import dev.dynamorm.DynamORM;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Key;
import dev.dynamorm.Table;
import dev.dynamorm.it.model.Account;
import dev.dynamorm.it.model.Customer;
import dev.dynamorm.it.model.Order;
import dev.dynamorm.test.DynamoBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Batch reads, batch writes and the batch writer, run on every backend by the subclasses. */
@DynamoBackend(models = {Order.class, Customer.class, Account.class})
abstract class BatchSuite {

    private DynamORM db;
    private Table<Order> orders;

    @BeforeEach
    void setUp(DynamORM db) {
        this.db = db;
        this.orders = db.table(Order.class);
    }

    private static String unique() {
        return UUID.randomUUID().toString();
    }

    private static List<Order> ordersOf(String customer, int n) {
        List<Order> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(Order.of(customer, String.format("o%04d", i), "NEW", i));
        }
        return out;
    }

    @Test
    void batchPut_andBatchGet_ofAnySize_keepKeyOrder_andReportMissingKeys() {
        String c = unique();
        List<Order> stored = ordersOf(c, 230);
        List<int[]> progress = new CopyOnWriteArrayList<>();
        BatchWriteResult<Order> written =
                orders.batchWrite(
                        stored,
                        List.of(),
                        BatchOptions.builder()
                                .workers(3)
                                .progress((done, total) -> progress.add(new int[] {done, total}))
                                .build());
        assertThat(written.written()).isEqualTo(230);
        assertThat(written.complete()).isTrue();
        assertThat(progress).hasSize(10);
        assertThat(progress.get(progress.size() - 1)).containsExactly(230, 230);

        List<Key> keys = new ArrayList<>();
        for (Order o : stored) {
            keys.add(Key.of(c, o.orderId()));
        }
        List<Key> missing = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            missing.add(Key.of(c, "missing" + i));
        }
        keys.addAll(missing);
        Collections.shuffle(keys, new Random(7));
        keys.add(keys.get(0)); // asked twice, returned twice
        BatchGetResult<Order> result =
                orders.batchGet(
                        keys, BatchOptions.builder().workers(2).consistentRead(true).build());
        List<Key> expectedFound = keys.stream().filter(k -> !missing.contains(k)).toList();
        assertThat(result.items())
                .extracting(o -> Key.of(o.customerId(), o.orderId()))
                .containsExactlyElementsOf(expectedFound);
        assertThat(result.missingKeys()).containsExactlyInAnyOrderElementsOf(missing);
        assertThat(result.unprocessedKeys()).isEmpty();
        assertThat(result.items().get(0)).isIn(stored);
    }

    @Test
    void batchWrite_putsAndDeletesTogether() {
        String c = unique();
        List<Order> first = ordersOf(c, 40);
        orders.batchPut(first);
        List<Key> deletes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            deletes.add(Key.of(c, first.get(i).orderId()));
        }
        List<Order> more = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            more.add(Order.of(c, "p" + i, "PAID", i));
        }
        BatchWriteResult<Order> result = orders.batchWrite(more, deletes, BatchOptions.defaults());
        assertThat(result.written()).isEqualTo(50);
        assertThat(orders.where("customerId", "=", c).all()).hasSize(30);
        orders.batchDelete(List.of(Key.of(c, "p0"), Key.of(c, "p1")));
        assertThat(orders.where("customerId", "=", c).all()).hasSize(28);
    }

    @Test
    void batchWrite_badInput_failsBeforeSending() {
        String c = unique();
        Order o = Order.of(c, "o1", "NEW", 1);
        assertThatThrownBy(
                        () ->
                                orders.batchWrite(
                                        List.of(o),
                                        List.of(Key.of(c, "o1")),
                                        BatchOptions.defaults()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "batch write of model dev.dynamorm.it.model.Order has two operations on key {customerId='"
                                + c
                                + "', orderId='o1'} (put #0 and delete #1): DynamoDB rejects duplicate keys in one request "
                                + "and their order could not be kept: keep one");
        assertThatThrownBy(() -> orders.batchDelete(List.of(Key.of(c))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("lacks the sort key 'orderId'");
        assertThat(orders.get(c, "o1")).isEmpty();
    }

    @Test
    void batchWrite_ofVersionedModel_isRefused_unlessTheCallerOptsOut() {
        Table<Account> accounts = db.table(Account.class);
        String id = unique();
        assertThatThrownBy(() -> accounts.batchPut(List.of(Account.of(id, 1))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "model dev.dynamorm.it.model.Account has @Version field 'version': BatchWriteItem cannot "
                                + "carry the version condition, so a batch write would overwrite concurrent changes; use "
                                + "put/delete or a transaction, or opt out with BatchOptions.builder().ignoreVersioning(true)");
        assertThatThrownBy(() -> accounts.batchDelete(List.of(Key.of(id))))
                .isInstanceOf(InvalidRequestException.class);
        try (BatchWriter writer = db.batchWriter()) {
            assertThatThrownBy(() -> writer.put(Account.of(id, 1)))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageEndingWith(
                            "or opt out with BatchWriterOptions.builder().ignoreVersioning(true)");
            assertThatThrownBy(() -> writer.delete(Account.class, Key.of(id)))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageEndingWith(
                            "or opt out with BatchWriterOptions.builder().ignoreVersioning(true)");
        }
        assertThat(accounts.get(id)).isEmpty();
        accounts.batchWrite(
                List.of(Account.of(id, 1)),
                List.of(),
                BatchOptions.builder().ignoreVersioning(true).build());
        assertThat(accounts.get(id).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void batchWriter_fromManyThreads_storesEveryAcceptedWrite() throws Exception {
        String c = unique();
        Table<Customer> customers = db.table(Customer.class);
        int threads = 6;
        int perThread = 150;
        List<CompletableFuture<Void>> futures = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (BatchWriter writer =
                db.batchWriter(
                        BatchWriterOptions.builder()
                                .flushInterval(Duration.ofMillis(5))
                                .capacity(200)
                                .workers(3)
                                .build())) {
            List<Future<?>> producers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                producers.add(
                        pool.submit(
                                () -> {
                                    for (int i = 0; i < perThread; i++) {
                                        String orderId = "t" + thread + "-" + i;
                                        futures.add(writer.put(Order.of(c, orderId, "NEW", i)));
                                        if (i % 10 == 0) {
                                            futures.add(
                                                    writer.put(
                                                            new Customer(
                                                                    c + "-" + thread + "-" + i,
                                                                    "n",
                                                                    "e",
                                                                    i)));
                                        }
                                    }
                                }));
            }
            for (Future<?> p : producers) {
                p.get(2, TimeUnit.MINUTES);
            }
            writer.flush();
            assertThat(writer.pending()).isZero();
        } finally {
            pool.shutdownNow();
        }
        CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
                .get(1, TimeUnit.MINUTES);
        assertThat(orders.where("customerId", "=", c).all()).hasSize(threads * perThread);
        assertThat(customers.batchGet(List.of(Key.of(c + "-0-0"), Key.of(c + "-5-140"))).items())
                .hasSize(2);
    }

    @Test
    void batchWriter_writesToOneKey_applyInOrder() throws Exception {
        String c = unique();
        try (BatchWriter writer =
                db.batchWriter(
                        BatchWriterOptions.builder().flushInterval(Duration.ofMillis(2)).build())) {
            for (int round = 0; round < 5; round++) {
                writer.put(Order.of(c, "o1", "NEW", round));
                writer.delete(Order.of(c, "o1", "NEW", round));
                writer.put(Order.of(c, "o1", "PAID", round * 10));
            }
            writer.delete(Order.class, Key.of(c, "o2"));
            CompletableFuture<Void> last = writer.put(Order.of(c, "o2", "LAST", 1));
            last.get(1, TimeUnit.MINUTES);
        }
        assertThat(orders.get(c, "o1").orElseThrow().totalCents()).isEqualTo(40);
        assertThat(orders.get(c, "o2").orElseThrow().status()).isEqualTo("LAST");
    }

    @Test
    void batchWriter_fullBuffer_blocksProducers_untilRoomIsFree() throws Exception {
        String c = unique();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (BatchWriter writer =
                db.batchWriter(
                        BatchWriterOptions.builder()
                                .capacity(1)
                                .flushInterval(Duration.ofMinutes(5))
                                .build())) {
            CompletableFuture<Void> first = writer.put(Order.of(c, "o1", "NEW", 1));
            Future<CompletableFuture<Void>> second =
                    pool.submit(() -> writer.put(Order.of(c, "o2", "NEW", 2)));
            assertThatThrownBy(() -> second.get(300, TimeUnit.MILLISECONDS))
                    .isInstanceOf(TimeoutException.class);
            assertThat(first).isNotDone();
            writer.flush();
            assertThat(first).isCompleted();
            CompletableFuture<Void> accepted = second.get(1, TimeUnit.MINUTES);
            writer.flush();
            assertThat(accepted).isCompleted();
        } finally {
            pool.shutdownNow();
        }
        assertThat(orders.where("customerId", "=", c).all()).hasSize(2);
    }

    @Test
    void batchWriter_closed_refusesWrites() {
        BatchWriter writer = db.batchWriter();
        writer.close();
        writer.close();
        assertThatThrownBy(() -> writer.put(Order.of(unique(), "o1", "NEW", 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("this batch writer is closed: create a new one with db.batchWriter()");
    }
}
