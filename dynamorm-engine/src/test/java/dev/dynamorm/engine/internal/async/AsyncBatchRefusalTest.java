package dev.dynamorm.engine.internal.async;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.AsyncTable;
import dev.dynamorm.BatchGetIncompleteException;
import dev.dynamorm.BatchOptions;
import dev.dynamorm.BatchWriteIncompleteException;
import dev.dynamorm.DynamORM;
import dev.dynamorm.DynamoServiceException;
import dev.dynamorm.Key;
import dev.dynamorm.Table;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import dev.dynamorm.local.FaultInjection;
import dev.dynamorm.local.LocalDynamoDb;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * The async {@code batchGet}/{@code batchPut} when the user's {@code asyncExecutor} refuses a
 * hand-off (shut down, saturated): the future fails with the sync batch's exception, listing what
 * was read or written, what was not sent and what is of unknown outcome (sent, its answer dropped
 * by the refusal), the refusal as the root cause; nothing is dropped from the report. Over the real
 * netty client and dynamorm-local over HTTP; every answer of the SDK is handed to the executor.
 */
final class AsyncBatchRefusalTest {

    private static LocalDynamoDb local;
    private static SdkEventLoopGroup loop;
    private static DynamoDbAsyncClient client;
    private static ExecutorService app;

    @DynamoTable("async_batch_refusals")
    record Order(@PartitionKey String customerId, @SortKey String orderId, String status) {}

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
        loop = SdkEventLoopGroup.builder().numberOfThreads(2).build();
        client =
                LocalAsyncClients.builder(local, loop)
                        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                        .build();
        app = Executors.newFixedThreadPool(2);
        try (DynamORM db = DynamORM.builder().client(local.client()).build()) {
            db.table(Order.class).createTable();
        }
    }

    @AfterAll
    static void stop() {
        client.close();
        loop.eventLoopGroup().shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        app.shutdownNow();
        local.close();
    }

    @AfterEach
    void noFaults() {
        local.faults(FaultInjection.none());
    }

    private static DynamORM withExecutor(Executor executor) {
        return DynamORM.builder()
                .client(local.client())
                .asyncClient(client)
                .asyncExecutor(executor)
                .discoverPlugins(false)
                .build();
    }

    /** Runs the first {@code accepted} hand-offs on the app's pool, then refuses every one. */
    private static Executor refusingAfter(int accepted) {
        AtomicInteger handOffs = new AtomicInteger();
        return task -> {
            if (handOffs.incrementAndGet() > accepted) {
                throw new RejectedExecutionException("saturated");
            }
            app.execute(task);
        };
    }

    private static List<Order> orders(int n) {
        String c = UUID.randomUUID().toString();
        List<Order> orders = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            orders.add(new Order(c, String.format("o%03d", i), "NEW"));
        }
        return orders;
    }

    private static List<Key> keys(List<Order> orders) {
        return orders.stream().map(o -> Key.of(o.customerId(), o.orderId())).toList();
    }

    /** The orders among {@code orders} that are stored, read with the sync API. */
    private static Set<Order> stored(List<Order> orders) {
        try (DynamORM db = DynamORM.builder().client(local.client()).build()) {
            Table<Order> table = db.table(Order.class);
            return new HashSet<>(table.batchGet(keys(orders)).items());
        }
    }

    private static Throwable failureOf(CompletableFuture<?> call) {
        return call.handle((r, t) -> t).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** The sync batch's shape of a failed call: a DynamORM exception, the refusal as its cause. */
    private static void causedByTheRefusal(Throwable batchFailure) {
        assertThat(batchFailure.getCause())
                .isInstanceOf(DynamoServiceException.class)
                .hasMessageContaining("async executor refused");
        assertThat(batchFailure.getCause().getCause())
                .isInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void batchPut_refusedMidway_reportsWrittenUnknownAndNotSent_chunkByChunk() {
        List<Order> orders = orders(75);
        try (DynamORM db = withExecutor(refusingAfter(1))) {
            AsyncTable<Order> table = db.table(Order.class).async();
            // one chunk at a time: the first chunk's answer is handed off, the second's is
            // refused, the third is never sent
            Throwable failure =
                    failureOf(
                            table.batchWrite(
                                    orders, List.of(), BatchOptions.builder().workers(1).build()));

            assertThat(failure).isInstanceOf(BatchWriteIncompleteException.class);
            causedByTheRefusal(failure);
            BatchWriteIncompleteException e = (BatchWriteIncompleteException) failure;
            assertThat(e.result().written()).isEqualTo(25);
            assertThat(e.unknownPuts(Order.class))
                    .as("sent, the answer dropped by the refusal: they may be stored")
                    .containsExactlyElementsOf(orders.subList(25, 50));
            assertThat(e.unwrittenPuts(Order.class))
                    .as("never sent")
                    .containsExactlyElementsOf(orders.subList(50, 75));
        }
        assertThat(stored(orders)).containsExactlyInAnyOrderElementsOf(orders.subList(0, 50));
    }

    @Test
    void batchPut_withAShutDownExecutor_listsEveryPut_andNoneNotSentIsStored() {
        List<Order> orders = orders(60);
        ExecutorService closed = RefusingExecutors.shutDown();
        try (DynamORM db = withExecutor(closed)) {
            Throwable failure = failureOf(db.table(Order.class).async().batchPut(orders));

            assertThat(failure).isInstanceOf(BatchWriteIncompleteException.class);
            causedByTheRefusal(failure);
            BatchWriteIncompleteException e = (BatchWriteIncompleteException) failure;
            List<Order> reported = new ArrayList<>(e.unknownPuts(Order.class));
            reported.addAll(e.unwrittenPuts(Order.class));
            assertThat(e.result().written()).isZero();
            assertThat(reported).containsExactlyInAnyOrderElementsOf(orders);
            assertThat(stored(orders))
                    .as("not sent, so not stored")
                    .noneMatch(e.unwrittenPuts(Order.class)::contains);
        }
    }

    @Test
    void batchPut_whoseResendIsRefused_reportsTheUnprocessedAsUnwritten() {
        ExecutorService closing = Executors.newSingleThreadExecutor();
        AtomicInteger delays = new AtomicInteger();
        List<Order> orders = orders(2);
        try (DynamORM db =
                RefusingExecutors.shutDownAtTheFirstRetry(local, client, closing, delays)) {
            local.faults(FaultInjection.builder().unprocessedRate(1.0).build());
            Throwable failure = failureOf(db.table(Order.class).async().batchPut(orders));

            assertThat(delays).hasValue(1);
            assertThat(failure).isInstanceOf(BatchWriteIncompleteException.class);
            causedByTheRefusal(failure);
            BatchWriteIncompleteException e = (BatchWriteIncompleteException) failure;
            // DynamoDB answered both unprocessed and the resend was refused: surely not written
            assertThat(e.unwrittenPuts(Order.class)).containsExactlyElementsOf(orders);
            assertThat(e.unknownPuts(Order.class)).isEmpty();
            assertThat(e.result().written()).isZero();
        } finally {
            closing.shutdownNow();
        }
        local.faults(FaultInjection.none());
        assertThat(stored(orders)).isEmpty();
    }

    @Test
    void batchGet_refusedMidway_returnsWhatWasRead_andListsTheRestUnread() {
        List<Order> orders = orders(250);
        try (DynamORM db = DynamORM.builder().client(local.client()).build()) {
            db.table(Order.class).batchPut(orders);
        }
        try (DynamORM db = withExecutor(refusingAfter(1))) {
            Throwable failure =
                    failureOf(
                            db.table(Order.class)
                                    .async()
                                    .batchGet(
                                            keys(orders),
                                            BatchOptions.builder().workers(1).build()));

            assertThat(failure).isInstanceOf(BatchGetIncompleteException.class);
            causedByTheRefusal(failure);
            BatchGetIncompleteException e = (BatchGetIncompleteException) failure;
            // the first chunk of 100 keys was read; the second's answer was refused, the third
            // never sent
            assertThat(new ArrayList<Object>(e.result().items()))
                    .containsExactlyElementsOf(orders.subList(0, 100));
            assertThat(e.unprocessedKeys())
                    .containsExactlyElementsOf(keys(orders).subList(100, 250));
            assertThat(e.result().missingKeys()).isEmpty();
        }
    }

    @Test
    void batchGet_withAShutDownExecutor_listsEveryKeyUnread() {
        List<Order> orders = orders(3);
        ExecutorService closed = RefusingExecutors.shutDown();
        try (DynamORM db = withExecutor(closed)) {
            Throwable failure = failureOf(db.table(Order.class).async().batchGet(keys(orders)));

            assertThat(failure).isInstanceOf(BatchGetIncompleteException.class);
            causedByTheRefusal(failure);
            BatchGetIncompleteException e = (BatchGetIncompleteException) failure;
            assertThat(e.unprocessedKeys()).containsExactlyElementsOf(keys(orders));
            assertThat(e.result().items()).isEmpty();
        }
    }
}
