package dev.dynamorm.it;

import static dev.dynamorm.Condition.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dynamorm.DynamORM;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Key;
import dev.dynamorm.Operation;
import dev.dynamorm.Table;
import dev.dynamorm.TransactionCanceledException;
import dev.dynamorm.TransactionCanceledException.Code;
import dev.dynamorm.TransactionReadResult;
import dev.dynamorm.TransactionResult;
import dev.dynamorm.it.model.Account;
import dev.dynamorm.it.model.Customer;
import dev.dynamorm.it.model.Order;
import dev.dynamorm.test.BackendContext;
import dev.dynamorm.test.DynamoBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Atomic write and read transactions; skipped on backends without transactions (dynalite). */
@DynamoBackend(models = {Account.class, Order.class, Customer.class})
abstract class TransactionSuite {

    private DynamORM db;
    private Table<Account> accounts;
    private Table<Order> orders;
    private Table<Customer> customers;

    @BeforeEach
    void setUp(DynamORM db, BackendContext backend) {
        assumeTrue(
                backend.supportsTransactions(),
                backend.backend() + " has no TransactWriteItems/TransactGetItems");
        this.db = db;
        this.accounts = db.table(Account.class);
        this.orders = db.table(Order.class);
        this.customers = db.table(Customer.class);
    }

    private static String unique() {
        return UUID.randomUUID().toString();
    }

    @Test
    void transaction_appliesEveryActionAcrossModels_andReturnsWrittenItems() {
        String c = unique();
        Account existing = accounts.create(Account.of(c, 10)).written().orElseThrow();
        orders.create(Order.of(c, "gone", "NEW", 1));
        orders.create(Order.of(c, "change", "NEW", 1));
        customers.create(new Customer(c, "Ada", "a@x", 30));
        TransactionResult result =
                db.transaction(
                        tx ->
                                tx.create(Order.of(c, "new", "NEW", 5))
                                        .update(existing, u -> u.increment("balance", 5))
                                        .update(Order.of(c, "change", "PAID", 1), "status")
                                        .delete(Order.of(c, "gone", "NEW", 1))
                                        .conditionCheck(
                                                new Customer(c, null, null, 0),
                                                when("age", ">=", 18))
                                        .clientRequestToken("tx-" + c.substring(0, 20)));
        assertThat(result.clientRequestToken()).isEqualTo("tx-" + c.substring(0, 20));
        assertThat(result.written(1, Account.class).orElseThrow().version()).isEqualTo(2);
        assertThat(result.written(3, Order.class)).isEmpty();
        assertThat(orders.get(c, "new")).isPresent();
        assertThat(orders.get(c, "change").orElseThrow().status()).isEqualTo("PAID");
        assertThat(orders.get(c, "gone")).isEmpty();
        Account now = accounts.get(c).orElseThrow();
        assertThat(now.balance()).isEqualTo(15);
        assertThat(now.version()).isEqualTo(2);
    }

