package dev.dynamorm.test.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.dynamorm.BatchWriteResult;
import dev.dynamorm.Condition;
import dev.dynamorm.ConditionFailedException;
import dev.dynamorm.DynamORM;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Key;
import dev.dynamorm.ModelDefinitionException;
import dev.dynamorm.Operation;
import dev.dynamorm.Page;
import dev.dynamorm.Query;
import dev.dynamorm.SortOrder;
import dev.dynamorm.Table;
import dev.dynamorm.ThrottledException;
import dev.dynamorm.TransactionResult;
import dev.dynamorm.WriteOptions;
import dev.dynamorm.test.KitOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * MockDB answers programmed calls, records every call, and fails unexpected ones with a diff
 * against the nearest expectation; operations it does not mock say so.
 */
final class MockDBTest {

    static final KitOrder PAID =
            new KitOrder(
                    "c-1",
                    "o-1",
                    KitOrder.Status.PAID,
                    Instant.parse("2026-01-05T10:00:00Z"),
                    1250,
                    null,
                    null);
    static final KitOrder NEW =
            new KitOrder(
                    "c-1",
                    "o-2",
                    KitOrder.Status.NEW,
                    Instant.parse("2026-01-06T10:00:00Z"),
                    300,
                    null,
                    null);

    private MockDB db;
    private Table<KitOrder> orders;

    @BeforeEach
    void setUp() {
        db = MockDB.create();
        orders = db.table(KitOrder.class);
    }

    @Test
    void query_returnsItemsToEveryRead() {
        Query<KitOrder> paid = orders.where("status", "=", KitOrder.Status.PAID).limit(10);
        db.expect(paid).returns(PAID, NEW).anyTimes();

        Query<KitOrder> same = orders.where("status", "=", KitOrder.Status.PAID).limit(10);
        assertThat(same.all()).containsExactly(PAID, NEW);
        assertThat(same.first()).contains(PAID);
        assertThat(same.count()).isEqualTo(2);
        assertThat(same.page()).isEqualTo(new Page<>(List.of(PAID, NEW), null, 2));
        assertThat(same.stream().collect(Collectors.toList())).containsExactly(PAID, NEW);
        assertThat(same.scan()).containsExactly(PAID, NEW);
        assertThat(same.parallelScan(4)).containsExactly(PAID, NEW);
        db.verifyAllExpectationsMet();
    }

    @Test
    void query_numbersMatchByValue_andPagesAndCountsAnswerOnlyTheirCall() {
        db.expect(orders.where("customerId", "=", "c-1").where("totalCents", ">", 100L))
                .returnsCount(5);
        db.expect(orders.where("customerId", "=", "c-1"))
                .returnsPage(new Page<>(List.of(PAID), "next", 7));

        assertThat(orders.where("customerId", "=", "c-1").where("totalCents", ">", 100).count())
                .isEqualTo(5);
        assertThat(orders.where("customerId", "=", "c-1").page().cursor()).isEqualTo("next");
        assertThatThrownBy(() -> orders.where("customerId", "=", "c-1").all())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("  - call: page()\n  + call: all()");
    }

