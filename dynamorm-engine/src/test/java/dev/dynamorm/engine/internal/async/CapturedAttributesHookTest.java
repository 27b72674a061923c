package dev.dynamorm.engine.internal.async;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.BatchOptions;
import dev.dynamorm.BatchWriter;
import dev.dynamorm.BatchWriterOptions;
import dev.dynamorm.DynamORM;
import dev.dynamorm.Hook;
import dev.dynamorm.HookContext;
import dev.dynamorm.ItemRef;
import dev.dynamorm.Key;
import dev.dynamorm.Operation;
import dev.dynamorm.OperationEvent;
import dev.dynamorm.Plugin;
import dev.dynamorm.Table;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import dev.dynamorm.local.FaultInjection;
import dev.dynamorm.local.LocalDynamoDb;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * What a hook captures on the caller's thread ({@code Hook.capture}) starts the attributes of every
 * request DynamORM sends for that call, whichever thread sends it: the chunks of a sync batch sent
 * by worker threads, the resends of unprocessed elements (which also start with what the request
 * they follow stored), the async view's resends after a timer, and a batch writer's requests, which
 * each carry the writes of one captured value only. Over dynamorm-local.
 */
final class CapturedAttributesHookTest {

    private static LocalDynamoDb local;
    private static SdkEventLoopGroup loop;
    private static DynamoDbAsyncClient async;

    /** The caller's value, captured on the calling thread. */
    private static final ThreadLocal<String> CALLER = new ThreadLocal<>();

    private ExecutorService app;

    @DynamoTable("captured_attributes")
    record Line(@PartitionKey String order, @SortKey String id) {}

    /** One request as the before-hook saw it. */
    record Seen(Operation operation, Object caller, Object attempt, List<String> ids) {}

    /** Captures the caller; records each request's attributes, and counts attempts in one. */
    static final class CapturingPlugin implements Plugin {
        final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());

        @Override
        public String name() {
            return "capturing";
        }

