package dev.dynamorm.engine.internal.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.AsyncDynamORM;
import dev.dynamorm.AsyncTable;
import dev.dynamorm.BatchGetIncompleteException;
import dev.dynamorm.BatchOptions;
import dev.dynamorm.BatchWriteIncompleteException;
import dev.dynamorm.DynamORM;
import dev.dynamorm.Hook;
import dev.dynamorm.HookContext;
import dev.dynamorm.Key;
import dev.dynamorm.Outcome;
import dev.dynamorm.Plugin;
import dev.dynamorm.RetryPolicy;
import dev.dynamorm.TransactionCanceledException;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import dev.dynamorm.local.FaultInjection;
import dev.dynamorm.local.LocalDynamoDb;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

/**
 * The async view's batches, transactions, count and parallel scan against dynamorm-local, with the
 * SDK's futures completed on the event loop itself: hooks and completions run on the configured
 * executor, retries wait on a timer, failures come through the future.
 */
final class AsyncBatchesTest {

    private static LocalDynamoDb local;
    // the client's event loop, owned here: a Netty client that owns its loop waits Netty's 2 s
    // quiet period when it closes
    private static SdkEventLoopGroup loop;
    private static DynamoDbAsyncClient async;
    private static ExecutorService app;

    @DynamoTable("async_batch_items")
    record Item(@PartitionKey String group, @SortKey String id, long n) {}

    /** Records the thread of every hook phase. */
    static final class ThreadsPlugin implements Plugin {
        final Set<String> threads = ConcurrentHashMap.newKeySet();

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
                            threads.add("after:" + Thread.currentThread().getName());
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
            db.table(Item.class).createTable();
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

    private static DynamORM db(RetryPolicy policy, Plugin... plugins) {
        DynamORM.Builder b =
                DynamORM.builder()
                        .client(local.client())
                        .asyncClient(async)
                        .asyncExecutor(app)
                        .discoverPlugins(false);
        if (policy != null) {
            b.retryPolicy(policy);
        }
        for (Plugin p : plugins) {
            b.plugin(p);
        }
        return b.build();
    }

    private static String unique() {
        return java.util.UUID.randomUUID().toString();
    }

    private static <T> T await(CompletableFuture<T> future) {
        return future.orTimeout(30, TimeUnit.SECONDS).join();
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        return future.handle((r, t) -> t).orTimeout(30, TimeUnit.SECONDS).join();
    }

