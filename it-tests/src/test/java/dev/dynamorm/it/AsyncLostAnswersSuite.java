package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.AsyncTable;
import dev.dynamorm.BatchWriteIncompleteException;
import dev.dynamorm.DynamORM;
import dev.dynamorm.OutcomeUnknownException;
import dev.dynamorm.RetryPolicy;
import dev.dynamorm.Table;
import dev.dynamorm.it.model.Account;
import dev.dynamorm.it.model.Order;
import dev.dynamorm.test.BackendContext;
import dev.dynamorm.test.DynamoBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@link LostAnswersSuite}'s rules through the async view: the async client talks to the backend
 * through a {@link DroppingProxy} that drops answers after the backend applied the request, and the
 * outcomes are the sync API's — a versioned write recognises its own earlier attempt, a write that
 * cannot be resent fails the future with {@link OutcomeUnknownException}, a batch reports lost
 * writes as of unknown outcome. The sync client (direct to the backend) checks what is stored.
 */
@DynamoBackend(models = {Account.class, Order.class})
abstract class AsyncLostAnswersSuite {

    private static final RetryPolicy FAST =
            (attempts, elapsed, failure) ->
                    attempts >= 40 ? Optional.empty() : Optional.of(Duration.ofMillis(1));

    // one event loop for the class: a Netty client that owns its loop waits Netty's 2 s quiet
    // period when it closes, which each test paid
    private static SdkEventLoopGroup loop;

    private DroppingProxy proxy;
    private DynamoDbAsyncClient client;
    private DynamORM db;
    private BackendContext backend;
    private Table<Order> syncOrders;
    private AsyncTable<Order> orders;
    private AsyncTable<Account> accounts;

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
        this.backend = backend;
        this.proxy = DroppingProxy.start(backend.endpoint(), 0.1, 20261206L);
        this.client =
                DynamoDbAsyncClient.builder()
                        .endpointOverride(proxy.endpoint())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("a", "b")))
                        .httpClientBuilder(NettyNioAsyncHttpClient.builder().eventLoopGroup(loop))
                        // DynamORM decides every retry, as with the clients it builds
                        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                        .build();
        this.db =
                DynamORM.builder()
                        .client(raw)
                        .asyncClient(client)
                        .tableNamePrefix(backend.tableNamePrefix())
                        .retryPolicy(FAST)
                        .build();
        this.syncOrders = db.table(Order.class);
        this.orders = syncOrders.async();
        this.accounts = db.table(Account.class).async();
    }

    @AfterEach
    void tearDown() {
        db.close();
        client.close();
        proxy.close();
    }

    private static <T> T await(CompletableFuture<T> future) {
        return future.orTimeout(60, TimeUnit.SECONDS).join();
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        return future.handle((r, t) -> t).orTimeout(60, TimeUnit.SECONDS).join();
    }

    @Test
    void versionedReadModifyPut_underDroppedAnswers_recognisesItsOwnWrite() {
        String id = UUID.randomUUID().toString();
        proxy.dropRate(0);
        await(accounts.create(Account.of(id, 0)));
        proxy.dropRate(0.1);
        int rounds = 150;
        for (int i = 0; i < rounds; i++) {
            Account current = await(accounts.get(id)).orElseThrow();
            await(accounts.put(current.withBalance(current.balance() + 1)));
        }
        System.out.printf(
                "[lost answers, async, %s] versioned read-modify-put x%d: %d of %d answers"
                        + " dropped%n",
                backend.backend(), rounds, proxy.dropped(), proxy.forwarded());
        assertThat(proxy.dropped()).as("answers dropped").isPositive();
        proxy.dropRate(0);
        Account stored = db.table(Account.class).get(id).orElseThrow();
        assertThat(stored.balance()).isEqualTo(rounds);
        assertThat(stored.version()).isEqualTo(rounds + 1);
    }

    @Test
    void increment_whoseAnswerIsLost_failsTheFutureWithOutcomeUnknown_andIsSentOnce() {
        Order order = Order.of(UUID.randomUUID().toString(), "o1", "NEW", 0);
        syncOrders.put(order);
        proxy.dropRate(1);
        Throwable failure = failureOf(orders.update(order, u -> u.increment("totalCents", 5)));
        assertThat(failure)
                .isExactlyInstanceOf(OutcomeUnknownException.class)
                .hasMessageStartingWith(
                        "update on table '"
                                + syncOrders.tableName()
                                + "' (model dev.dynamorm.it.model.Order) of key")
                .hasMessageContaining("the outcome is unknown")
                .hasMessageContaining("was not sent again");
        proxy.dropRate(0);
        assertThat(syncOrders.get(order.customerId(), "o1").orElseThrow().totalCents())
                .isEqualTo(5);
    }

    @Test
    void batchWrite_whoseAnswersAreLost_reportsOutcomeUnknown_notUnwritten() {
        String customer = UUID.randomUUID().toString();
        List<Order> items = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            items.add(Order.of(customer, "o" + i, "NEW", i));
        }
        proxy.dropRate(1);
        Throwable failure = failureOf(orders.batchPut(items));
        assertThat(failure)
                .isInstanceOfSatisfying(
                        BatchWriteIncompleteException.class,
                        e -> {
                            assertThat(e.unwrittenPuts(Order.class)).isEmpty();
                            assertThat(e.unknownPuts(Order.class))
                                    .containsExactlyInAnyOrderElementsOf(items);
                        })
                .hasMessageContaining("left 0 of 30 operations unwritten")
                .hasMessageContaining(
                        "30 of unknown outcome (sent, answer lost: they may be stored)");
        proxy.dropRate(0);
        assertThat(syncOrders.where("customerId", "=", customer).all()).hasSize(30);
    }
}
