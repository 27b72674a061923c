package dev.dynamorm.engine.internal.async;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.AsyncBatchWriter;
import dev.dynamorm.BatchWriteIncompleteException;
import dev.dynamorm.BatchWriteResult;
import dev.dynamorm.BatchWriterOptions;
import dev.dynamorm.DynamORM;
import dev.dynamorm.Hook;
import dev.dynamorm.HookContext;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Key;
import dev.dynamorm.Outcome;
import dev.dynamorm.Plugin;
import dev.dynamorm.RetryPolicy;
import dev.dynamorm.annotations.CreatedAt;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import dev.dynamorm.annotations.Version;
import dev.dynamorm.local.FaultInjection;
import dev.dynamorm.local.LocalDynamoDb;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.SdkAdvancedAsyncClientOption;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The async batch writer against dynamorm-local over HTTP, with the SDK's futures completed on the
 * netty event loop itself (the worst case): what crossed the wire (chunks of at most 25, one key
 * never twice in flight, a key's writes in order), back-pressure through the acceptance futures,
 * unprocessed items retried on a timer and reported exactly, hooks and retries off the event loop.
 */
final class AsyncBatchWriterTest {

    private static LocalDynamoDb local;
    private static DynamoDbAsyncClient async;
    private static ExecutorService app;
    private static final Wire WIRE = new Wire();

    @DynamoTable("async_writer_items")
    record Item(@PartitionKey String group, @SortKey String id, long n) {}

    @DynamoTable("async_writer_notes")
    record Note(@PartitionKey String id, String text, @CreatedAt Instant createdAt) {}

    @DynamoTable("async_writer_ledgers")
    record Ledger(@PartitionKey String id, @Version long version) {}

    /** Records the BatchWriteItem requests on the wire, and any key sent twice at once. */
    static final class Wire implements ExecutionInterceptor {
        final List<List<WriteRequest>> calls = new CopyOnWriteArrayList<>();
        final Set<String> inFlight = ConcurrentHashMap.newKeySet();
        final List<String> overlaps = new CopyOnWriteArrayList<>();

        @Override
        public void beforeExecution(Context.BeforeExecution c, ExecutionAttributes a) {
            if (c.request() instanceof BatchWriteItemRequest r) {
                List<WriteRequest> all = new ArrayList<>();
                r.requestItems().values().forEach(all::addAll);
                calls.add(all);
                for (WriteRequest w : all) {
                    if (!inFlight.add(keyOf(w))) {
                        overlaps.add(keyOf(w));
                    }
                }
            }
        }

        @Override
        public void afterExecution(Context.AfterExecution c, ExecutionAttributes a) {
            done(c.request());
        }

        @Override
        public void onExecutionFailure(Context.FailedExecution c, ExecutionAttributes a) {
            done(c.request());
        }

        private void done(Object request) {
            if (request instanceof BatchWriteItemRequest r) {
                r.requestItems().values().forEach(l -> l.forEach(w -> inFlight.remove(keyOf(w))));
            }
        }

        static String keyOf(WriteRequest w) {
            Map<String, AttributeValue> item =
                    w.putRequest() != null ? w.putRequest().item() : w.deleteRequest().key();
            return item.get(item.containsKey("group") ? "group" : "id").s()
                    + "/"
                    + (item.containsKey("group") ? item.get("id").s() : "");
        }
    }

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
                            threads.add(Thread.currentThread().getName());
                        }

                        @Override
                        public void after(HookContext context, Outcome outcome) {
                            threads.add(Thread.currentThread().getName());
                        }
                    });
        }
    }

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
        async =
                DynamoDbAsyncClient.builder()
                        .endpointOverride(local.endpoint())
                        .region(Region.of(local.region()))
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("akid", "secret")))
                        .httpClientBuilder(NettyNioAsyncHttpClient.builder())
                        // complete the SDK's futures on the event loop itself: the worst case
                        .asyncConfiguration(
                                c ->
                                        c.advancedOption(
                                                SdkAdvancedAsyncClientOption
                                                        .FUTURE_COMPLETION_EXECUTOR,
                                                Runnable::run))
                        .overrideConfiguration(
                                o ->
                                        o.retryStrategy(AwsRetryStrategy.doNotRetry())
                                                .addExecutionInterceptor(WIRE))
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
            db.table(Note.class).createTable();
            db.table(Ledger.class).createTable();
        }
    }

    @AfterAll
    static void stop() {
        async.close();
        app.shutdownNow();
        local.close();
    }

    @BeforeEach
    void clearWire() {
        WIRE.calls.clear();
        WIRE.overlaps.clear();
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

    private static <T> T await(CompletableFuture<T> future) {
        return future.orTimeout(30, TimeUnit.SECONDS).join();
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        return future.handle((r, t) -> t).orTimeout(30, TimeUnit.SECONDS).join();
    }

    private static String unique() {
        return UUID.randomUUID().toString();
    }

    private static BatchWriterOptions.Builder noTimer() {
        return BatchWriterOptions.builder().flushInterval(Duration.ofMinutes(10));
    }

    @Test
    void writesOfTwoModels_areSentInChunksOf25_storedAndReported_offTheEventLoop() {
        ThreadsPlugin threads = new ThreadsPlugin();
        try (DynamORM db = db(threads)) {
            AsyncBatchWriter writer = db.async().batchWriter(noTimer().build());
            String g = unique();
            List<CompletableFuture<Void>> accepted = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                accepted.add(writer.put(new Item(g, String.format(Locale.ROOT, "i%02d", i), i)));
            }
            accepted.add(writer.put(new Note(g, "hello", null)));
            accepted.add(writer.delete(Item.class, Key.of(g, "i00")));
            accepted.add(writer.delete(new Item(g, "i01", 0)));
            assertThat(accepted).allMatch(CompletableFuture::isDone);
            // two full chunks may already be out; the last 13 wait for the flush
            assertThat(writer.pending()).isBetween(13, 63);

            BatchWriteResult<Object> result = await(writer.flush());

            assertThat(result.written()).isEqualTo(63);
            assertThat(result.complete()).isTrue();
            assertThat(writer.pending()).isZero();
            assertThat(WIRE.calls).allMatch(c -> c.size() <= 25);
            assertThat(WIRE.calls.stream().mapToInt(List::size).sum()).isEqualTo(63);
            assertThat(WIRE.overlaps).isEmpty();
            assertThat(db.table(Item.class).get(g, "i00")).isEmpty();
            assertThat(db.table(Item.class).get(g, "i01")).isEmpty();
            assertThat(db.table(Item.class).get(g, "i59")).contains(new Item(g, "i59", 59));
            assertThat(db.table(Note.class).get(g).orElseThrow().createdAt()).isNotNull();
            assertThat(threads.threads)
                    .isNotEmpty()
                    .noneMatch(t -> t.toLowerCase(Locale.ROOT).contains("eventloop"));
            assertThat(await(writer.close()).written()).isZero();
        }
    }

    @Test
    void writesToOneKey_areNeverInFlightTogether_andApplyInTheOrderGiven() {
        try (DynamORM db = db()) {
            AsyncBatchWriter writer =
                    db.async().batchWriter(BatchWriterOptions.builder().workers(4).build());
            String g = unique();
            for (int i = 1; i <= 20; i++) {
                await(writer.put(new Item(g, "hot", i)));
                await(writer.put(new Item(g, "other" + i, i)));
            }
            await(writer.flush());

            assertThat(WIRE.overlaps).isEmpty();
            assertThat(WIRE.calls)
                    .allMatch(c -> c.stream().map(Wire::keyOf).distinct().count() == c.size());
            List<Long> hot = new ArrayList<>();
            for (List<WriteRequest> call : WIRE.calls) {
                for (WriteRequest w : call) {
                    if (Wire.keyOf(w).equals(g + "/hot")) {
                        hot.add(Long.parseLong(w.putRequest().item().get("n").n()));
                    }
                }
            }
            assertThat(hot).isSorted().last().isEqualTo(20L);
            assertThat(db.table(Item.class).get(g, "hot")).contains(new Item(g, "hot", 20));
            await(writer.close());
        }
    }

    @Test
    void afterCapacityWrites_putsWaitForRoom_andBeyondASecondCapacityAreRefused() {
        try (DynamORM db = db()) {
            AsyncBatchWriter writer = db.async().batchWriter(noTimer().capacity(2).build());
            String g = unique();
            CompletableFuture<Void> first = writer.put(new Item(g, "a", 1));
            CompletableFuture<Void> second = writer.put(new Item(g, "b", 2));
            CompletableFuture<Void> third = writer.put(new Item(g, "c", 3));
            CompletableFuture<Void> fourth = writer.delete(Item.class, Key.of(g, "a"));
            CompletableFuture<Void> fifth = writer.put(new Item(g, "e", 5));

            assertThat(first).isCompleted();
            assertThat(second).isCompleted();
            assertThat(third).isNotDone();
            assertThat(fourth).isNotDone();
            assertThat(failureOf(fifth))
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessage(
                            "the batch writer is full: 2 writes pending and 2 waiting for room"
                                    + " (BatchWriterOptions.capacity() = 2); wait for the future of"
                                    + " a put or delete before the next one. The write was not"
                                    + " accepted");
            assertThat(writer.pending()).isEqualTo(4);
            assertThat(WIRE.calls).isEmpty();

            BatchWriteResult<Object> result = await(writer.flush());

            assertThat(third).isCompleted();
            assertThat(fourth).isCompleted();
            assertThat(result.written()).isEqualTo(4);
            assertThat(db.table(Item.class).get(g, "a")).isEmpty();
            assertThat(db.table(Item.class).get(g, "c")).contains(new Item(g, "c", 3));
            assertThat(db.table(Item.class).get(g, "e")).isEmpty();
            await(writer.close());
        }
    }

    @Test
    void unprocessedItems_areRetriedOnATimer_thenReportedExactly_byTheFlush() {
        AtomicInteger delays = new AtomicInteger();
        Set<String> policyThreads = ConcurrentHashMap.newKeySet();
        RetryPolicy thrice =
                (attempts, elapsed, failure) -> {
                    delays.incrementAndGet();
                    policyThreads.add(Thread.currentThread().getName());
                    return attempts < 3 ? Optional.of(Duration.ofMillis(20)) : Optional.empty();
                };
        try (DynamORM db = db()) {
            AsyncBatchWriter writer = db.async().batchWriter(noTimer().retryPolicy(thrice).build());
            String g = unique();
            List<Item> items = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                items.add(new Item(g, "u" + i, i));
                await(writer.put(items.get(i)));
            }
            await(writer.delete(Item.class, Key.of(g, "gone")));
            local.faults(FaultInjection.builder().unprocessedRate(1.0).build());

            Throwable failure = failureOf(writer.flush());

            assertThat(failure)
                    .isExactlyInstanceOf(BatchWriteIncompleteException.class)
                    .hasMessageStartingWith(
                            "batch writer left 11 of 11 writes unwritten (10 puts, 1 deletes) and 0"
                                    + " of unknown outcome (sent, answer lost: they may be stored);"
                                    + " first: put of key {group='"
                                    + g
                                    + "', id='u0'} in table 'async_writer_items' (model "
                                    + Item.class.getName()
                                    + ") was still unprocessed after 3 attempts: the retry budget"
                                    + " ran out; it was not written");
            BatchWriteIncompleteException e = (BatchWriteIncompleteException) failure;
            assertThat(e.unwrittenPuts(Item.class)).containsExactlyElementsOf(items);
            assertThat(e.unwrittenDeletes()).containsExactly(Key.of(g, "gone"));
            assertThat(e.getSuppressed()).hasSize(11);
            assertThat(delays).hasValue(3);
            assertThat(policyThreads)
                    .noneMatch(t -> t.toLowerCase(Locale.ROOT).contains("eventloop"));

            // half unprocessed: retried until every write is stored
            local.faults(FaultInjection.builder().unprocessedRate(0.5).seed(7).build());
            AsyncBatchWriter patient = db.async().batchWriter(noTimer().build());
            items.forEach(i -> await(patient.put(i)));
            assertThat(await(patient.close()).written()).isEqualTo(10);
            local.faults(FaultInjection.none());
            assertThat(db.table(Item.class).where("group", "=", g).all())
                    .containsExactlyInAnyOrderElementsOf(items);
            await(writer.close());
        }
    }

    @Test
    void storedCreationTime_isKept_andVersionedModels_andBadInput_failTheCall() {
        try (DynamORM db = db()) {
            String id = unique();
            db.table(Note.class).put(new Note(id, "first", null));
            Instant created = db.table(Note.class).get(id).orElseThrow().createdAt();
            AsyncBatchWriter writer = db.async().batchWriter();
            await(writer.put(new Note(id, "second", null)));
            await(writer.flush());
            assertThat(db.table(Note.class).get(id)).contains(new Note(id, "second", created));

            assertThat(failureOf(writer.put(new Ledger(id, 1))))
                    .isExactlyInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("BatchWriterOptions.builder().ignoreVersioning(true)");
            assertThat(failureOf(writer.put(null)))
                    .isExactlyInstanceOf(InvalidRequestException.class)
                    .hasMessage("batch writer put of a null item");
            assertThat(failureOf(writer.delete(null, Key.of(id))))
                    .isExactlyInstanceOf(InvalidRequestException.class)
                    .hasMessage("batch writer delete with a null model class");
            assertThat(writer.pending()).isZero();

            CompletableFuture<BatchWriteResult<Object>> closed = writer.close();
            assertThat(writer.close()).isSameAs(closed);
            await(closed);
            assertThat(failureOf(writer.put(new Note(id, "third", null))))
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessage(
                            "this batch writer is closed: create a new one with"
                                    + " db.async().batchWriter()");
        }
    }

    @Test
    void flushInterval_sendsAPartialBatch_andClosingTheInstance_flushesOpenWriters() {
        String g = unique();
        DynamORM db = db();
        AsyncBatchWriter timed =
                db.async()
                        .batchWriter(
                                BatchWriterOptions.builder()
                                        .flushInterval(Duration.ofMillis(20))
                                        .build());
        await(timed.put(new Item(g, "timed", 1)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (timed.pending() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(timed.pending()).isZero();
        assertThat(db.table(Item.class).get(g, "timed")).contains(new Item(g, "timed", 1));

        AsyncBatchWriter open = db.async().batchWriter(noTimer().build());
        await(open.put(new Item(g, "open", 2)));
        db.close();
        assertThat(open.pending()).isZero();
        try (DynamORM reader = DynamORM.builder().client(local.client()).build()) {
            assertThat(reader.table(Item.class).get(g, "open")).contains(new Item(g, "open", 2));
        }
        assertThat(failureOf(open.put(new Item(g, "late", 3))))
                .isExactlyInstanceOf(IllegalStateException.class);
    }
}
