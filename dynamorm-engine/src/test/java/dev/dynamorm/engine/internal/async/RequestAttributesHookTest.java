package dev.dynamorm.engine.internal.async;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.AsyncTable;
import dev.dynamorm.DynamORM;
import dev.dynamorm.Hook;
import dev.dynamorm.HookContext;
import dev.dynamorm.ItemContext;
import dev.dynamorm.Key;
import dev.dynamorm.Plugin;
import dev.dynamorm.ReturnValue;
import dev.dynamorm.Table;
import dev.dynamorm.WriteOptions;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import dev.dynamorm.local.LocalDynamoDb;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code ItemContext.attribute(key)} in an {@code afterRead}: the value a before-hook stored for
 * the request that read the item, on the calling thread, whichever thread converts the response
 * (the sync caller, or a thread of the async executor that has another value of its own); null for
 * an item read by no request. Over dynamorm-local, sync and over HTTP.
 */
final class RequestAttributesHookTest {

    private static LocalDynamoDb local;
    private static SdkEventLoopGroup loop;
    private static DynamoDbAsyncClient async;
    private static ExecutorService app;

    /** What the before-hook stores: the value of the thread that sends the request. */
    private static final ThreadLocal<String> CALLER = new ThreadLocal<>();

    @DynamoTable("request_attributes")
    record Order(@PartitionKey String customerId, @SortKey String orderId, String status) {}

    /** Stores the caller's value for every request and records what each afterRead is given. */
    static final class AttributesPlugin implements Plugin {
        final List<Object> seen = Collections.synchronizedList(new ArrayList<>());

        @Override
        public String name() {
            return "attributes";
        }

        @Override
        public List<Hook> hooks() {
            return List.of(
                    new Hook() {
                        @Override
                        public void before(HookContext context) {
                            context.attribute("caller", CALLER.get());
                        }

                        @Override
                        public Map<String, AttributeValue> afterRead(
                                ItemContext context, Map<String, AttributeValue> item) {
                            seen.add(String.valueOf(context.attribute("caller")));
                            return item;
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
        // the executor's thread has a value of its own: a hook reading the thread would see it
        app =
                Executors.newSingleThreadExecutor(
                        r ->
                                new Thread(
                                        () -> {
                                            CALLER.set("completing-thread");
                                            r.run();
                                        },
                                        "app-async"));
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

    @BeforeEach
    void noCaller() {
        CALLER.remove();
    }

    private static DynamORM db(AttributesPlugin plugin) {
        return DynamORM.builder()
                .client(local.client())
                .asyncClient(async)
                .asyncExecutor(app)
                .discoverPlugins(false)
                .plugin(plugin)
                .build();
    }

    private static <T> T await(CompletableFuture<T> future) {
        return future.orTimeout(30, TimeUnit.SECONDS).join();
    }

    @Test
    void asyncReads_seeTheAttributesOfTheirRequest_notOfTheCompletingThread() {
        AttributesPlugin plugin = new AttributesPlugin();
        try (DynamORM db = db(plugin)) {
            String c = UUID.randomUUID().toString();
            Table<Order> orders = db.table(Order.class);
            orders.put(new Order(c, "o1", "NEW"));
            orders.put(new Order(c, "o2", "NEW"));
            AsyncTable<Order> asyncOrders = orders.async();
            plugin.seen.clear();

            CALLER.set("get");
            assertThat(await(asyncOrders.get(c, "o1"))).isPresent();
            CALLER.set("query");
            assertThat(await(asyncOrders.all(asyncOrders.where("customerId", "=", c)))).hasSize(2);
            CALLER.set("first");
            assertThat(await(asyncOrders.first(asyncOrders.where("customerId", "=", c))))
                    .isPresent();
            CALLER.set("batch");
            assertThat(
                            await(asyncOrders.batchGet(List.of(Key.of(c, "o1"), Key.of(c, "o2"))))
                                    .items())
                    .hasSize(2);
            CALLER.set("transaction");
            assertThat(
                            await(
                                            db.async()
                                                    .readTransaction(
                                                            tx ->
                                                                    tx.get(
                                                                            Order.class,
                                                                            Key.of(c, "o2"))))
                                    .size())
                    .isEqualTo(1);
            CALLER.set("old values");
            assertThat(
                            await(
                                            asyncOrders.delete(
                                                    new Order(c, "o2", "NEW"),
                                                    WriteOptions.builder()
                                                            .returnValue(ReturnValue.ALL_OLD)
                                                            .build()))
                                    .item())
                    .isPresent();

            assertThat(plugin.seen)
                    .containsExactly(
                            "get",
                            "query",
                            "query",
                            "first",
                            "batch",
                            "batch",
                            "transaction",
                            "old values");
        }
    }

    @Test
    void syncReads_seeTheAttributesOfTheirRequest_andAnItemReadByNoRequestSeesNone() {
        AttributesPlugin plugin = new AttributesPlugin();
        try (DynamORM db = db(plugin)) {
            String c = UUID.randomUUID().toString();
            Table<Order> orders = db.table(Order.class);
            orders.put(new Order(c, "o1", "NEW"));
            plugin.seen.clear();

            CALLER.set("get");
            assertThat(orders.get(c, "o1")).isPresent();
            CALLER.set("query");
            assertThat(orders.where("customerId", "=", c).all()).hasSize(1);
            // a stream image was read by no request, though one ran on this thread just before
            CALLER.set("stream");
            Order image =
                    orders.fromImage(
                            Map.of(
                                    "customerId", AttributeValue.fromS(c),
                                    "orderId", AttributeValue.fromS("o9"),
                                    "status", AttributeValue.fromS("NEW")));
            assertThat(image.orderId()).isEqualTo("o9");

            assertThat(plugin.seen).containsExactly("get", "query", "null");
        }
    }
}
