package dev.dynamorm.engine.internal.async;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.AsyncTable;
import dev.dynamorm.DynamORM;
import dev.dynamorm.Hook;
import dev.dynamorm.HookContext;
import dev.dynamorm.ItemContext;
import dev.dynamorm.Outcome;
import dev.dynamorm.Plugin;
import dev.dynamorm.ThrottledException;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import dev.dynamorm.local.FaultInjection;
import dev.dynamorm.local.LocalDynamoDb;
import java.time.Duration;
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
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.SdkAdvancedAsyncClientOption;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
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
                DynamoDbAsyncClient.builder()
                        .endpointOverride(local.endpoint())
                        .region(Region.of(local.region()))
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("akid", "secret")))
                        .httpClientBuilder(NettyNioAsyncHttpClient.builder().eventLoopGroup(loop))
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

    private static boolean isEventLoop(String thread) {
        return thread.toLowerCase(Locale.ROOT).contains("eventloop");
    }

    @Test
    void byDefault_continuationsRunWhereTheSdkCompleted_withoutAHandOff() {
        ThreadsPlugin threads = new ThreadsPlugin();
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
        ExecutorService closed = Executors.newSingleThreadExecutor();
        closed.shutdown();
        try (DynamORM db =
                DynamORM.builder()
                        .client(local.client())
                        .asyncClient(sdkDefault)
                        .asyncExecutor(closed)
                        .discoverPlugins(false)
                        .build()) {
            AsyncTable<Order> orders = db.table(Order.class).async();
            Throwable failure =
                    orders.get("c", "o").handle((r, t) -> t).orTimeout(10, TimeUnit.SECONDS).join();
            assertThat(failure).isInstanceOf(RejectedExecutionException.class);
        }
    }

    /**
     * An executor that accepts hand-offs until the retry policy first runs, which shuts it down:
     * the first answer is handed off, the retry after the backoff is refused.
     */
    private static DynamORM shutDownAtTheFirstRetry(ExecutorService app, AtomicInteger delays) {
        return DynamORM.builder()
                .client(local.client())
                .asyncClient(sdkDefault)
                .asyncExecutor(app)
                .discoverPlugins(false)
                .retryPolicy(
                        (attempts, elapsed, failure) -> {
                            delays.incrementAndGet();
                            app.shutdown();
                            return Optional.of(Duration.ofMillis(20));
                        })
                .build();
    }

    @Test
    void rejectedHandOff_whenARetrysBackoffEnds_failsTheCallersFuture() {
        ExecutorService closing = Executors.newSingleThreadExecutor();
        AtomicInteger delays = new AtomicInteger();
        try (DynamORM db = shutDownAtTheFirstRetry(closing, delays)) {
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

    @Test
    void rejectedHandOff_whenABatchsBackoffEnds_failsTheCallersFuture() {
        ExecutorService closing = Executors.newSingleThreadExecutor();
        AtomicInteger delays = new AtomicInteger();
        try (DynamORM db = shutDownAtTheFirstRetry(closing, delays)) {
            AsyncTable<Order> orders = db.table(Order.class).async();
            String c = UUID.randomUUID().toString();
            local.faults(FaultInjection.builder().unprocessedRate(1.0).build());
            Throwable failure =
                    orders.batchPut(List.of(new Order(c, "o1", "NEW"), new Order(c, "o2", "NEW")))
                            .handle((r, t) -> t)
                            .orTimeout(10, TimeUnit.SECONDS)
                            .join();
            assertThat(failure).isInstanceOf(RejectedExecutionException.class);
            assertThat(delays).hasValue(1);
        } finally {
            closing.shutdownNow();
        }
    }
}