    @Test
    void transaction_failingLastCondition_leavesEarlierActionsUnapplied_andNamesEachAction() {
        String c = unique();
        customers.create(new Customer(c, "Kid", "k@x", 12));
        assertThatThrownBy(
                        () ->
                                db.transaction(
                                        tx ->
                                                tx.create(Account.of(c, 1))
                                                        .put(Order.of(c, "o1", "NEW", 1))
                                                        .conditionCheck(
                                                                customers.get(c).orElseThrow(),
                                                                when("age", ">=", 18))))
                .isInstanceOfSatisfying(
                        TransactionCanceledException.class,
                        e -> {
                            assertThat(e.isRetryable()).isFalse();
                            assertThat(e.operation()).contains(Operation.TRANSACT_WRITE);
                            assertThat(e.reasons())
                                    .extracting(TransactionCanceledException.Reason::code)
                                    .containsExactly(Code.NONE, Code.NONE, Code.CONDITION_FAILED);
                            TransactionCanceledException.Reason failed = e.failures().get(0);
                            assertThat(failed.index()).isEqualTo(2);
                            assertThat(failed.operation()).isEqualTo(Operation.CONDITION_CHECK);
                            assertThat(e.reasons())
                                    .extracting(TransactionCanceledException.Reason::operation)
                                    .containsExactly(
                                            Operation.CREATE,
                                            Operation.PUT,
                                            Operation.CONDITION_CHECK);
                            assertThat(failed.modelType()).isEqualTo(Customer.class);
                            assertThat(failed.tableName()).isEqualTo(customers.tableName());
                            assertThat(failed.key())
                                    .isEqualTo(Map.of("id", AttributeValue.fromS(c)));
                            assertThat(failed.storedModel(Customer.class).orElseThrow().age())
                                    .isEqualTo(12);
                            assertThat(e.getMessage())
                                    .startsWith(
                                            "transaction of 3 actions was cancelled and nothing was "
                                                    + "applied: #2 condition_check Customer");
                        });
        assertThat(accounts.get(c)).isEmpty();
        assertThat(orders.get(c, "o1")).isEmpty();
    }

    @Test
    void transaction_reasons_tellExistsNotFoundAndVersionConflict() {
        String c = unique();
        Account v1 = accounts.create(Account.of(c, 1)).written().orElseThrow();
        accounts.put(v1.withBalance(2));
        orders.create(Order.of(c, "o1", "NEW", 1));
        assertThatThrownBy(
                        () ->
                                db.transaction(
                                        tx ->
                                                tx.update(v1.withNote("stale"), "note")
                                                        .create(Order.of(c, "o1", "NEW", 1))
                                                        .update(
                                                                Order.of(c, "missing", "NEW", 1),
                                                                "status")))
                .isInstanceOfSatisfying(
                        TransactionCanceledException.class,
                        e -> {
                            assertThat(e.reasons())
                                    .extracting(TransactionCanceledException.Reason::code)
                                    .containsExactly(
                                            Code.VERSION_CONFLICT,
                                            Code.ITEM_ALREADY_EXISTS,
                                            Code.ITEM_NOT_FOUND);
                            assertThat(
                                            e.reasons()
                                                    .get(0)
                                                    .storedModel(Account.class)
                                                    .orElseThrow()
                                                    .version())
                                    .isEqualTo(2);
                        });
        assertThat(accounts.get(c).orElseThrow().note()).isEqualTo("n");
    }

