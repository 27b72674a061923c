package dev.dynamorm.engine.internal.async;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.AsyncBatchWriter;
import dev.dynamorm.AsyncTable;
import dev.dynamorm.BatchWriteIncompleteException;
import dev.dynamorm.BatchWriterOptions;
import dev.dynamorm.DynamORM;
import dev.dynamorm.Hook;
import dev.dynamorm.HookContext;
import dev.dynamorm.ItemContext;
import dev.dynamorm.Key;
import dev.dynamorm.Outcome;
import dev.dynamorm.Plugin;
import dev.dynamorm.Query;
import dev.dynamorm.ThrottledException;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import dev.dynamorm.local.FaultInjection;
import dev.dynamorm.local.LocalDynamoDb;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * Where the async view runs hooks, conversion and the completion of its futures when no executor is
 * configured (on the thread that completed the SDK's future, unless that is the event loop) and
 * when one is (always there). Over the real netty client and dynamorm-local over HTTP, with one
 * client completing its futures on the SDK's own completion executor (the SDK's default) and one on
 * the netty event loop itself.
 */
final class AsyncContinuationsTest {

    private static LocalDynamoDb local;
    private static SdkEventLoopGroup loop;
    private static DynamoDbAsyncClient sdkDefault;
    private static DynamoDbAsyncClient onEventLoop;
    private static ExecutorService app;

    @DynamoTable("async_continuations")
    record Order(@PartitionKey String customerId, @SortKey String orderId, String status) {}

    /** Records the thread of every hook phase that runs after the answer. */
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
                        public void before(HookContext context) {}

                        @Override
                        public void after(HookContext context, Outcome outcome) {
                            attempts.addAndGet(outcome.attempts());
                            threads.add(Thread.currentThread().getName());
                        }

