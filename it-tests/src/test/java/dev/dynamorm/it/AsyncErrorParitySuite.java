package dev.dynamorm.it;

import static dev.dynamorm.Condition.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.dynamorm.AsyncDynamORM;
import dev.dynamorm.AsyncTable;
import dev.dynamorm.ConditionFailedException;
import dev.dynamorm.DynamORM;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.ItemAlreadyExistsException;
import dev.dynamorm.ItemNotFoundException;
import dev.dynamorm.OptimisticLockException;
import dev.dynamorm.QueryRequiresScanException;
import dev.dynamorm.Table;
import dev.dynamorm.TableNotFoundException;
import dev.dynamorm.TransactionCanceledException;
import dev.dynamorm.WriteOptions;
import dev.dynamorm.it.model.Account;
import dev.dynamorm.it.model.Order;
import dev.dynamorm.test.BackendContext;
import dev.dynamorm.test.DynamoBackend;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The same failure through the sync API and through the async view gives the same exception: each
 * test makes a call fail both ways against the same stored state (a failed call changes nothing)
 * and compares type, message and cause type. Run on every backend by the subclasses; throttling,
 * which only the embedded engine can force, is compared in the engine's {@code
 * AsyncFailureParityTest}.
 */
@DynamoBackend(models = {Order.class, Account.class})
abstract class AsyncErrorParitySuite {

    // one event loop for the class: a netty client owning its loop waits 2 s when it closes
    private static SdkEventLoopGroup loop;