    private static List<Item> items(String group, int n) {
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Item(group, String.format(Locale.ROOT, "i%03d", i), i));
        }
        return out;
    }

    @Test
    void batchesTransactionsCountAndParallelScan_runHooksAndCompletions_offTheEventLoop() {
        ThreadsPlugin threads = new ThreadsPlugin();
        try (DynamORM db = db(null, threads)) {
            AsyncTable<Item> table = db.table(Item.class).async();
            AsyncDynamORM view = db.async();
            String g = unique();
            List<Item> all = items(g, 60);
            String completedOn =
                    table.batchPut(all)
                            .thenCompose(
                                    r ->
                                            table.batchGet(
                                                    List.of(Key.of(g, "i000"), Key.of(g, "i059"))))
                            .thenApply(r -> Thread.currentThread().getName())
                            .join();
            assertThat(completedOn).isEqualTo("app-async");
            assertThat(await(table.count(table.where("group", "=", g)))).isEqualTo(60L);
            assertThat(await(table.count(table.where("group", "=", g).limit(7)))).isEqualTo(7L);
            assertThat(await(table.count(table.where("group", "=", g).where("id", "=", "i001"))))
                    .isEqualTo(1L);
            assertThat(await(table.parallelScan(table.query().filter("group", "=", g), 4)))
                    .containsExactlyInAnyOrderElementsOf(all);
            await(
                    view.transaction(
                            tx ->
                                    tx.put(new Item(g, "t1", 1))
                                            .delete(Item.class, Key.of(g, "i000"))));
            assertThat(
                            await(
                                            view.readTransaction(
                                                    tx ->
                                                            tx.get(Item.class, Key.of(g, "t1"))
                                                                    .get(
                                                                            Item.class,
                                                                            Key.of(g, "i000"))))
                                    .get(0, Item.class))
                    .contains(new Item(g, "t1", 1));
            assertThat(threads.threads)
                    .isNotEmpty()
                    .noneMatch(t -> t.toLowerCase(Locale.ROOT).contains("eventloop"))
                    .contains("after:app-async");
        }
    }

    @Test
    void unprocessedItems_areRetriedOnATimer_thenReportedThroughTheFuture() {
        AtomicInteger delays = new AtomicInteger();
        RetryPolicy thrice =
                (attempts, elapsed, failure) -> {
                    delays.incrementAndGet();
                    return attempts < 3 ? Optional.of(Duration.ofMillis(200)) : Optional.empty();
                };
        try (DynamORM db = db(null)) {
            AsyncTable<Item> table = db.table(Item.class).async();
            String g = unique();
            List<Item> all = items(g, 10);
            local.faults(FaultInjection.builder().unprocessedRate(1.0).build());
            long start = System.nanoTime();
            CompletableFuture<?> write =
                    table.batchWrite(
                            all, List.of(), BatchOptions.builder().retryPolicy(thrice).build());
            assertThat(write).isNotDone();
            Throwable failure = failureOf(write);
            assertThat(failure)
                    .isExactlyInstanceOf(BatchWriteIncompleteException.class)
                    .hasMessageContaining("left 10 of 10 operations unwritten")
                    .hasMessageContaining("the retry budget for unprocessed items ran out");
            assertThat(((BatchWriteIncompleteException) failure).unwrittenPuts(Item.class))
                    .containsExactlyElementsOf(all);
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(400));
            assertThat(delays).hasValue(3);

            Throwable read =
                    failureOf(
                            table.batchGet(
                                    List.of(Key.of(g, "i000")),
                                    BatchOptions.builder().retryPolicy(thrice).build()));
            assertThat(read)
                    .isExactlyInstanceOf(BatchGetIncompleteException.class)
                    .hasMessageContaining("left 1 of 1 keys unread");
        }
    }

    @Test
    void transactionConflicts_areRetried_andTheCancellationFailsTheFuture() {
        AtomicInteger delays = new AtomicInteger();
        RetryPolicy twice =
                (attempts, elapsed, failure) -> {
                    delays.incrementAndGet();
                    return attempts < 2 ? Optional.of(Duration.ofMillis(10)) : Optional.empty();
                };
        try (DynamORM db = db(twice)) {
            String g = unique();
            local.faults(FaultInjection.builder().transactionConflictRate(1.0).build());
            Throwable failure =
                    failureOf(db.async().transaction(tx -> tx.put(new Item(g, "x", 1))));
            assertThat(failure).isInstanceOf(TransactionCanceledException.class);
            assertThat(delays).hasValue(2);
            local.faults(FaultInjection.none());
            assertThat(db.table(Item.class).get(g, "x")).isEmpty();
        }
    }

    @Test
    void closedInstance_andBadInput_failTheFuture() {
        DynamORM db = db(null);
        AsyncDynamORM view = db.async();
        AsyncTable<Item> table = db.table(Item.class).async();
        assertThat(failureOf(view.transaction(tx -> tx.put(null))))
                .isExactlyInstanceOf(dev.dynamorm.InvalidRequestException.class)
                .hasMessage("transaction put of a null item");
        assertThat(failureOf(table.parallelScan(table.query(), 0)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("parallelScan needs 1 to 1000 segments, got 0");
        db.close();
        assertThat(failureOf(view.transaction(tx -> tx.put(new Item("g", "i", 1)))))
                .isExactlyInstanceOf(IllegalStateException.class);
        assertThat(failureOf(table.batchPut(List.of(new Item("g", "i", 1)))))
                .isExactlyInstanceOf(IllegalStateException.class);
        assertThatThrownBy(db::async).isInstanceOf(IllegalStateException.class);
        try (DynamORM syncOnly = DynamORM.builder().client(local.client()).build()) {
            assertThatThrownBy(syncOnly::async)
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessage(
                            "db.async() needs an async client: build DynamORM with"
                                    + " DynamORM.builder().asyncClient(DynamoDbAsyncClient)");
        }
    }
}