                        @Override
                        public Map<String, AttributeValue> afterRead(
                                ItemContext context, Map<String, AttributeValue> item) {
                            threads.add(Thread.currentThread().getName());
                            return item;
                        }
                    });
        }
    }

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
        loop = SdkEventLoopGroup.builder().numberOfThreads(2).build();
        sdkDefault = client(false);
        onEventLoop = client(true);
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

    private static DynamoDbAsyncClient client(boolean completeOnTheEventLoop) {
        var b =
                LocalAsyncClients.builder(local, loop)
                        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
        if (completeOnTheEventLoop) {
            b.asyncConfiguration(
                    c ->
                            c.advancedOption(
                                    SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR,
                                    Runnable::run));
        }
        return b.build();
    }

    @AfterAll
    static void stop() {
        sdkDefault.close();
        onEventLoop.close();
        loop.eventLoopGroup().shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        app.shutdownNow();
        local.close();
    }

    @AfterEach
    void noFaults() {
        local.faults(FaultInjection.none());
    }

    private static DynamORM db(DynamoDbAsyncClient client, ThreadsPlugin threads) {
        return DynamORM.builder()
                .client(local.client())
                .asyncClient(client)
                .discoverPlugins(false)
                .plugin(threads)
                .build();
    }

    /**
     * Writes then reads an order, the whole chain attached before the first request starts (a stage
     * attached to a completed future runs on the attaching thread), and returns the thread the
     * read's future completed on.
     */
    private static String writeAndRead(AsyncTable<Order> orders) {
        String c = UUID.randomUUID().toString();
        CompletableFuture<Void> start = new CompletableFuture<>();
        CompletableFuture<String> chain =
                start.thenCompose(v -> orders.put(new Order(c, "o1", "NEW")))
                        .thenCompose(r -> orders.get(c, "o1"))
                        .thenApply(
                                read -> {
                                    assertThat(read).contains(new Order(c, "o1", "NEW"));
                                    return Thread.currentThread().getName();
                                });
        start.complete(null);
        return chain.orTimeout(10, TimeUnit.SECONDS).join();
    }

    /**
     * Delays every answer by 100 ms (until {@link #noFaults}), so that each SDK future is still
     * pending when its continuations are attached: an answer that wins that race would run them on
     * the attaching thread ({@code main}), which says nothing about where the SDK completes.
     */
    private static void answerSlowly() {
        local.faults(FaultInjection.builder().latency(Duration.ofMillis(100)).build());
    }

    private static boolean isEventLoop(String thread) {
        return thread.toLowerCase(Locale.ROOT).contains("eventloop");
    }

    @Test
    void byDefault_continuationsRunWhereTheSdkCompleted_withoutAHandOff() {
        ThreadsPlugin threads = new ThreadsPlugin();
        answerSlowly();
        try (DynamORM db = db(sdkDefault, threads)) {
            String completedOn = writeAndRead(db.table(Order.class).async());
            // the SDK completes its futures on its own completion executor: hooks, conversion and
            // the caller's stage all run there, with no pool of DynamORM's in between
            assertThat(completedOn).startsWith("sdk-async-response");
            assertThat(threads.threads)
                    .isNotEmpty()
                    .allMatch(t -> t.startsWith("sdk-async-response"), "the SDK's threads");
        }
    }

    @Test
    void byDefault_continuationsLeaveTheEventLoop_forTheCommonPool() {
        ThreadsPlugin threads = new ThreadsPlugin();
        answerSlowly();
        try (DynamORM db = db(onEventLoop, threads)) {
            AsyncTable<Order> orders = db.table(Order.class).async();
            String raw =
                    onEventLoop
                            .listTables(b -> b.limit(1))
                            .thenApply(r -> Thread.currentThread().getName())
                            .join();
            assertThat(isEventLoop(raw)).as("this client completes on %s", raw).isTrue();
            String completedOn = writeAndRead(orders);
            assertThat(completedOn).startsWith("ForkJoinPool.commonPool");
            assertThat(threads.threads)
                    .isNotEmpty()
                    .noneMatch(AsyncContinuationsTest::isEventLoop)
                    .allMatch(t -> t.startsWith("ForkJoinPool.commonPool"), "the common pool");
        }
    }

    @Test
    void configuredExecutor_runsEveryContinuation_evenOffTheEventLoop() {
        ThreadsPlugin threads = new ThreadsPlugin();
        try (DynamORM db =
                DynamORM.builder()
                        .client(local.client())
                        .asyncClient(sdkDefault)
                        .asyncExecutor(app)
                        .discoverPlugins(false)
                        .plugin(threads)
                        .build()) {
            assertThat(writeAndRead(db.table(Order.class).async())).isEqualTo("app-async");
            assertThat(threads.threads).containsExactly("app-async");
        }
    }

    @Test
    void byDefault_throttlingIsRetriedOnATimer_offTheEventLoop() {
        ThreadsPlugin threads = new ThreadsPlugin();
        AtomicInteger delays = new AtomicInteger();
        try (DynamORM db =
                DynamORM.builder()
                        .client(local.client())
                        .asyncClient(onEventLoop)
                        .discoverPlugins(false)
                        .plugin(threads)
                        .retryPolicy(
                                (attempts, elapsed, failure) -> {
                                    delays.incrementAndGet();
                                    return attempts < 3
                                            ? Optional.of(Duration.ofMillis(20))
                                            : Optional.empty();
                                })
                        .build()) {
            AsyncTable<Order> orders = db.table(Order.class).async();
            local.faults(FaultInjection.builder().throttleRate(1.0).build());
            Throwable failure =
                    orders.get("c", "o").handle((r, t) -> t).orTimeout(10, TimeUnit.SECONDS).join();
            assertThat(failure).isInstanceOf(ThrottledException.class);
            assertThat(delays).hasValue(3);
            assertThat(threads.attempts).hasValue(3);
            assertThat(threads.threads).isNotEmpty().noneMatch(AsyncContinuationsTest::isEventLoop);
        }
    }

    @Test
    void rejectedHandOff_failsTheCallersFuture_insteadOfLeavingItPending() {
        try (DynamORM db = withExecutor(RefusingExecutors.shutDown())) {
            AsyncTable<Order> orders = db.table(Order.class).async();
            Throwable failure =
                    orders.get("c", "o").handle((r, t) -> t).orTimeout(10, TimeUnit.SECONDS).join();
            assertThat(failure).isInstanceOf(RejectedExecutionException.class);
        }
    }

    /**
     * DynamORM over the SDK's default async client, its continuations handed to {@code executor}.
     */
    private static DynamORM withExecutor(java.util.concurrent.Executor executor) {
        return DynamORM.builder()
                .client(local.client())
                .asyncClient(sdkDefault)
                .asyncExecutor(executor)
                .discoverPlugins(false)
                .build();
    }

    @Test
    void rejectedHandOff_whenARetrysBackoffEnds_failsTheCallersFuture() {
        ExecutorService closing = Executors.newSingleThreadExecutor();
        AtomicInteger delays = new AtomicInteger();
        try (DynamORM db =
                RefusingExecutors.shutDownAtTheFirstRetry(local, sdkDefault, closing, delays)) {
            AsyncTable<Order> orders = db.table(Order.class).async();
            local.faults(FaultInjection.builder().throttleRate(1.0).build());
            Throwable failure =
                    orders.get("c", "o").handle((r, t) -> t).orTimeout(10, TimeUnit.SECONDS).join();
            // not a TimeoutException: the refused retry fails the call
            assertThat(failure).isInstanceOf(RejectedExecutionException.class);
            assertThat(delays).hasValue(1);
        } finally {
            closing.shutdownNow();
        }
    }

    /** An async batch writer whose flush timer sends a lone write after 20 ms. */
    private static AsyncBatchWriter timedWriter(DynamORM db) {
        return db.async()
                .batchWriter(
                        BatchWriterOptions.builder().flushInterval(Duration.ofMillis(20)).build());
    }

    /** Waits (up to 10 s) until the writer holds no write: the flush timer took them. */
    private static void awaitNothingPending(AsyncBatchWriter writer) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (writer.pending() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(writer.pending()).as("writes still queued for the flush timer").isZero();
    }

    private static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }

    @Test
    void rejectedFlushTimer_failsTheWritesItWouldHaveSent_reportedByTheNextFlush()
            throws InterruptedException {
        try (DynamORM db = withExecutor(RefusingExecutors.shutDown())) {
            AsyncBatchWriter writer = timedWriter(db);
            Order order = new Order(UUID.randomUUID().toString(), "o1", "NEW");
            writer.put(order).orTimeout(10, TimeUnit.SECONDS).join();

            // the timer's hand-off is refused: the write fails, unsent, instead of staying queued
            // with the timer believed armed (then no interval flush ever came)
            awaitNothingPending(writer);

            Throwable failure =
                    writer.flush().handle((r, t) -> t).orTimeout(10, TimeUnit.SECONDS).join();
            assertThat(failure)
                    .isExactlyInstanceOf(BatchWriteIncompleteException.class)
                    .hasMessageContaining(
                            "in table 'async_continuations' (model "
                                    + Order.class.getName()
                                    + ") was not sent: the batch writer's flush timer could not"
                                    + " hand the writes due to the async executor, which refused"
                                    + " it: java.util.concurrent.RejectedExecutionException");
            BatchWriteIncompleteException e = (BatchWriteIncompleteException) failure;
            assertThat(e.unwrittenPuts(Order.class)).containsExactly(order);
            assertThat(e.result().written()).isZero();
            assertThat(e.result().unknownPuts()).isEmpty();
            assertThat(rootCause(e)).isInstanceOf(RejectedExecutionException.class);
            assertThat(db.table(Order.class).get(order.customerId(), "o1")).isEmpty();
        }
    }

    @Test
    void refusedFlushTimer_isArmedAgain_soLaterWritesAreStillSentOnTheInterval()
            throws InterruptedException {
        // refuses the first hand-off from the JDK's timer thread (a saturated executor), then
        // accepts every one
        AtomicBoolean refuseNext = new AtomicBoolean(true);
        java.util.concurrent.Executor saturatedOnce =
                r -> {
                    if (Thread.currentThread().getName().equals("CompletableFutureDelayScheduler")
                            && refuseNext.getAndSet(false)) {
                        throw new RejectedExecutionException("saturated");
                    }
                    app.execute(r);
                };
        try (DynamORM db = withExecutor(saturatedOnce)) {
            AsyncBatchWriter writer = timedWriter(db);
            String c = UUID.randomUUID().toString();
            Order refused = new Order(c, "o1", "NEW");
            Order later = new Order(c, "o2", "NEW");
            writer.put(refused).orTimeout(10, TimeUnit.SECONDS).join();
            awaitNothingPending(writer);
            assertThat(refuseNext).isFalse();

            writer.put(later).orTimeout(10, TimeUnit.SECONDS).join();
            awaitNothingPending(writer); // sent by the timer, no flush asked

            assertThat(db.table(Order.class).get(c, "o2")).contains(later);
            assertThat(db.table(Order.class).get(c, "o1")).isEmpty();
            Throwable failure =
                    writer.flush().handle((r, t) -> t).orTimeout(10, TimeUnit.SECONDS).join();
            assertThat(failure).isExactlyInstanceOf(BatchWriteIncompleteException.class);
            BatchWriteIncompleteException e = (BatchWriteIncompleteException) failure;
            assertThat(e.result().written()).isEqualTo(1);
            assertThat(e.unwrittenPuts(Order.class)).containsExactly(refused);
            assertThat(rootCause(e)).hasMessage("saturated");
        }
    }

    @Test
    void writersResendRefused_keepsWhatTheFirstCallWrote_asWritten_andTheRestAsUnknown() {
        ExecutorService closing = Executors.newSingleThreadExecutor();
        AtomicInteger delays = new AtomicInteger();
        try (DynamORM db =
                RefusingExecutors.shutDownAtTheFirstRetry(local, sdkDefault, closing, delays)) {
            AsyncBatchWriter writer =
                    db.async()
                            .batchWriter(
                                    BatchWriterOptions.builder()
                                            .flushInterval(Duration.ofMinutes(10))
                                            .build());
            String c = UUID.randomUUID().toString();
            List<Order> orders = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                orders.add(new Order(c, "o" + i, "NEW"));
                writer.put(orders.get(i)).orTimeout(10, TimeUnit.SECONDS).join();
            }
            // the first call leaves some unprocessed; the resend after the backoff is refused
            local.faults(FaultInjection.builder().unprocessedRate(0.5).seed(7).build());
            Throwable failure =
                    writer.flush().handle((r, t) -> t).orTimeout(10, TimeUnit.SECONDS).join();
            local.faults(FaultInjection.none());

            assertThat(delays).hasValue(1);
            List<Order> stored = db.table(Order.class).where("customerId", "=", c).all();
            List<Object> notStored = new ArrayList<>(orders);
            notStored.removeAll(stored);
            assertThat(stored).isNotEmpty();
            assertThat(notStored).isNotEmpty();
            assertThat(failure).isExactlyInstanceOf(BatchWriteIncompleteException.class);
            BatchWriteIncompleteException e = (BatchWriteIncompleteException) failure;
            // not "was not sent" for all ten: what the first answer took in is written
            assertThat(e.result().written()).isEqualTo(stored.size());
            assertThat(e.unwrittenPuts(Order.class)).isEmpty();
            assertThat(new ArrayList<Object>(e.result().unknownPuts()))
                    .containsExactlyInAnyOrderElementsOf(notStored);
            assertThat(rootCause(e)).isInstanceOf(RejectedExecutionException.class);
        } finally {
            closing.shutdownNow();
        }
    }

    /** How a publisher ends when everything is requested at once: its failure, or null. */
    private static <E> CompletableFuture<Throwable> endOf(Flow.Publisher<E> publisher) {
        CompletableFuture<Throwable> end = new CompletableFuture<>();
        publisher.subscribe(
                new Flow.Subscriber<E>() {
                    @Override
                    public void onSubscribe(Flow.Subscription s) {
                        s.request(Long.MAX_VALUE);
                    }

                    @Override
                    public void onNext(E item) {}

                    @Override
                    public void onError(Throwable t) {
                        end.complete(t);
                    }

                    @Override
                    public void onComplete() {
                        end.complete(null);
                    }
                });
        return end;
    }

    @Test
    void everyAsyncPath_withAnExecutorThatRefuses_failsInsteadOfStayingPending() {
        try (DynamORM db = withExecutor(RefusingExecutors.shutDown())) {
            AsyncTable<Order> orders = db.table(Order.class).async();
            String c = UUID.randomUUID().toString();
            Order order = new Order(c, "o1", "NEW");
            Query<Order> q = orders.where("customerId", "=", c);
            Key key = Key.of(c, "o1");
            AsyncBatchWriter writer =
                    db.async()
                            .batchWriter(
                                    BatchWriterOptions.builder()
                                            .flushInterval(Duration.ofMinutes(10))
                                            .build());
            writer.put(order).orTimeout(10, TimeUnit.SECONDS).join();

            Map<String, CompletableFuture<Throwable>> ends = new LinkedHashMap<>();
            ends.put("put", orders.put(order).handle((r, t) -> t));
            ends.put("first", orders.first(q).handle((r, t) -> t));
            ends.put("page", orders.page(q).handle((r, t) -> t));
            ends.put("all", orders.all(q).handle((r, t) -> t));
            ends.put("count", orders.count(q).handle((r, t) -> t));
            ends.put("parallelScan", orders.parallelScan(orders.query(), 2).handle((r, t) -> t));
            ends.put("items", endOf(orders.items(q)));
            ends.put("pages", endOf(orders.pages(q)));
            ends.put("scanItems", endOf(orders.scanItems(orders.query())));
            ends.put("batchGet", orders.batchGet(List.of(key)).handle((r, t) -> t));
            ends.put("batchPut", orders.batchPut(List.of(order)).handle((r, t) -> t));
            ends.put(
                    "transaction", db.async().transaction(tx -> tx.put(order)).handle((r, t) -> t));
            ends.put(
                    "readTransaction",
                    db.async().readTransaction(tx -> tx.get(Order.class, key)).handle((r, t) -> t));
            ends.put("batch writer", writer.flush().handle((r, t) -> t));

            ends.forEach(
                    (path, end) ->
                            assertThat(rootCause(end.orTimeout(10, TimeUnit.SECONDS).join()))
                                    .as(path)
                                    .isInstanceOf(RejectedExecutionException.class));
            assertThat(
                            new ArrayList<Object>(
                                    failureOfFlush(ends.get("batch writer"))
                                            .result()
                                            .unknownPuts()))
                    .as("sent, its answer dropped: it may be stored")
                    .containsExactly(order);
        }
    }

    private static BatchWriteIncompleteException failureOfFlush(CompletableFuture<Throwable> end) {
        return (BatchWriteIncompleteException) end.join();
    }
}
