package dev.dynamorm.engine.internal.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.AsyncTable;
import dev.dynamorm.DynamORM;
import dev.dynamorm.Hook;
import dev.dynamorm.HookContext;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.ItemAlreadyExistsException;
import dev.dynamorm.ItemContext;
import dev.dynamorm.ItemNotFoundException;
import dev.dynamorm.OptimisticLockException;
import dev.dynamorm.Outcome;
import dev.dynamorm.Plugin;
import dev.dynamorm.Table;
import dev.dynamorm.ThrottledException;
import dev.dynamorm.WriteResult;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import dev.dynamorm.annotations.Version;
import dev.dynamorm.local.FaultInjection;
import dev.dynamorm.local.LocalDynamoDb;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.SdkAdvancedAsyncClientOption;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The async view over the real netty client and dynamorm-local over HTTP. The SDK is told to
 * complete its futures on the netty event loop itself, so any continuation DynamORM failed to move
 * off it would run there.
 */
final class AsyncTableTest {

    private static LocalDynamoDb local;
    // the client's event loop, owned here: a Netty client that owns its loop waits Netty's 2 s
    // quiet period when it closes
    private static SdkEventLoopGroup loop;
    private static DynamoDbAsyncClient async;
    private static ExecutorService app;

    @DynamoTable("async_orders")
    record Order(
            @PartitionKey String customerId,
            @SortKey String orderId,
            String status,
            long totalCents,
            @Version long version) {}

    /** Records the thread of every hook phase. */
    static final class ThreadsPlugin implements Plugin {
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final AtomicInteger attempts = new AtomicInteger();

        @Override
        public String name() {
            return "threads";
        }

