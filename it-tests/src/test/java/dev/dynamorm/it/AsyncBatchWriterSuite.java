package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.AsyncBatchWriter;
import dev.dynamorm.BatchWriteResult;
import dev.dynamorm.BatchWriterOptions;
import dev.dynamorm.DynamORM;
import dev.dynamorm.Hook;
import dev.dynamorm.HookContext;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Key;
import dev.dynamorm.Outcome;
import dev.dynamorm.Plugin;
import dev.dynamorm.it.model.Account;
import dev.dynamorm.it.model.Memo;
import dev.dynamorm.it.model.Order;
import dev.dynamorm.test.BackendContext;
import dev.dynamorm.test.DynamoBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.SdkAdvancedAsyncClientOption;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The async batch writer ({@code db.async().batchWriter()}) over the netty client and the backend's
 * HTTP endpoint, with the SDK's futures completed on the event loop itself: writes of several
 * models stored and reported by the flush, one key's writes applied in order, stored creation times
 * kept, bad input refused before it is accepted, hooks never on the event loop. Run on every
 * backend by the subclasses.
 */
@DynamoBackend(models = {Order.class, Account.class, Memo.class})
abstract class AsyncBatchWriterSuite {

    // one event loop for the class: a Netty client owning its loop waits a quiet period on close
    private static SdkEventLoopGroup loop;

    private DynamoDbAsyncClient client;
    private DynamORM db;
    private final Set<String> hookThreads = ConcurrentHashMap.newKeySet();

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
        client =
                BackendAsyncClients.builder(backend, loop)
                        // complete the SDK's futures on the event loop itself: the worst case
                        .asyncConfiguration(
                                c ->
                                        c.advancedOption(
                                                SdkAdvancedAsyncClientOption
                                                        .FUTURE_COMPLETION_EXECUTOR,
                                                Runnable::run))
                        .build();
        Plugin threads =
                new Plugin() {
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
                                        hookThreads.add(Thread.currentThread().getName());
                                    }

                                    @Override
                                    public void after(HookContext context, Outcome outcome) {
                                        hookThreads.add(Thread.currentThread().getName());
                                    }
                                });
                    }
                };
        db =
                DynamORM.builder()
                        .client(raw)
                        .asyncClient(client)
                        .tableNamePrefix(backend.tableNamePrefix())
                        .discoverPlugins(false)
                        .plugin(threads)
                        .build();
    }

    @AfterEach
    void tearDown() {
        db.close();
        client.close();
    }

    private static String unique() {
        return UUID.randomUUID().toString();
    }

    private static <T> T await(CompletableFuture<T> future) {
        return future.orTimeout(60, TimeUnit.SECONDS).join();
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        return future.handle((r, t) -> t).orTimeout(60, TimeUnit.SECONDS).join();
    }

    @Test
    void writesOfSeveralModels_areStored_andReportedByTheFlush() {
        AsyncBatchWriter writer = db.async().batchWriter();
        String c = unique();
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Order o = Order.of(c, String.format(Locale.ROOT, "o%02d", i), "NEW", i);
            orders.add(o);
            await(writer.put(o));
        }
        String m = unique();
        await(writer.put(Memo.of(m, "note")));
        await(writer.delete(Order.class, Key.of(c, "o00")));
        await(writer.delete(orders.get(1)));

        BatchWriteResult<Object> result = await(writer.flush());

        assertThat(result.written()).isEqualTo(63);
        assertThat(result.complete()).isTrue();
        assertThat(writer.pending()).isZero();
        assertThat(db.table(Order.class).where("customerId", "=", c).all())
                .containsExactlyElementsOf(orders.subList(2, 60));
        assertThat(db.table(Memo.class).get(m).orElseThrow().text()).isEqualTo("note");
        assertThat(hookThreads)
                .isNotEmpty()
                .noneMatch(t -> t.toLowerCase(Locale.ROOT).contains("eventloop"));
        assertThat(await(writer.close()).written()).isZero();
    }

    @Test
    void writesToOneKey_applyInTheOrderGiven() {
        AsyncBatchWriter writer =
                db.async().batchWriter(BatchWriterOptions.builder().workers(4).build());
        String c = unique();
        Order order = Order.of(c, "hot", "NEW", 1);
        for (int i = 1; i <= 10; i++) {
            await(writer.put(order.withTotal(i)));
            await(writer.put(Order.of(c, "other" + i, "NEW", i)));
        }
        await(writer.delete(Order.class, Key.of(c, "other1")));
        await(writer.close());

        assertThat(db.table(Order.class).get(c, "hot")).contains(order.withTotal(10));
        assertThat(db.table(Order.class).get(c, "other1")).isEmpty();
        assertThat(db.table(Order.class).get(c, "other2"))
                .contains(Order.of(c, "other2", "NEW", 2));
    }

    @Test
    void putWithoutCreatedAt_keepsTheStoredOne_andTheTimerFlushes() {
        String id = unique();
        db.table(Memo.class).put(Memo.of(id, "first"));
        Memo created = db.table(Memo.class).get(id).orElseThrow();
        AsyncBatchWriter writer =
                db.async()
                        .batchWriter(
                                BatchWriterOptions.builder()
                                        .flushInterval(Duration.ofMillis(20))
                                        .build());
        await(writer.put(Memo.of(id, "second")));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (writer.pending() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(writer.pending()).isZero();
        Memo replaced = db.table(Memo.class).get(id).orElseThrow();
        assertThat(replaced.text()).isEqualTo("second");
        assertThat(replaced.createdAt()).isEqualTo(created.createdAt());
        await(writer.close());
    }

    @Test
    void versionedModels_andBadInput_failTheCall_andNothingIsSent() {
        AsyncBatchWriter writer = db.async().batchWriter();
        String id = unique();
        assertThat(failureOf(writer.put(Account.of(id, 10))))
                .isExactlyInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("BatchWriterOptions.builder().ignoreVersioning(true)");
        assertThat(failureOf(writer.delete(null)))
                .isExactlyInstanceOf(InvalidRequestException.class)
                .hasMessage("batch writer delete of a null item");
        assertThat(writer.pending()).isZero();
        assertThat(await(writer.close()).written()).isZero();
        assertThat(db.table(Account.class).get(id)).isEmpty();

        AsyncBatchWriter unversioned =
                db.async().batchWriter(BatchWriterOptions.builder().ignoreVersioning(true).build());
        await(unversioned.put(Account.of(id, 10)));
        await(unversioned.close());
        assertThat(db.table(Account.class).get(id).orElseThrow().balance()).isEqualTo(10);
    }
}
