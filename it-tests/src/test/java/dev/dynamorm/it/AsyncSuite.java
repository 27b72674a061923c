package dev.dynamorm.it;

import static dev.dynamorm.Condition.when;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.AsyncDynamORM;
import dev.dynamorm.AsyncTable;
import dev.dynamorm.BatchGetResult;
import dev.dynamorm.BatchOptions;
import dev.dynamorm.BatchWriteResult;
import dev.dynamorm.ConditionFailedException;
import dev.dynamorm.DynamORM;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.ItemAlreadyExistsException;
import dev.dynamorm.ItemNotFoundException;
import dev.dynamorm.Key;
import dev.dynamorm.OptimisticLockException;
import dev.dynamorm.Page;
import dev.dynamorm.QueryRequiresScanException;
import dev.dynamorm.ReturnValue;
import dev.dynamorm.Table;
import dev.dynamorm.TransactionCanceledException;
import dev.dynamorm.TransactionReadResult;
import dev.dynamorm.TransactionResult;
import dev.dynamorm.WriteOptions;
import dev.dynamorm.WriteResult;
import dev.dynamorm.it.model.Account;
import dev.dynamorm.it.model.Memo;
import dev.dynamorm.it.model.Order;
import dev.dynamorm.test.BackendContext;
import dev.dynamorm.test.DynamoBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The ORM basics through the async view ({@code table.async()}) over the netty client and the
 * backend's HTTP endpoint: CRUD, conditional writes that fail, the update builder, version
 * conflicts, query and scan pagination. Run on every backend by the subclasses.
 */
@DynamoBackend(models = {Order.class, Account.class, Memo.class})
abstract class AsyncSuite {

    // one event loop for the class: a Netty client that owns its loop waits Netty's 2 s quiet
    // period when it closes, which each test paid
    private static SdkEventLoopGroup loop;

    private DynamoDbAsyncClient client;
    private DynamORM db;
    private Table<Order> syncOrders;
    private AsyncTable<Order> orders;
    private AsyncTable<Account> accounts;
    private AsyncDynamORM async;
    private BackendContext backend;

    @BeforeAll
    static void startLoop() {
        loop = SdkEventLoopGroup.builder().numberOfThreads(2).build();
    }