        @Override
        public List<Hook> hooks() {
            return List.of(
                    new Hook() {
                        @Override
                        public void before(HookContext context) {
                            threads.add("before:" + Thread.currentThread().getName());
                        }

                        @Override
                        public void after(HookContext context, Outcome outcome) {
                            attempts.addAndGet(outcome.attempts());
                            threads.add("after:" + Thread.currentThread().getName());
                        }

                        @Override
                        public Map<String, AttributeValue> afterRead(
                                ItemContext context, Map<String, AttributeValue> item) {
                            threads.add("afterRead:" + Thread.currentThread().getName());
                            return item;
                        }
                    });
        }
    }

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
        loop = SdkEventLoopGroup.builder().build();
        async =
                LocalAsyncClients.builder(local, loop)
                        // complete the SDK's futures on the event loop itself: the worst case
                        .asyncConfiguration(
                                c ->
                                        c.advancedOption(
                                                SdkAdvancedAsyncClientOption
                                                        .FUTURE_COMPLETION_EXECUTOR,
                                                Runnable::run))
                        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                        .build();
        app =
                Executors.newFixedThreadPool(
                        2,
                        r -> {
                            Thread t = new Thread(r, "app-async");
                            t.setDaemon(true);
                            return t;
                        });
        try (DynamORM db = DynamORM.builder().client(local.client()).build()) {
            db.table(Order.class).createTable();
        }
    }

    @AfterAll
    static void stop() {
        async.close();
        loop.eventLoopGroup().shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        app.shutdownNow();
        local.close();
    }

    @AfterEach
    void noFaults() {
        local.faults(FaultInjection.none());
    }

    private static DynamORM db(Plugin... plugins) {
        DynamORM.Builder b =
                DynamORM.builder()
                        .client(local.client())
                        .asyncClient(async)
                        .asyncExecutor(app)
                        .discoverPlugins(false);
        for (Plugin p : plugins) {
            b.plugin(p);
        }
        return b.build();
    }

    private static String unique() {
        return java.util.UUID.randomUUID().toString();
    }

    /** The failure a future completed with, as whenComplete sees it. */
    private static Throwable failureOf(CompletableFuture<?> future) {
        return future.handle((r, t) -> t).orTimeout(10, TimeUnit.SECONDS).join();
    }

    @Test
    void sdkFutures_completeOnTheEventLoop_inThisSetup() {
        // a stage attached to a future that is already complete runs on the attaching thread: on
        // a loaded machine the answer can win that race, so only a stage that ran elsewhere says
        // where the SDK completes its futures
        String caller = Thread.currentThread().getName();
        String completedOn = null;
        for (int attempt = 0; attempt < 20 && completedOn == null; attempt++) {
            String thread =
                    async.listTables(b -> b.limit(1))
                            .thenApply(r -> Thread.currentThread().getName())
                            .join();
            if (!thread.equals(caller)) {
                completedOn = thread;
            }
        }
        assertThat(completedOn).isNotNull().containsIgnoringCase("eventloop");
    }

    @Test
    void hooksAndConversion_runOnTheConfiguredExecutor_neverOnTheEventLoop() {
        ThreadsPlugin threads = new ThreadsPlugin();
        try (DynamORM db = db(threads)) {
            AsyncTable<Order> orders = db.table(Order.class).async();
            String c = unique();
            Order order = new Order(c, "o1", "NEW", 100, 0);
            // the whole chain is attached before the first request starts: a stage attached to an
            // already completed future would run on the attaching thread (main), not the executor
            java.util.concurrent.CompletableFuture<Void> start =
                    new java.util.concurrent.CompletableFuture<>();
            java.util.concurrent.CompletableFuture<String> chain =
                    start.thenCompose(v -> orders.create(order))
                            .thenCompose(r -> orders.get(c, "o1"))
                            .thenApply(o -> Thread.currentThread().getName());
            start.complete(null);
            String completedOn = chain.join();
            assertThat(completedOn).isEqualTo("app-async");
            assertThat(threads.threads)
                    .isNotEmpty()
                    .noneMatch(t -> t.toLowerCase(java.util.Locale.ROOT).contains("eventloop"))
                    .contains("after:app-async", "afterRead:app-async");
        }
    }

    @Test
    void crud_roundTrips_withTheSyncSemantics() {
        try (DynamORM db = db()) {
            AsyncTable<Order> orders = db.table(Order.class).async();
            Table<Order> sync = db.table(Order.class);
            String c = unique();
            WriteResult<Order> created = orders.create(new Order(c, "o1", "NEW", 100, 0)).join();
            assertThat(created.item()).isEmpty();
            assertThat(sync.get(c, "o1")).contains(new Order(c, "o1", "NEW", 100, 1));
            Order read = orders.get(c, "o1").join().orElseThrow();
            assertThat(read.version()).isEqualTo(1);

            orders.put(new Order(c, "o1", "PAID", 150, 1)).join();
            assertThat(orders.get(c, "o1").join()).contains(new Order(c, "o1", "PAID", 150, 2));

            WriteResult<Order> updated =
                    orders.update(
                                    new Order(c, "o1", null, 0, 2),
                                    u ->
                                            u.set("status", "SHIPPED")
                                                    .add("totalCents", 5)
                                                    .returnValue(dev.dynamorm.ReturnValue.ALL_NEW))
                            .join();
            assertThat(updated.item()).contains(new Order(c, "o1", "SHIPPED", 155, 3));

            orders.delete(new Order(c, "o1", "SHIPPED", 155, 3)).join();
            assertThat(orders.get(c, "o1").join()).isEmpty();
            assertThat(orders.get(dev.dynamorm.Key.of(c, "o1")).join()).isEmpty();
        }
    }

    @Test
    void fieldUpdates_keyDeletes_andIdempotentWrites_workAsInTheSyncApi() {
        try (DynamORM db = db()) {
            AsyncTable<Order> orders = db.table(Order.class).async();
            String c = unique();
            orders.create(
                            new Order(c, "o1", "NEW", 100, 0),
                            dev.dynamorm.WriteOptions.idempotently())
                    .join();
            assertThat(orders.get(c, "o1").join()).contains(new Order(c, "o1", "NEW", 100, 1));
            orders.update(
                            new Order(c, "o1", "PAID", 999, 1),
                            dev.dynamorm.WriteOptions.defaults(),
                            "status")
                    .join();
            assertThat(orders.get(c, "o1").join()).contains(new Order(c, "o1", "PAID", 100, 2));
            assertThat(
                            failureOf(
                                    orders.put(
                                            new Order(c, "o1", "X", 1, 2),
                                            dev.dynamorm.WriteOptions.builder()
                                                    .idempotent(true)
                                                    .returnValue(dev.dynamorm.ReturnValue.ALL_OLD)
                                                    .build())))
                    .isExactlyInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("an idempotent write is sent as TransactWriteItems");
            orders.delete(dev.dynamorm.Key.of(c, "o1"), dev.dynamorm.WriteOptions.defaults())
                    .join();
            assertThat(orders.get(c, "o1").join()).isEmpty();
            assertThat(orders.table()).isSameAs(db.table(Order.class));
        }
    }

    @Test
    void failures_completeTheFutureWithTheSyncException_itself() {
        try (DynamORM db = db()) {
            AsyncTable<Order> orders = db.table(Order.class).async();
            String c = unique();
            orders.create(new Order(c, "o1", "NEW", 100, 0)).join();

            CompletableFuture<WriteResult<Order>> again =
                    orders.create(new Order(c, "o1", "NEW", 100, 0));
            assertThat(failureOf(again))
                    .isExactlyInstanceOf(ItemAlreadyExistsException.class)
                    .hasMessage(
                            "an item with key {customerId='"
                                    + c
                                    + "', orderId='o1'} already exists in table 'async_orders'"
                                    + " (model "
                                    + Order.class.getName()
                                    + ")");
            // join() adds CompletionException, as it always does
            assertThatThrownBy(again::join)
                    .isInstanceOf(CompletionException.class)
                    .cause()
                    .isInstanceOf(ItemAlreadyExistsException.class);

            Throwable stale = failureOf(orders.put(new Order(c, "o1", "PAID", 1, 7)));
            assertThat(stale).isInstanceOf(OptimisticLockException.class);

            Throwable missing =
                    failureOf(
                            orders.update(
                                    new Order(c, "nope", null, 0, 0), u -> u.set("status", "X")));
            assertThat(missing)
                    .isInstanceOf(ItemNotFoundException.class)
                    .hasMessageContaining("no item with key");
        }
    }

    @Test
    void badInput_failsTheFuture_beforeAnythingIsSent() {
        ThreadsPlugin threads = new ThreadsPlugin();
        try (DynamORM db = db(threads)) {
            AsyncTable<Order> orders = db.table(Order.class).async();
            assertThat(failureOf(orders.get("only-pk")))
                    .isExactlyInstanceOf(InvalidRequestException.class)
                    .hasMessage(
                            "model "
                                    + Order.class.getName()
                                    + " has sort key 'orderId': call get(partitionKey, sortKey)");
            assertThat(
                            failureOf(
                                    orders.update(
                                            new Order("c", "o", null, 0, 0),
                                            u -> u.set("nope", 1))))
                    .hasMessageContaining("nope");
            assertThat(threads.threads).isEmpty();
        }
    }

    @Test
    void throttling_isRetriedWithTheRetryPolicy_withoutBlockingTheCaller() {
        AtomicInteger delays = new AtomicInteger();
        ThreadsPlugin threads = new ThreadsPlugin();
        try (DynamORM db =
                DynamORM.builder()
                        .client(local.client())
                        .asyncClient(async)
                        .asyncExecutor(app)
                        .discoverPlugins(false)
                        .plugin(threads)
                        .retryPolicy(
                                (attempts, elapsed, failure) -> {
                                    delays.incrementAndGet();
                                    return attempts < 3
                                            ? Optional.of(Duration.ofMillis(300))
                                            : Optional.empty();
                                })
                        .build()) {
            AsyncTable<Order> orders = db.table(Order.class).async();
            assertThat(orders.get("c", "o").join()).isEmpty(); // warm up: one attempt
            threads.attempts.set(0);
            delays.set(0);
            local.faults(FaultInjection.builder().throttleRate(1.0).build());
            long start = System.nanoTime();
            CompletableFuture<Optional<Order>> read = orders.get("c", "o");
            // the caller got its future back before the first retry's delay ran out
            assertThat(read).isNotDone();
            assertThat(failureOf(read)).isInstanceOf(ThrottledException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(600));
            assertThat(delays).hasValue(3);
            assertThat(threads.attempts).hasValue(3);
        }
    }

    @Test
    void asyncOnlyInstance_refusesSyncCalls_clearly() {
        try (DynamORM db = DynamORM.builder().asyncClient(async).discoverPlugins(false).build()) {
            Table<Order> orders = db.table(Order.class);
            String c = unique();
            orders.async().create(new Order(c, "o1", "NEW", 1, 0)).join();
            assertThat(orders.async().get(c, "o1").join()).isPresent();
            assertThatThrownBy(() -> orders.get(c, "o1"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage(AsyncEngine.ASYNC_ONLY + " (called getItem)");
            assertThatThrownBy(db::client)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith(
                            "this DynamORM instance was built with only an async client");
        }
    }

    @Test
    void async_withoutAnAsyncClient_failsClearly() {
        try (DynamORM db = DynamORM.builder().client(local.client()).build()) {
            assertThatThrownBy(() -> db.table(Order.class).async())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage(
                            "table.async() needs an async client: build DynamORM with"
                                    + " DynamORM.builder().asyncClient(DynamoDbAsyncClient)");
        }
    }

    @Test
    void closedInstance_failsTheFuture() {
        DynamORM db = db();
        AsyncTable<Order> orders = db.table(Order.class).async();
        db.close();
        assertThat(failureOf(orders.get("c", "o")))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("this DynamORM instance is closed");
    }

    /** Collects a publisher, requesting one element at a time. */
    static <E> CompletableFuture<List<E>> collect(Flow.Publisher<E> publisher) {
        CompletableFuture<List<E>> done = new CompletableFuture<>();
        List<E> out = new java.util.concurrent.CopyOnWriteArrayList<>();
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
        return done.orTimeout(20, TimeUnit.SECONDS);
    }

    private static List<Order> seed(Table<Order> orders, String c, int n) {
        List<Order> all = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            Order o =
                    new Order(
                            c,
                            String.format(java.util.Locale.ROOT, "o%02d", i),
                            i % 2 == 0 ? "EVEN" : "ODD",
                            i,
                            0);
            orders.create(o);
            all.add(new Order(o.customerId(), o.orderId(), o.status(), o.totalCents(), 1));
        }
        return all;
    }

    @Test
    void queries_readTheSameItemsAsTheSyncApi() {
        try (DynamORM db = db()) {
            Table<Order> sync = db.table(Order.class);
            AsyncTable<Order> orders = sync.async();
            String c = unique();
            List<Order> all = seed(sync, c, 25);
            assertThat(orders.all(orders.where("customerId", "=", c)).join()).isEqualTo(all);
            assertThat(orders.first(orders.where("customerId", "=", c)).join())
                    .contains(all.get(0));
            assertThat(
                            orders.first(
                                            orders.where("customerId", "=", c)
                                                    .where("orderId", "=", "o03"))
                                    .join())
                    .contains(all.get(3));
            dev.dynamorm.Page<Order> first =
                    orders.page(orders.where("customerId", "=", c).limit(10)).join();
            assertThat(first.items()).isEqualTo(all.subList(0, 10));
            assertThat(first.cursor()).isNotNull();
            dev.dynamorm.Page<Order> second =
                    orders.page(orders.where("customerId", "=", c).limit(10).after(first.cursor()))
                            .join();
            assertThat(second.items()).isEqualTo(all.subList(10, 20));
            // a sync page continues an async cursor and the other way round
            assertThat(
                            sync.where("customerId", "=", c)
                                    .limit(10)
                                    .after(first.cursor())
                                    .page()
                                    .items())
                    .isEqualTo(second.items());

            List<dev.dynamorm.Page<Order>> pages =
                    collect(orders.pages(orders.where("customerId", "=", c).limit(10))).join();
            assertThat(pages).extracting(p -> p.items().size()).containsExactly(10, 10, 5);
            assertThat(pages.get(2).cursor()).isNull();
            assertThat(pages.stream().flatMap(p -> p.items().stream()).toList()).isEqualTo(all);

            assertThat(collect(orders.items(orders.where("customerId", "=", c))).join())
                    .isEqualTo(all);
            assertThat(collect(orders.items(orders.where("customerId", "=", c).limit(7))).join())
                    .isEqualTo(all.subList(0, 7));
            assertThat(
                            collect(
                                            orders.items(
                                                    orders.where("customerId", "=", c)
                                                            .filter("status", "=", "EVEN")
                                                            .limit(5)))
                                    .join())
                    .isEqualTo(
                            all.stream().filter(o -> o.status().equals("EVEN")).limit(5).toList());
            List<Order> scanned =
                    collect(orders.scanItems(orders.query().filter("customerId", "=", c))).join();
            assertThat(scanned).containsExactlyInAnyOrderElementsOf(all);
            assertThat(
                            collect(
                                            orders.scanPages(
                                                    orders.query()
                                                            .filter("customerId", "=", c)
                                                            .limit(10)))
                                    .join())
                    .extracting(p -> p.items().size())
                    .containsExactly(10, 10, 5);
        }
    }

    @Test
    void publishers_readOnlyWhatIsRequested_andReportFailures() throws Exception {
        ThreadsPlugin threads = new ThreadsPlugin();
        try (DynamORM db = db(threads)) {
            Table<Order> sync = db.table(Order.class);
            AsyncTable<Order> orders = sync.async();
            String c = unique();
            seed(sync, c, 30);
            threads.attempts.set(0);
            Flow.Publisher<dev.dynamorm.Page<Order>> pages =
                    orders.pages(orders.where("customerId", "=", c).limit(10));
            assertThat(threads.attempts).hasValue(0); // cold: nothing sent before subscribing
            CompletableFuture<dev.dynamorm.Page<Order>> one = new CompletableFuture<>();
            pages.subscribe(
                    new Flow.Subscriber<dev.dynamorm.Page<Order>>() {
                        @Override
                        public void onSubscribe(Flow.Subscription s) {
                            s.request(1);
                        }

                        @Override
                        public void onNext(dev.dynamorm.Page<Order> page) {
                            one.complete(page);
                        }

                        @Override
                        public void onError(Throwable t) {
                            one.completeExceptionally(t);
                        }

                        @Override
                        public void onComplete() {}
                    });
            assertThat(one.get(10, TimeUnit.SECONDS).items()).hasSize(10);
            Thread.sleep(200); // a publisher reading ahead would send more by now
            assertThat(threads.attempts).hasValue(1);

            Throwable failure =
                    failureOf(collect(orders.items(orders.where("status", "=", "EVEN"))));
            assertThat(failure)
                    .isExactlyInstanceOf(dev.dynamorm.QueryRequiresScanException.class)
                    .hasMessageContaining("status");
        }
    }
}
