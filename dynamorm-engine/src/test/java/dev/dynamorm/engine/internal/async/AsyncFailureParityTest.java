package dev.dynamorm.engine.internal.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.dynamorm.AsyncTable;
import dev.dynamorm.BatchGetIncompleteException;
import dev.dynamorm.BatchWriteIncompleteException;
import dev.dynamorm.DynamORM;
import dev.dynamorm.Key;
import dev.dynamorm.Table;
import dev.dynamorm.ThrottledException;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import dev.dynamorm.local.FaultInjection;
import dev.dynamorm.local.LocalDynamoDb;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * Failures only the embedded engine can cause on demand (throttling on every attempt, unprocessed
 * keys and items on every answer) and failures of the instance itself (closed, a missing table):
 * the async view fails its future with the exception the sync call throws — same type, same
 * message, same cause type. Both over dynamorm-local's HTTP endpoint (the sync side through the
 * Apache client, the async side through netty); the it-tests' backend suites cannot force
 * throttling on Dynoxide or dynalite.
 */
final class AsyncFailureParityTest {

    private static LocalDynamoDb local;
    private static SdkEventLoopGroup loop;
    private static DynamoDbAsyncClient client;

    private DynamORM db;
    private Table<Order> orders;
    private AsyncTable<Order> asyncOrders;

    @DynamoTable("async_failure_parity")
    record Order(@PartitionKey String customerId, @SortKey String orderId, String status) {}

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
        loop = SdkEventLoopGroup.builder().numberOfThreads(2).build();
        client =
                LocalAsyncClients.builder(local, loop)
                        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                        .build();
        try (DynamORM db = overHttp().build()) {
            db.table(Order.class).createTable();
        }
    }

    /**
     * The sync side over HTTP too, through the client DynamORM builds (it decides every retry, as
     * on the async side): the same front end answers both (the in-process client words some errors
     * differently).
     */
    private static DynamORM.Builder overHttp() {
        return DynamORM.builder()
                .endpoint(local.endpoint())
                .region(Region.of(local.region()))
                .credentialsProvider(
                        StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("akid", "secret")))
                .asyncClient(client)
                .discoverPlugins(false);
    }

    @AfterAll
    static void stop() {
        client.close();
        loop.eventLoopGroup().shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        local.close();
    }

    @BeforeEach
    void setUp() {
        db =
                overHttp()
                        // three attempts, 1 ms apart: the budget runs out quickly
                        .retryPolicy(
                                (attempts, elapsed, failure) ->
                                        attempts < 3
                                                ? Optional.of(Duration.ofMillis(1))
                                                : Optional.empty())
                        .build();
        orders = db.table(Order.class);
        asyncOrders = orders.async();
    }

    @AfterEach
    void tearDown() {
        local.faults(FaultInjection.none());
        db.close();
    }

    /**
     * The sync call throws and the async call fails its future with the same exception: type,
     * message and cause type.
     *
     * @return the async failure, for further checks
     */
    private static Throwable sameFailure(
            ThrowingCallable sync, Supplier<CompletableFuture<?>> async) {
        Throwable thrown = catchThrowable(sync);
        Throwable failed = async.get().handle((r, t) -> t).orTimeout(30, TimeUnit.SECONDS).join();
        assertThat(thrown).as("the sync call throws").isNotNull();
        assertThat(failed)
                .as("the async call fails as the sync call (%s)", thrown)
                .isExactlyInstanceOf(thrown.getClass())
                .hasMessage(thrown.getMessage());
        if (thrown.getCause() != null) {
            assertThat(failed.getCause()).isExactlyInstanceOf(thrown.getCause().getClass());
        }
        return failed;
    }

    private static Order order() {
        return new Order(UUID.randomUUID().toString(), "o1", "NEW");
    }

    /**
     * The sync call and the async call both fail with a {@link ThrottledException} naming the same
     * operation, table and model. Not the same text after that: the embedded engine's fault
     * injection words a throttle one of two ways (provisioned throughput exceeded, request rate
     * exceeded), which the ORM maps alike.
     */
    private static void bothThrottled(ThrowingCallable sync, Supplier<CompletableFuture<?>> async) {
        Throwable thrown = catchThrowable(sync);
        Throwable failed = async.get().handle((r, t) -> t).orTimeout(30, TimeUnit.SECONDS).join();
        assertThat(thrown).isExactlyInstanceOf(ThrottledException.class);
        assertThat(failed).isExactlyInstanceOf(ThrottledException.class);
        String what = thrown.getMessage().substring(0, thrown.getMessage().indexOf(" failed: "));
        assertThat(failed.getMessage()).startsWith(what + " failed: ");
    }

    @Test
    void throttlingOnEveryAttempt_failsWithThrottled_bothWays() {
        Order o = order();
        local.faults(FaultInjection.builder().throttleRate(1.0).build());
        bothThrottled(
                () -> orders.get(o.customerId(), "o1"),
                () -> asyncOrders.get(o.customerId(), "o1"));
        bothThrottled(() -> orders.put(o), () -> asyncOrders.put(o));
        bothThrottled(
                () -> orders.where("customerId", "=", o.customerId()).all(),
                () -> asyncOrders.all(asyncOrders.where("customerId", "=", o.customerId())));
        local.faults(FaultInjection.none());
        assertThat(orders.get(o.customerId(), "o1")).isEmpty();
    }

    @Test
    void unprocessedOnEveryAnswer_failsTheBatchesWithTheSameReport() {
        Order o = order();
        orders.put(o);
        Key key = Key.of(o.customerId(), "o1");
        local.faults(FaultInjection.builder().unprocessedRate(1.0).build());
        BatchGetIncompleteException read =
                (BatchGetIncompleteException)
                        sameFailure(
                                () -> orders.batchGet(List.of(key)),
                                () -> asyncOrders.batchGet(List.of(key)));
        assertThat(read.unprocessedKeys()).containsExactly(key);
        Order other = order();
        BatchWriteIncompleteException write =
                (BatchWriteIncompleteException)
                        sameFailure(
                                () -> orders.batchPut(List.of(other)),
                                () -> asyncOrders.batchPut(List.of(other)));
        assertThat(write.unwrittenPuts(Order.class)).containsExactly(other);
    }

    @Test
    void aMissingTable_failsWithTheSameException() {
        try (DynamORM prefixed = overHttp().tableNamePrefix("missing_").build()) {
            Table<Order> missing = prefixed.table(Order.class);
            Order o = order();
            sameFailure(
                    () -> missing.get(o.customerId(), "o1"),
                    () -> missing.async().get(o.customerId(), "o1"));
            sameFailure(() -> missing.put(o), () -> missing.async().put(o));
        }
    }

    @Test
    void aClosedInstance_failsWithTheSameException_beforeSending() {
        Order o = order();
        db.close();
        assertThat(sameFailure(() -> orders.put(o), () -> asyncOrders.put(o)))
                .isInstanceOf(IllegalStateException.class);
        sameFailure(
                () -> orders.get(o.customerId(), "o1"),
                () -> asyncOrders.get(o.customerId(), "o1"));
        sameFailure(() -> orders.batchPut(List.of(o)), () -> asyncOrders.batchPut(List.of(o)));
        try (DynamORM open = overHttp().build()) {
            assertThat(open.table(Order.class).get(o.customerId(), "o1")).isEmpty();
        }
    }
}