    @AfterAll
    static void stopLoop() {
        loop.eventLoopGroup().shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @BeforeEach
    void setUp(DynamoDbClient raw, BackendContext backend) {
        client = BackendAsyncClients.builder(backend, loop).build();
        db =
                DynamORM.builder()
                        .client(raw)
                        .asyncClient(client)
                        .tableNamePrefix(backend.tableNamePrefix())
                        .build();
        syncOrders = db.table(Order.class);
        orders = syncOrders.async();
        accounts = db.table(Account.class).async();
        async = db.async();
        this.backend = backend;
    }

    @AfterEach
    void tearDown() {
        db.close();
        client.close();
    }

    private static String unique() {
        return UUID.randomUUID().toString();
    }

    /** What the future failed with, as a callback on it sees it (no CompletionException). */
    private static Throwable failureOf(CompletableFuture<?> future) {
        return future.handle((r, t) -> t).orTimeout(30, TimeUnit.SECONDS).join();
    }

    private static <T> T await(CompletableFuture<T> future) {
        return future.orTimeout(30, TimeUnit.SECONDS).join();
    }

    /** Collects a publisher, requesting one element at a time. */
    private static <E> List<E> collect(Flow.Publisher<E> publisher) {
        CompletableFuture<List<E>> done = new CompletableFuture<>();
        List<E> out = new CopyOnWriteArrayList<>();
        publisher.subscribe(
                new Flow.Subscriber<E>() {
                    private Flow.Subscription subscription;

                    @Override
                    public void onSubscribe(Flow.Subscription s) {
                        subscription = s;
                        s.request(1);
                    }

                    @Override
                    public void onNext(E item) {
                        out.add(item);
                        subscription.request(1);
                    }

                    @Override
                    public void onError(Throwable t) {
                        done.completeExceptionally(t);
                    }

                    @Override
                    public void onComplete() {
                        done.complete(List.copyOf(out));
                    }
                });
        return await(done);
    }

    @Test
    void crud_roundTripsThroughTheAsyncView() {
        String c = unique();
        Order order = Order.of(c, "o1", "NEW", 1250).withNote("fragile");
        await(orders.create(order));
        assertThat(await(orders.get(c, "o1"))).contains(order);
        assertThat(syncOrders.get(c, "o1")).contains(order);

        await(orders.put(order.withStatus("PAID")));
        assertThat(await(orders.get(c, "o1"))).contains(order.withStatus("PAID"));

        await(orders.delete(order));
        assertThat(await(orders.get(c, "o1"))).isEmpty();
        assertThat(syncOrders.get(c, "o1")).isEmpty();
    }

    @Test
    void create_ofExistingKey_failsTheFutureWithItemAlreadyExists() {
        String c = unique();
        Order stored = Order.of(c, "o1", "NEW", 100);
        await(orders.create(stored));
        Throwable failure = failureOf(orders.create(stored.withStatus("PAID")));
        assertThat(failure)
                .isExactlyInstanceOf(ItemAlreadyExistsException.class)
                .hasMessage(
                        "an item with key {customerId='"
                                + c
                                + "', orderId='o1'} already exists in table '"
                                + syncOrders.tableName()
                                + "' (model "
                                + Order.class.getName()
                                + ")");
        assertThat(((ItemAlreadyExistsException) failure).storedModel(Order.class))
                .contains(stored);
        assertThat(await(orders.get(c, "o1"))).contains(stored);
    }

    @Test
    void put_withFailingCondition_failsWithConditionFailedAndKeepsTheItem() {
        String c = unique();
        Order stored = Order.of(c, "o1", "NEW", 100);
        await(orders.put(stored));
        Throwable failure =
                failureOf(
                        orders.put(
                                stored.withStatus("PAID"),
                                WriteOptions.when(when("status", "=", "SHIPPED"))));
        assertThat(failure).isInstanceOf(ConditionFailedException.class);
        assertThat(failure).isNotInstanceOf(ItemAlreadyExistsException.class);
        assertThat(((ConditionFailedException) failure).storedModel(Order.class)).contains(stored);
        assertThat(await(orders.get(c, "o1"))).contains(stored);
    }

    @Test
    void updateBuilder_setsAddsAndRemoves_andReturnsTheStoredItem() {
        String c = unique();
        Order stored = Order.of(c, "o1", "NEW", 100).withNote("note");
        await(orders.create(stored));
        WriteResult<Order> updated =
                await(
                        orders.update(
                                stored,
                                u ->
                                        u.set("status", "SHIPPED")
                                                .add("totalCents", 50)
                                                .remove("note")
                                                .returnValue(ReturnValue.ALL_NEW)));
        Order expected = Order.of(c, "o1", "SHIPPED", 150).withNote(null);
        assertThat(updated.item()).contains(expected);
        assertThat(syncOrders.get(c, "o1")).contains(expected);

        Throwable missing =
                failureOf(
                        orders.update(Order.of(c, "nope", "NEW", 1), u -> u.set("status", "PAID")));
        assertThat(missing)
                .isExactlyInstanceOf(ItemNotFoundException.class)
                .hasMessageStartingWith(
                        "no item with key {customerId='" + c + "', orderId='nope'}");
    }

    @Test
    void versionedWrites_detectConflicts() {
        String id = unique();
        await(accounts.create(Account.of(id, 10)));
        Account first = await(accounts.get(id)).orElseThrow();
        assertThat(first.version()).isEqualTo(1);
        await(accounts.put(first.withBalance(20)));
        Throwable stale = failureOf(accounts.put(first.withBalance(30)));
        assertThat(stale)
                .isExactlyInstanceOf(OptimisticLockException.class)
                .hasMessageStartingWith("version conflict on key {id='" + id + "'}");
        Account second = await(accounts.get(id)).orElseThrow();
        assertThat(second.balance()).isEqualTo(20);
        assertThat(second.version()).isEqualTo(2);
        assertThat(failureOf(accounts.delete(first))).isInstanceOf(OptimisticLockException.class);
        await(accounts.delete(second));
        assertThat(await(accounts.get(id))).isEmpty();
    }

    @Test
    void queryAndScan_paginateLikeTheSyncApi() {
        String c = unique();
        List<Order> all = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            Order o =
                    Order.of(
                            c,
                            String.format(Locale.ROOT, "o%02d", i),
                            i % 3 == 0 ? "PAID" : "NEW",
                            i);
            syncOrders.create(o);
            all.add(o);
        }
        assertThat(await(orders.all(orders.where("customerId", "=", c)))).isEqualTo(all);
        assertThat(await(orders.first(orders.where("customerId", "=", c)))).contains(all.get(0));

        Page<Order> first = await(orders.page(orders.where("customerId", "=", c).limit(20)));
        assertThat(first.items()).isEqualTo(all.subList(0, 20));
        Page<Order> second =
                syncOrders.where("customerId", "=", c).limit(20).after(first.cursor()).page();
        assertThat(second.items()).isEqualTo(all.subList(20, 40));

        List<Page<Order>> pages =
                collect(orders.pages(orders.where("customerId", "=", c).limit(20)));
        assertThat(pages).extracting(p -> p.items().size()).containsExactly(20, 20, 5);
        assertThat(pages.get(0).cursor()).isNotNull();
        assertThat(pages.get(2).cursor()).isNull();
        assertThat(pages.stream().flatMap(p -> p.items().stream()).toList()).isEqualTo(all);

        List<Order> paid = all.stream().filter(o -> o.status().equals("PAID")).limit(10).toList();
        assertThat(
                        collect(
                                orders.items(
                                        orders.where("customerId", "=", c)
                                                .filter("status", "=", "PAID")
                                                .limit(10))))
                .isEqualTo(paid);
        assertThat(collect(orders.scanItems(orders.query().filter("customerId", "=", c))))
                .containsExactlyInAnyOrderElementsOf(all);
        assertThat(collect(orders.scanPages(orders.query().filter("customerId", "=", c).limit(20))))
                .extracting(p -> p.items().size())
                .containsExactly(20, 20, 5);

        assertThat(failureOf(orders.all(orders.where("note", "=", "x"))))
                .isExactlyInstanceOf(QueryRequiresScanException.class);
    }