    @Test
    void query_afterTheLastPagesNullCursor_failsAsTheEngineDoes() {
        assertThatThrownBy(() -> orders.where("customerId", "=", "c-1").after(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage(
                        "after(null): the last page has no cursor (check Page.hasNext()); to start"
                                + " from the first page, leave after(..) out");
    }

    @Test
    void query_failsWithTheProgrammedException() {
        ThrottledException throttled =
                new ThrottledException("throttled", Operation.QUERY, KitOrder.class, null);
        db.expect(orders.where("status", "=", KitOrder.Status.NEW)).fails(throttled);

        assertThat(catchThrowable(() -> orders.where("status", "=", KitOrder.Status.NEW).all()))
                .isSameAs(throttled);
        db.verifyAllExpectationsMet();
    }

    @Test
    void query_updatesAndDeletesByKey() {
        Query<KitOrder> one = orders.where("customerId", "=", "c-1").where("orderId", "=", "o-1");
        db.expect(one)
                .updates(
                        u ->
                                u.set("status", KitOrder.Status.SHIPPED)
                                        .increment("totalCents", 5)
                                        .when("status", "=", KitOrder.Status.PAID))
                .succeeds();
        db.expect(one).deletes().succeeds();

        one.update(
                u ->
                        u.set("status", KitOrder.Status.SHIPPED)
                                .increment("totalCents", 5L)
                                .when("status", "=", KitOrder.Status.PAID));
        one.delete();
        db.verifyAllExpectationsMet();
    }

    @Test
    void builders_rejectWhatTheRealOnesReject_withTheSameMessages() {
        Query<KitOrder> one = orders.where("customerId", "=", "c-1").where("orderId", "=", "o-1");
        db.expect(one).updates(u -> u.set("status", KitOrder.Status.SHIPPED)).succeeds().anyTimes();

        assertThatThrownBy(() -> one.update(u -> u.increment("totalCents", null)))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("amount");
        assertThatThrownBy(() -> one.update(u -> u.add((String) null, 1)))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("field");
        assertThatThrownBy(() -> one.update(u -> u.or(Condition.when("status", "=", "NEW"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "or(...) combines with the conditions given before it, but there are none: start with "
                                + "when(...)");
        assertThatThrownBy(() -> orders.query().or("status", "=", "NEW"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "or(..) needs a condition before it: start with where(..) or filter(..)");
    }

    @Test
    void tableOperations_answerWithDefaultsOrProgrammedResults() {
        db.expect(orders).get("c-1", "o-1").returns(Optional.of(PAID));
        db.expect(orders).get(Key.of("c-1", "o-9")).succeeds();
        db.expect(orders).create(NEW).succeeds();
        db.expect(orders)
                .put(PAID, WriteOptions.when(Condition.when("status", "=", "NEW")))
                .fails(
                        new ConditionFailedException(
                                "status is not NEW",
                                Operation.PUT,
                                KitOrder.class,
                                Map.of(),
                                null,
                                null));
        db.expect(orders).update(PAID, "status").succeeds();
        db.expect(orders).update(PAID, u -> u.remove("items")).succeeds();
        db.expect(orders).delete(Key.of("c-1", "o-2")).succeeds();
        db.expect(orders).batchPut(List.of(PAID, NEW)).succeeds();
        KitOrder shipped =
                new KitOrder(
                        "c-1", "o-1", KitOrder.Status.SHIPPED, PAID.createdAt(), 1250, null, null);
        db.expect(orders).updateChanged(PAID, shipped).succeeds();

        assertThat(orders.get(Key.of("c-1", "o-1"))).contains(PAID);
        assertThat(orders.get("c-1", "o-9")).isEmpty();
        assertThat(orders.create(NEW).written()).contains(NEW);
        assertThatThrownBy(
                        () ->
                                orders.put(
                                        PAID,
                                        WriteOptions.when(Condition.when("status", "=", "NEW"))))
                .isInstanceOf(ConditionFailedException.class);
        assertThat(orders.update(PAID, "status").written()).contains(PAID);
        assertThat(orders.update(PAID, u -> u.remove("items")).written()).contains(PAID);
        assertThat(orders.delete(Key.of("c-1", "o-2")).written()).isEmpty();
        BatchWriteResult<KitOrder> batch = orders.batchPut(List.of(PAID, NEW));
        assertThat(batch.written()).isEqualTo(2);
        assertThat(batch.complete()).isTrue();
        assertThat(orders.updateChanged(PAID, shipped).written()).contains(shipped);
        db.verifyAllExpectationsMet();
        assertThat(db.calls())
                .extracting(MockCall::operation)
                .containsExactly(
                        "get",
                        "get",
                        "create",
                        "put",
                        "update",
                        "update",
                        "delete",
                        "batchWrite",
                        "updateChanged");
    }

    @Test
    void transactions_matchTheirActionsInOrder() {
        db.expectTransaction(
                        tx ->
                                tx.create(NEW)
                                        .update(PAID, u -> u.set("status", KitOrder.Status.SHIPPED))
                                        .delete(KitOrder.class, Key.of("c-2", "o-3")))
                .succeeds();

        TransactionResult result =
                db.transaction(
                        tx ->
                                tx.clientRequestToken("token-1")
                                        .create(NEW)
                                        .update(PAID, u -> u.set("status", KitOrder.Status.SHIPPED))
                                        .delete(KitOrder.class, Key.of("c-2", "o-3")));

        assertThat(result.clientRequestToken()).isEqualTo("token-1");
        assertThat(result.written(0, KitOrder.class)).contains(NEW);
        assertThat(result.written(2, KitOrder.class)).isEmpty();
        assertThatThrownBy(() -> db.transaction(tx -> tx.delete(NEW)))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith(
                        "unexpected call on MockDB:\n  transaction transaction [delete: "
                                + NEW
                                + "]");
    }

    @Test
    void unexpectedCall_failsWithADiffAgainstTheNearestExpectation() {
        db.expect(orders).put(PAID).succeeds();
        int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
        db.expect(
                        orders.where("status", "=", KitOrder.Status.PAID)
                                .orderBy(SortOrder.DESC)
                                .limit(5))
                .returns(PAID);

        Throwable e =
                catchThrowable(
                        () ->
                                orders.where("status", "=", KitOrder.Status.SHIPPED)
                                        .orderBy(SortOrder.DESC)
                                        .limit(5)
                                        .all());

        assertThat(e)
                .isInstanceOf(AssertionError.class)
                .hasMessage(
                        "unexpected call on MockDB:\n"
                                + "  orders query [where: status = SHIPPED, orderBy: DESC, limit: 5] all()\n"
                                + "nearest expectation (programmed at MockDBTest.unexpectedCall_failsWithADiffAgainstTheNearestExpectation"
                                + "(MockDBTest.java:"
                                + line
                                + ")):\n"
                                + "  orders query [where: status = PAID, orderBy: DESC, limit: 5] any read\n"
                                + "difference (- expected, + actual):\n"
                                + "    table: orders\n"
                                + "    operation: query\n"
                                + "  - where: status = PAID\n"
                                + "  + where: status = SHIPPED\n"
                                + "    orderBy: DESC\n"
                                + "    limit: 5\n"
                                + "    call: all()");
    }

    @Test
    void unexpectedWrite_showsTheItemThatDiffers() {
        db.expect(orders).put(PAID).succeeds();

        assertThatThrownBy(() -> orders.put(NEW))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(
                        "difference (- expected, + actual):\n    table: orders\n    operation: put\n"
                                + "  - item: "
                                + PAID
                                + "\n  + item: "
                                + NEW);
    }

    @Test
    void callsBeyondTheProgrammedTimes_areUnexpected() {
        db.expect(orders).get("c-1", "o-1").returns(Optional.of(PAID)).times(2);

        orders.get("c-1", "o-1");
        orders.get("c-1", "o-1");
        assertThatThrownBy(() -> orders.get("c-1", "o-1"))
                .hasMessageStartingWith(
                        "unexpected call on MockDB:\n  orders get [key: Key[c-1, o-1]]\nit matches the"
                                + " expectation programmed at MockDBTest.callsBeyondTheProgrammedTimes_areUnexpected(MockDBTest.java:")
                .hasMessageEndingWith(
                        ", which was already called 2 times: program it with .times(n) or .anyTimes() to"
                                + " allow more calls");
    }

    @Test
    void noExpectations_saySo() {
        assertThatThrownBy(() -> orders.get("c-1", "o-1"))
                .hasMessage(
                        "unexpected call on MockDB:\n  orders get [key: Key[c-1, o-1]]\nno expectations are"
                                + " programmed: program one with db.expect(...)");
    }

    @Test
    void verify_listsUnmetExpectationsSwallowedUnexpectedCallsAndTheCalls() {
        db.expect(orders).get("c-1", "o-1").returns(Optional.of(PAID));
        db.expect(orders).delete(PAID).succeeds().times(2);
        db.expect(orders.where("status", "=", KitOrder.Status.NEW)).returns(List.of()).anyTimes();
        orders.delete(PAID);
        try {
            orders.put(NEW);
        } catch (AssertionError swallowed) {
            // the code under test swallowed it: verify still reports it
        }

        assertThatThrownBy(db::verifyAllExpectationsMet)
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith(
                        "MockDB expectations not met\nexpected but not (or not often enough) called:\n"
                                + "  - orders get [key: Key[c-1, o-1]]\n      programmed at MockDBTest.verify_")
                .hasMessageContaining(
                        ": expected 1 call, got 0\n  - orders delete [item: " + PAID + "]\n")
                .hasMessageContaining(
                        ": expected 2 calls, got 1\nunexpected calls:\n  - unexpected call on MockDB:\n"
                                + "      orders put [item: "
                                + NEW
                                + "]")
                .hasMessageEndingWith(
                        "calls received:\n  0: orders delete [item: "
                                + PAID
                                + "]\n  1: orders put [item: "
                                + NEW
                                + "]");

        db.reset();
        db.verifyAllExpectationsMet();
        assertThat(db.calls()).isEmpty();
    }

    @Test
    void notMockedOperations_sayWhatToDoInstead() {
        assertThatThrownBy(() -> orders.createTable())
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage(
                        "not mocked: MockDB does not implement Table.createTable() (tables exist only on real"
                                + " backends: test table management with @DynamoBackend)");
        assertThatThrownBy(() -> orders.where("status", "=", "PAID").explain())
                .hasMessageStartingWith(
                        "not mocked: MockDB does not implement Query.explain() (the plan comes from the"
                                + " engine");
        assertThatThrownBy(db::client)
                .hasMessageStartingWith("not mocked: MockDB does not implement DynamORM.client()");
        assertThatThrownBy(db::batchWriter)
                .hasMessageStartingWith(
                        "not mocked: MockDB does not implement" + " DynamORM.batchWriter()");
        assertThatThrownBy(() -> orders.toItem(PAID))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(db.plugins()).isEmpty();
        assertThat(db.statistics()).isEmpty();
    }

    @Test
    void misuse_failsWithAClearMessage() {
        assertThatThrownBy(() -> db.table(String.class))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessage(
                        "java.lang.String is not a model: annotate it with @DynamoTable(\"table-name\"),"
                                + " or permit it from a sealed entity family annotated with it");
        Table<KitOrder> foreign = MockDB.create().table(KitOrder.class);
        assertThatThrownBy(() -> db.expect(foreign.where("status", "=", "PAID")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("expect(query) takes a query of this MockDB's tables");
        assertThatThrownBy(() -> db.expect(foreign))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("expect(table) takes a table of this MockDB");
        assertThatThrownBy(() -> db.expect(orders).get("c").returns(Optional.empty()).times(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "times(n) needs n of at least 1, got 0: to check a call never happens, program no"
                                + " expectation for it");
        assertThatThrownBy(
                        () ->
                                db.transaction(
                                        tx -> {
                                            for (int i = 0; i <= 100; i++) {
                                                tx.create(PAID);
                                            }
                                        }))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "a transaction holds at most 100 actions: split it, or use a batch when atomicity is not"
                                + " needed");
    }

    @Test
    void isADynamOrm_soServicesTakeIt() {
        DynamORM asApi = db;
        assertThat(asApi.table(KitOrder.class)).isSameAs(orders);
        assertThat(orders.tableName()).isEqualTo("orders");
        assertThat(orders.modelType()).isEqualTo(KitOrder.class);
        asApi.close();
    }
}