        @Override
        public List<Hook> hooks() {
            return List.of(
                    new Hook() {
                        @Override
                        public void capture(
                                OperationEvent operation, Map<String, Object> attributes) {
                            if (CALLER.get() != null) {
                                attributes.put("capturing:caller", CALLER.get());
                            }
                        }

                        @Override
                        public void before(HookContext context) {
                            Object attempt = context.attribute("capturing:attempt");
                            List<String> ids = new ArrayList<>();
                            for (ItemRef ref : context.items()) {
                                ids.add(ref.key().get("id").s());
                            }
                            seen.add(
                                    new Seen(
                                            context.operation(),
                                            context.attribute("capturing:caller"),
                                            attempt,
                                            ids));
                            context.attribute(
                                    "capturing:attempt",
                                    attempt == null ? 1 : (Integer) attempt + 1);
                        }
                    });
        }
    }

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
        loop = SdkEventLoopGroup.builder().numberOfThreads(1).build();
        async =
                LocalAsyncClients.builder(local, loop)
                        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                        .build();
        try (DynamORM db = DynamORM.builder().client(local.client()).build()) {
            db.table(Line.class).createTable();
        }
    }

    @AfterAll
    static void stop() {
        async.close();
        loop.eventLoopGroup().shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        local.close();
    }

    @AfterEach
    void tearDown() {
        local.faults(FaultInjection.none());
        CALLER.remove();
        if (app != null) {
            app.shutdownNow();
        }
    }

    private DynamORM db(CapturingPlugin plugin) {
        // the async view's continuations and resends run on a thread with a value of its own
        app =
                Executors.newSingleThreadExecutor(
                        r ->
                                new Thread(
                                        () -> {
                                            CALLER.set("executor");
                                            r.run();
                                        }));
        return DynamORM.builder()
                .client(local.client())
                .asyncClient(async)
                .asyncExecutor(app)
                .discoverPlugins(false)
                .plugin(plugin)
                .retryPolicy(
                        (attempts, elapsed, failure) ->
                                attempts < 60
                                        ? Optional.of(Duration.ofMillis(1))
                                        : Optional.empty())
                .build();
    }

    private static List<Line> lines(String order, String prefix, int n) {
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Line(order, prefix + i));
        }
        return out;
    }

    private static List<Key> keys(List<Line> lines) {
        return lines.stream().map(l -> Key.of(l.order(), l.id())).toList();
    }

    @Test
    void syncBatchChunks_sentByWorkerThreads_startWithWhatWasCaptured() {
        CapturingPlugin plugin = new CapturingPlugin();
        try (DynamORM db = db(plugin)) {
            Table<Line> table = db.table(Line.class);
            List<Line> lines = lines(UUID.randomUUID().toString(), "l", 150);
            BatchOptions workers = BatchOptions.builder().workers(4).build();
            CALLER.set("caller");
            table.batchWrite(lines, List.of(), workers);
            assertThat(table.batchGet(keys(lines), workers).items()).hasSize(150);

            // 6 write chunks and 2 read chunks, each sent once (no faults) by a worker thread
            assertThat(plugin.seen).hasSize(8);
            assertThat(plugin.seen).extracting(Seen::caller).containsOnly("caller");
            assertThat(plugin.seen).extracting(Seen::attempt).containsOnly((Object) null);
        }
    }

    @Test
    void resendsOfUnprocessedElements_startWithWhatTheRequestTheyFollowStored() {
        CapturingPlugin plugin = new CapturingPlugin();
        try (DynamORM db = db(plugin)) {
            Table<Line> table = db.table(Line.class);
            List<Line> lines = lines(UUID.randomUUID().toString(), "r", 20);
            local.faults(FaultInjection.builder().seed(3).unprocessedRate(0.5).build());
            CALLER.set("sync");
            table.batchPut(lines);
            CALLER.set("async");
            assertThat(
                            table.async()
                                    .batchGet(keys(lines))
                                    .orTimeout(60, TimeUnit.SECONDS)
                                    .join()
                                    .items())
                    .hasSize(20);

            List<Seen> writes = requests(plugin, Operation.BATCH_WRITE);
            List<Seen> reads = requests(plugin, Operation.BATCH_GET);
            // resends happened, each counting on from the request it follows
            assertThat(writes.size()).isGreaterThan(1);
            assertThat(reads.size()).isGreaterThan(1);
            assertThat(writes).extracting(Seen::caller).containsOnly("sync");
            assertThat(reads).extracting(Seen::caller).containsOnly("async");
            for (List<Seen> sequence : List.of(writes, reads)) {
                for (int i = 0; i < sequence.size(); i++) {
                    assertThat(sequence.get(i).attempt()).isEqualTo(i == 0 ? null : i);
                }
            }
        }
    }

    private static List<Seen> requests(CapturingPlugin plugin, Operation op) {
        synchronized (plugin.seen) {
            return plugin.seen.stream().filter(s -> s.operation() == op).toList();
        }
    }

    @Test
    void aBatchWritersRequests_eachCarryTheWritesOfOneCapturedValue() throws Exception {
        CapturingPlugin plugin = new CapturingPlugin();
        try (DynamORM db = db(plugin)) {
            String order = UUID.randomUUID().toString();
            List<Line> ofX = lines(order, "x", 60);
            List<Line> ofY = lines(order, "y", 60);
            ExecutorService feeders = Executors.newFixedThreadPool(2);
            try (BatchWriter writer =
                    db.batchWriter(
                            BatchWriterOptions.builder()
                                    .flushInterval(Duration.ofMillis(5))
                                    .build())) {
                CompletableFuture<Void> x =
                        CompletableFuture.runAsync(() -> feed(writer, "x", ofX), feeders);
                CompletableFuture<Void> y =
                        CompletableFuture.runAsync(() -> feed(writer, "y", ofY), feeders);
                CompletableFuture.allOf(x, y).get(60, TimeUnit.SECONDS);
                writer.flush();
            } finally {
                feeders.shutdownNow();
            }
            List<Seen> writes = requests(plugin, Operation.BATCH_WRITE);
            assertThat(writes.stream().mapToInt(s -> s.ids().size()).sum()).isEqualTo(120);
            for (Seen s : writes) {
                // every write of a request was accepted on the thread whose value it carries
                assertThat(s.ids()).allMatch(id -> id.startsWith((String) s.caller()));
            }
            assertThat(db.table(Line.class).batchGet(keys(ofX)).items()).hasSize(60);
            assertThat(db.table(Line.class).batchGet(keys(ofY)).items()).hasSize(60);
        }
    }

    private static void feed(BatchWriter writer, String caller, List<Line> lines) {
        CALLER.set(caller);
        try {
            lines.forEach(writer::put);
        } finally {
            CALLER.remove();
        }
    }
}