    private static List<Order> orders(String customer, int n) {
        List<Order> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Order.of(customer, String.format(Locale.ROOT, "o%03d", i), "NEW", i));
        }
        return out;
    }

    @Test
    void batches_putGetAndDelete_likeTheSyncApi() {
        String c = unique();
        List<Order> all = orders(c, 130); // 6 chunks of writes, 2 of reads
        AtomicInteger progressed = new AtomicInteger();
        BatchWriteResult<Order> written =
                await(
                        orders.batchWrite(
                                all,
                                List.of(),
                                BatchOptions.builder()
                                        .workers(3)
                                        .progress((done, total) -> progressed.set(done))
                                        .build()));
        assertThat(written.complete()).isTrue();
        assertThat(written.written()).isEqualTo(130);
        assertThat(progressed).hasValue(130);
        assertThat(syncOrders.where("customerId", "=", c).all()).isEqualTo(all);

        List<Key> keys = new ArrayList<>();
        for (Order o : all) {
            keys.add(Key.of(o.customerId(), o.orderId()));
        }
        keys.add(Key.of(c, "missing"));
        keys.add(Key.of(c, "o000")); // read once, returned twice
        BatchGetResult<Order> read = await(orders.batchGet(keys));
        List<Order> expected = new ArrayList<>(all);
        expected.add(all.get(0));
        assertThat(read.items()).isEqualTo(expected);
        assertThat(read.missingKeys()).containsExactly(Key.of(c, "missing"));

        await(orders.batchDelete(keys.subList(0, 100)));
        assertThat(await(orders.batchGet(keys.subList(0, 130))).items())
                .isEqualTo(all.subList(100, 130));
        await(orders.batchPut(List.of(all.get(0).withStatus("PAID"))));
        assertThat(syncOrders.get(c, "o000")).contains(all.get(0).withStatus("PAID"));
    }

    @Test
    void batches_badInput_failTheFuture_beforeAnythingIsSent() {
        String c = unique();
        Order o = Order.of(c, "o1", "NEW", 1);
        Throwable duplicate = failureOf(orders.batchPut(List.of(o, o.withStatus("PAID"))));
        assertThat(duplicate)
                .isExactlyInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "batch write of model "
                                + Order.class.getName()
                                + " has two operations on key {customerId='"
                                + c
                                + "', orderId='o1'} (put #0 and put #1): DynamoDB rejects"
                                + " duplicate keys in one request and their order could not be"
                                + " kept: keep one");
        assertThat(failureOf(orders.batchGet(null)))
                .isExactlyInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "batch get of model "
                                + Order.class.getName()
                                + " needs a collection of keys, got null");
        assertThat(syncOrders.get(c, "o1")).isEmpty();
    }

    private void assumeTransactions() {
        Assumptions.assumeTrue(
                backend.supportsTransactions(), "the backend has no TransactWriteItems");
    }

    @Test
    void transaction_writesAtomically_andReadTransactionReadsBack() {
        assumeTransactions();
        String c = unique();
        String id = unique();
        await(accounts.create(Account.of(id, 10)));
        Account account = await(accounts.get(id)).orElseThrow();
        Order order = Order.of(c, "o1", "NEW", 5);
        TransactionResult result =
                await(
                        async.transaction(
                                tx -> tx.create(order).update(account, u -> u.add("balance", -5))));
        assertThat(result.clientRequestToken()).isNotBlank();
        assertThat(syncOrders.get(c, "o1")).contains(order);
        assertThat(db.table(Account.class).get(id).orElseThrow().balance()).isEqualTo(5);

        TransactionReadResult read =
                await(
                        async.readTransaction(
                                tx ->
                                        tx.get(Order.class, Key.of(c, "o1"))
                                                .get(Account.class, Key.of(id))
                                                .get(Order.class, Key.of(c, "none"))));
        assertThat(read.get(0, Order.class)).contains(order);
        assertThat(read.get(1, Account.class).map(Account::balance)).contains(5L);
        assertThat(read.get(2, Order.class)).isEmpty();
    }

    @Test
    void transaction_cancelled_failsTheFutureWithTheReasons_andAppliesNothing() {
        assumeTransactions();
        String c = unique();
        Order stored = Order.of(c, "o1", "NEW", 1);
        await(orders.create(stored));
        Throwable failure =
                failureOf(
                        async.transaction(
                                tx ->
                                        tx.put(Order.of(c, "o2", "NEW", 2))
                                                .create(stored.withStatus("PAID"))));
        assertThat(failure).isExactlyInstanceOf(TransactionCanceledException.class);
        TransactionCanceledException e = (TransactionCanceledException) failure;
        assertThat(e.reasons())
                .extracting(TransactionCanceledException.Reason::code)
                .containsExactly(
                        TransactionCanceledException.Code.NONE,
                        TransactionCanceledException.Code.ITEM_ALREADY_EXISTS);
        assertThat(syncOrders.get(c, "o2")).isEmpty();
        assertThat(syncOrders.get(c, "o1")).contains(stored);

        Throwable invalid =
                failureOf(
                        async.transaction(
                                tx -> tx.put(Order.of(c, "o3", "NEW", 3)).put(stored).put(stored)));
        assertThat(invalid)
                .isExactlyInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("a transaction may touch each item once");
        assertThat(syncOrders.get(c, "o3")).isEmpty();
    }

    @Test
    void put_ofAnInstanceWithoutCreatedAt_keepsTheStoredOne() {
        AsyncTable<Memo> memos = db.table(Memo.class).async();
        String id = unique();
        await(memos.create(Memo.of(id, "first")));
        Memo created = db.table(Memo.class).get(id).orElseThrow();
        assertThat(created.createdAt()).isNotNull();

        await(memos.put(Memo.of(id, "second")));
        Memo replaced = await(memos.get(id)).orElseThrow();
        assertThat(replaced.text()).isEqualTo("second");
        assertThat(replaced.createdAt()).isEqualTo(created.createdAt());

        String fresh = unique();
        await(memos.put(Memo.of(fresh, "new")));
        assertThat(await(memos.get(fresh)).map(Memo::createdAt)).isNotEqualTo(Optional.empty());

        if (backend.supportsTransactions()) {
            await(async.transaction(tx -> tx.put(Memo.of(id, "third"))));
            Memo third = await(memos.get(id)).orElseThrow();
            assertThat(third.text()).isEqualTo("third");
            assertThat(third.createdAt()).isEqualTo(created.createdAt());
        }
    }

    @Test
    void countAndParallelScan_readLikeTheSyncApi() {
        String c = unique();
        List<Order> all = orders(c, 35);
        syncOrders.batchPut(all);
        assertThat(await(orders.count(orders.where("customerId", "=", c)))).isEqualTo(35L);
        assertThat(await(orders.count(orders.where("customerId", "=", c).limit(10))))
                .isEqualTo(10L);
        assertThat(
                        await(
                                orders.count(
                                        orders.where("customerId", "=", c)
                                                .filter("totalCents", "<", 5))))
                .isEqualTo(
                        syncOrders
                                .where("customerId", "=", c)
                                .filter("totalCents", "<", 5)
                                .count());
        assertThat(await(orders.parallelScan(orders.query().filter("customerId", "=", c), 3)))
                .containsExactlyInAnyOrderElementsOf(all);
        assertThat(failureOf(orders.parallelScan(orders.query(), 1001)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("parallelScan needs 1 to 1000 segments, got 1001");
    }
}