    private DynamoDbAsyncClient client;
    private DynamORM db;
    private Table<Order> orders;
    private AsyncTable<Order> asyncOrders;
    private Table<Account> accounts;
    private AsyncTable<Account> asyncAccounts;
    private AsyncDynamORM async;
    private BackendContext backend;
    private DynamoDbClient raw;

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
        this.raw = raw;
        client = BackendAsyncClients.builder(backend, loop).build();
        db =
                DynamORM.builder()
                        .client(raw)
                        .asyncClient(client)
                        .tableNamePrefix(backend.tableNamePrefix())
                        .build();
        orders = db.table(Order.class);
        asyncOrders = orders.async();
        accounts = db.table(Account.class);
        asyncAccounts = accounts.async();
        async = db.async();
    }

    @AfterEach
    void tearDown() {
        db.close();
        client.close();
    }

    private static String unique() {
        return UUID.randomUUID().toString();
    }

    /** The async call's failure, as a callback on its future sees it (no CompletionException). */
    private static Throwable failureOf(CompletableFuture<?> future) {
        return future.handle((r, t) -> t).orTimeout(30, TimeUnit.SECONDS).join();
    }

    /**
     * The sync call throws and the async call fails with an exception of exactly the same type and
     * cause type.
     *
     * @return both failures: sync first
     */
    private static Throwable[] sameType(
            ThrowingCallable sync, Supplier<CompletableFuture<?>> async) {
        Throwable thrown = catchThrowable(sync);
        Throwable failed = failureOf(async.get());
        assertThat(thrown).as("the sync call throws").isNotNull();
        assertThat(failed)
                .as("the async call fails as the sync call (%s)", thrown)
                .isExactlyInstanceOf(thrown.getClass());
        if (thrown.getCause() != null) {
            assertThat(failed.getCause()).isExactlyInstanceOf(thrown.getCause().getClass());
        }
        return new Throwable[] {thrown, failed};
    }

    /** {@link #sameType} and the same message. */
    private static Throwable sameFailure(
            ThrowingCallable sync, Supplier<CompletableFuture<?>> async) {
        Throwable[] both = sameType(sync, async);
        assertThat(both[1]).hasMessage(both[0].getMessage());
        return both[1];
    }

    @Test
    void createOfAnExistingKey() {
        Order stored = Order.of(unique(), "o1", "NEW", 1);
        orders.create(stored);
        Order again = stored.withStatus("PAID");
        assertThat(sameFailure(() -> orders.create(again), () -> asyncOrders.create(again)))
                .isInstanceOf(ItemAlreadyExistsException.class);
        assertThat(orders.get(stored.customerId(), "o1")).contains(stored);
    }

    @Test
    void conditionalWriteThatFails() {
        Order stored = Order.of(unique(), "o1", "NEW", 1);
        orders.put(stored);
        WriteOptions shipped = WriteOptions.when(when("status", "=", "SHIPPED"));
        Order paid = stored.withStatus("PAID");
        Throwable failed =
                sameFailure(() -> orders.put(paid, shipped), () -> asyncOrders.put(paid, shipped));
        assertThat(failed).isExactlyInstanceOf(ConditionFailedException.class);
        assertThat(((ConditionFailedException) failed).storedModel(Order.class)).contains(stored);
        sameFailure(
                () -> orders.delete(stored, shipped), () -> asyncOrders.delete(stored, shipped));
        assertThat(orders.get(stored.customerId(), "o1")).contains(stored);
    }

    @Test
    void updateOfAMissingItem() {
        Order missing = Order.of(unique(), "none", "NEW", 1);
        assertThat(
                        sameFailure(
                                () -> orders.update(missing, u -> u.set("status", "PAID")),
                                () -> asyncOrders.update(missing, u -> u.set("status", "PAID"))))
                .isInstanceOf(ItemNotFoundException.class);
        assertThat(orders.get(missing.customerId(), "none")).isEmpty();
    }

    @Test
    void versionConflicts() {
        String id = unique();
        accounts.create(Account.of(id, 10));
        Account first = accounts.get(id).orElseThrow();
        accounts.put(first.withBalance(20));
        Account stale = first.withBalance(30);
        assertThat(sameFailure(() -> accounts.put(stale), () -> asyncAccounts.put(stale)))
                .isInstanceOf(OptimisticLockException.class);
        sameFailure(() -> accounts.delete(first), () -> asyncAccounts.delete(first));
        assertThat(accounts.get(id).orElseThrow().balance()).isEqualTo(20);
    }

    @Test
    void badInput_beforeAnythingIsSent() {
        String c = unique();
        Order o = Order.of(c, "o1", "NEW", 1);
        List<Order> duplicates = List.of(o, o.withStatus("PAID"));
        assertThat(
                        sameFailure(
                                () -> orders.batchPut(duplicates),
                                () -> asyncOrders.batchPut(duplicates)))
                .isInstanceOf(InvalidRequestException.class);
        sameFailure(() -> orders.get(null, "o1"), () -> asyncOrders.get(null, "o1"));
        sameFailure(() -> orders.put(null), () -> asyncOrders.put(null));
        Order huge = o.withNote("x".repeat(410_000));
        sameFailure(() -> orders.put(huge), () -> asyncOrders.put(huge));
        sameFailure(
                () -> orders.update(o, u -> u.set("noSuchField", 1)),
                () -> asyncOrders.update(o, u -> u.set("noSuchField", 1)));
        assertThat(orders.get(c, "o1")).isEmpty();
    }

    @Test
    void queryThatWouldScan() {
        assertThat(
                        sameFailure(
                                () -> orders.where("note", "=", "x").all(),
                                () -> asyncOrders.all(asyncOrders.where("note", "=", "x"))))
                .isInstanceOf(QueryRequiresScanException.class);
    }

    @Test
    void transactionCancelled_withTheSameReasons() {
        Assumptions.assumeTrue(
                backend.supportsTransactions(), "the backend has no TransactWriteItems");
        String c = unique();
        Order stored = Order.of(c, "o1", "NEW", 1);
        orders.create(stored);
        Order second = Order.of(c, "o2", "NEW", 2);
        Order clash = stored.withStatus("PAID");
        // the messages carry each call's own client request token: compare the reasons
        Throwable[] both =
                sameType(
                        () -> db.transaction(tx -> tx.put(second).create(clash)),
                        () -> async.transaction(tx -> tx.put(second).create(clash)));
        assertThat(both[1]).isInstanceOf(TransactionCanceledException.class);
        assertThat(((TransactionCanceledException) both[1]).reasons())
                .extracting(TransactionCanceledException.Reason::code)
                .containsExactlyElementsOf(
                        ((TransactionCanceledException) both[0])
                                .reasons().stream()
                                        .map(TransactionCanceledException.Reason::code)
                                        .toList())
                .contains(TransactionCanceledException.Code.ITEM_ALREADY_EXISTS);
        assertThat(orders.get(c, "o2")).isEmpty();
    }

    @Test
    void aTableThatDoesNotExist() {
        try (DynamORM missing =
                DynamORM.builder()
                        .client(raw)
                        .asyncClient(client)
                        .tableNamePrefix(backend.tableNamePrefix() + "missing_")
                        .build()) {
            Table<Order> table = missing.table(Order.class);
            Order o = Order.of(unique(), "o1", "NEW", 1);
            assertThat(
                            sameFailure(
                                    () -> table.get(o.customerId(), "o1"),
                                    () -> table.async().get(o.customerId(), "o1")))
                    .isInstanceOf(TableNotFoundException.class);
            sameFailure(() -> table.put(o), () -> table.async().put(o));
        }
    }
}
