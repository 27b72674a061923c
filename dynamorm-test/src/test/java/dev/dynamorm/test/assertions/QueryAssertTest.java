package dev.dynamorm.test.assertions;

import static dev.dynamorm.test.assertions.DynamoAssertions.assertThatQuery;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.SortOrder;
import dev.dynamorm.Table;
import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;
import dev.dynamorm.test.KitOrder;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Assertions on what a query compiles to, read from the engine's explain plan without sending
 * anything; failures show the plan.
 */
@DynamoBackend(value = Backend.EMBEDDED, models = KitOrder.class)
final class QueryAssertTest {

    private static final Instant SINCE = Instant.parse("2026-01-01T00:00:00Z");

    private Table<KitOrder> orders;

    @BeforeEach
    void table(DynamORM db) {
        orders = db.table(KitOrder.class);
    }

    @Test
    void indexQuery_passesEveryMatchingAssertion() {
        assertThatQuery(
                        orders.where("status", "=", KitOrder.Status.PAID)
                                .where("createdAt", ">", SINCE)
                                .orderBy(SortOrder.DESC)
                                .limit(5))
                .isQuery()
                .onTable("orders")
                .usesIndex("by-status")
                .hasKeyCondition("status = 'PAID' AND createdAt > '2026-01-01T00:00:00.000000000Z'")
                .hasNoFilter()
                .hasOrder(SortOrder.DESC);
    }

    @Test
    void tableQuery_withFilterAndProjection() {
        assertThatQuery(
                        orders.where("customerId", "=", "c-1")
                                .where("totalCents", ">", 100)
                                .select("orderId", "totalCents")
                                .consistentRead())
                .isQuery()
                .usesTable()
                .hasKeyCondition("customerId   =   'c-1'")
                .hasFilter("totalCents > 100")
                .hasFilterContaining("> 100")
                .hasProjection("orderId, totalCents, customerId")
                .isConsistentRead()
                .hasOrder(SortOrder.ASC);
    }

    @Test
    void fullKey_isAGet() {
        assertThatQuery(orders.where("customerId", "=", "c-1").where("orderId", "=", "o-1"))
                .isGet()
                .hasKeyCondition("customerId = 'c-1' AND orderId = 'o-1'");
    }

    @Test
    void noKey_requiresAScan_unlessAllowed() {
        assertThatQuery(orders.query().where("totalCents", ">", 100)).requiresScan();
        assertThatQuery(orders.query().where("totalCents", ">", 100).allowScan())
                .isScan()
                .hasFilter("totalCents > 100");
    }

    @Test
    void wrongIndex_failsWithThePlan() {
        assertThatThrownBy(
                        () ->
                                assertThatQuery(orders.where("customerId", "=", "c-1"))
                                        .usesIndex("by-status"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith(
                        "expected the query to use index 'by-status' but it reads the table itself\n"
                                + "plan:\nQUERY on table '")
                .hasMessageContaining("key condition: #n0 = :v0")
                .hasMessageContaining("values: {:v0=AttributeValue(S=c-1)}");
    }

    @Test
    void wrongKeyCondition_showsBothRenderedAndTheRawExpression() {
        assertThatThrownBy(
                        () ->
                                assertThatQuery(orders.where("customerId", "=", "c-1"))
                                        .hasKeyCondition("customerId = 'c-2'"))
                .hasMessageStartingWith(
                        "expected the key condition to be\n  [customerId = 'c-2']\nbut it is\n"
                                + "  [customerId = 'c-1']\n(raw: #n0 = :v0)");
    }

    @Test
    void unexpectedFilterAndOperation_fail() {
        assertThatThrownBy(
                        () ->
                                assertThatQuery(
                                                orders.where("customerId", "=", "c-1")
                                                        .where("totalCents", ">", 1))
                                        .hasNoFilter())
                .hasMessageStartingWith(
                        "expected no filter but the query filters [totalCents > 1]");
        assertThatThrownBy(() -> assertThatQuery(orders.where("customerId", "=", "c-1")).isGet())
                .hasMessageStartingWith("expected a GET but the query is a QUERY");
        assertThatThrownBy(
                        () ->
                                assertThatQuery(orders.where("customerId", "=", "c-1"))
                                        .requiresScan())
                .hasMessageStartingWith(
                        "expected the query to require a scan but it compiles to a QUERY");
    }

    @Test
    void queryThatCannotCompile_failsWithTheReason() {
        assertThatThrownBy(
                        () -> assertThatQuery(orders.query().where("totalCents", ">", 1)).isScan())
                .hasMessageStartingWith(
                        "expected the query to compile, but explain() failed with"
                                + " QueryRequiresScanException: query on model dev.dynamorm.test.KitOrder needs a partition key");
        assertThatThrownBy(() -> assertThatQuery(orders.where("nope", "=", 1)).isQuery())
                .hasMessageContaining("explain() failed with UnknownFieldException");
    }
}