    @Test
    void transaction_sameClientRequestToken_appliesOnce() {
        String c = unique();
        orders.create(Order.of(c, "o1", "NEW", 0));
        String token = "once-" + c.substring(0, 30);
        for (int i = 0; i < 3; i++) {
            TransactionResult r =
                    db.transaction(
                            tx ->
                                    tx.update(
                                                    Order.class,
                                                    Key.of(c, "o1"),
                                                    u -> u.increment("totalCents", 10))
                                            .clientRequestToken(token));
            assertThat(r.clientRequestToken()).isEqualTo(token);
        }
        assertThat(orders.get(c, "o1").orElseThrow().totalCents()).isEqualTo(10);
        // the same token with another request is refused, not applied
        assertThatThrownBy(
                        () ->
                                db.transaction(
                                        tx ->
                                                tx.update(
                                                                Order.class,
                                                                Key.of(c, "o1"),
                                                                u -> u.increment("totalCents", 99))
                                                        .clientRequestToken(token)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("use a new token");
        assertThat(orders.get(c, "o1").orElseThrow().totalCents()).isEqualTo(10);
    }

    @Test
    void transaction_limits_failBeforeSending() {
        String c = unique();
        assertThatThrownBy(
                        () ->
                                db.transaction(
                                        tx -> {
                                            for (int i = 0; i < 101; i++) {
                                                tx.create(Order.of(c, "o" + i, "NEW", i));
                                            }
                                        }))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "a transaction holds at most 100 actions (DynamoDB's limit); action 101 (create on table '"
                                + orders.tableName()
                                + "') is one too many: split the work into several transactions");
        assertThatThrownBy(
                        () ->
                                db.transaction(
                                        tx ->
                                                tx.create(Order.of(c, "o1", "NEW", 1))
                                                        .delete(Order.of(c, "o1", "NEW", 1))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(
                        "actions #0 and #1 both touch key {customerId='" + c + "', orderId='o1'}");
        assertThatThrownBy(() -> db.transaction(tx -> tx.clientRequestToken("x".repeat(37))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(orders.where("customerId", "=", c).all()).isEmpty();
        TransactionResult hundred =
                db.transaction(
                        tx -> {
                            for (int i = 0; i < 100; i++) {
                                tx.create(Order.of(c, "o" + i, "NEW", i));
                            }
                        });
        assertThat(hundred.written()).hasSize(100);
        assertThat(orders.where("customerId", "=", c).all()).hasSize(100);
    }

    @Test
    void readTransaction_returnsTypedItemsInOrder() {
        String c = unique();
        accounts.create(Account.of(c, 7));
        orders.create(Order.of(c, "o1", "NEW", 3));
        TransactionReadResult read =
                db.readTransaction(
                        rtx ->
                                rtx.get(Account.class, Key.of(c))
                                        .get(Order.class, Key.of(c, "o1"))
                                        .get(Order.class, Key.of(c, "none")));
        assertThat(read.size()).isEqualTo(3);
        assertThat(read.get(0, Account.class).orElseThrow().balance()).isEqualTo(7);
        assertThat(read.get(1, Order.class).orElseThrow().totalCents()).isEqualTo(3);
        assertThat(read.get(2, Order.class)).isEmpty();
    }

    @Test
    void concurrentTransactions_onOverlappingItems_neverLeaveHalfAppliedState() throws Exception {
        String a = unique();
        String b = unique();
        accounts.create(Account.of(a, 0));
        accounts.create(Account.of(b, 0));
        int threads = 4;
        int perThread = 10;
        AtomicBoolean done = new AtomicBoolean();
        List<String> torn = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            Future<?> reader =
                    pool.submit(
                            () -> {
                                while (!done.get()) {
                                    try {
                                        TransactionReadResult r =
                                                db.readTransaction(
                                                        rtx ->
                                                                rtx.get(Account.class, Key.of(a))
                                                                        .get(
                                                                                Account.class,
                                                                                Key.of(b)));
                                        long x = r.get(0, Account.class).orElseThrow().balance();
                                        long y = r.get(1, Account.class).orElseThrow().balance();
                                        if (x != y) {
                                            torn.add(x + " != " + y);
                                        }
                                    } catch (TransactionCanceledException conflict) {
                                        // a read may be cancelled by a concurrent write: try again
                                    }
                                }
                            });
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                writers.add(
                        pool.submit(
                                () -> {
                                    for (int i = 0; i < perThread; i++) {
                                        while (true) {
                                            try {
                                                db.transaction(
                                                        tx ->
                                                                tx.update(
                                                                                Account.class,
                                                                                Key.of(a),
                                                                                u ->
                                                                                        u.increment(
                                                                                                "balance"))
                                                                        .update(
                                                                                Account.class,
                                                                                Key.of(b),
                                                                                u ->
                                                                                        u.increment(
                                                                                                "balance")));
                                                break;
                                            } catch (TransactionCanceledException e) {
                                                assertThat(e.isRetryable()).isTrue();
                                            }
                                        }
                                    }
                                }));
            }
            for (Future<?> w : writers) {
                w.get(2, TimeUnit.MINUTES);
            }
            done.set(true);
            reader.get(1, TimeUnit.MINUTES);
        } finally {
            done.set(true);
            pool.shutdownNow();
        }
        assertThat(torn).isEmpty();
        assertThat(accounts.get(a).orElseThrow().balance()).isEqualTo(threads * perThread);
        assertThat(accounts.get(b).orElseThrow().balance()).isEqualTo(threads * perThread);
    }
}
