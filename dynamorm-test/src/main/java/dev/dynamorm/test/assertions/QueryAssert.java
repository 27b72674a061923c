package dev.dynamorm.test.assertions;

import dev.dynamorm.Operation;
import dev.dynamorm.Query;
import dev.dynamorm.QueryPlan;
import dev.dynamorm.QueryRequiresScanException;
import dev.dynamorm.SortOrder;
import java.util.Objects;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on what a query compiles to, read from its {@link Query#explain() explain
 * plan} without sending anything. Start with {@link DynamoAssertions#assertThatQuery(Query)}.
 *
 * <pre>{@code
 * assertThatQuery(orders.where("status", "=", "PAID").where("createdAt", ">", since))
 *         .isQuery()
 *         .usesIndex("by-status")
 *         .hasKeyCondition("status = 'PAID' AND createdAt > '2026-01-01T00:00:00Z'")
 *         .hasNoFilter();
 * }</pre>
 *
 * <p>Expressions are compared with their placeholders replaced: attribute names for {@code #n}
 * names, values for {@code :v} values (strings in single quotes, numbers bare), and whitespace runs
 * made single. A failure prints the whole plan with its values.
 */
public final class QueryAssert extends AbstractAssert<QueryAssert, Query<?>> {

    private QueryPlan plan;

    QueryAssert(Query<?> actual) {
        super(actual, QueryAssert.class);
    }

    /**
     * The query's plan, for checks these assertions do not cover.
     *
     * @return the plan
     * @throws AssertionError if the query is null or cannot be explained
     */
    public QueryPlan plan() {
        isNotNull();
        if (plan == null) {
            try {
                plan = actual.explain();
            } catch (RuntimeException e) {
                throw failure(
                        "expected the query to compile, but explain() failed with %s: %s",
                        e.getClass().getSimpleName(), e.getMessage());
            }
        }
        return plan;
    }

    private void fail(String problem) {
        failWithMessage("%s", problem + "\nplan:\n" + plan().describe(true));
    }

    /**
     * The query is a GetItem (its full primary key is bound with {@code =} and nothing else).
     *
     * @return this
     */
    public QueryAssert isGet() {
        return isOperation(Operation.GET);
    }

    /**
     * The query is a DynamoDB Query on the table or an index.
     *
     * @return this
     */
    public QueryAssert isQuery() {
        return isOperation(Operation.QUERY);
    }

    /**
     * The query is a Scan.
     *
     * @return this
     */
    public QueryAssert isScan() {
        return isOperation(Operation.SCAN);
    }

    private QueryAssert isOperation(Operation expected) {
        if (plan().operation() != expected) {
            fail("expected a " + expected + " but the query is a " + plan().operation());
        }
        return this;
    }

    /**
     * The query reads this index.
     *
     * @param index the index name
     * @return this
     */
    public QueryAssert usesIndex(String index) {
        Objects.requireNonNull(index, "index");
        Optional<String> used = plan().indexName();
        if (!used.equals(Optional.of(index))) {
            fail(
                    "expected the query to use index '"
                            + index
                            + "' but it reads "
                            + used.map(i -> "index '" + i + "'").orElse("the table itself"));
        }
        return this;
    }

    /**
     * The query reads the table itself, no index.
     *
     * @return this
     */
    public QueryAssert usesTable() {
        plan().indexName()
                .ifPresent(
                        i ->
                                fail(
                                        "expected the query to read the table itself but it uses index '"
                                                + i
                                                + "'"));
        return this;
    }

    /**
     * The query reads this table: its physical name, or that name without a table-name prefix
     * ending in {@code _}, {@code -} or {@code .}.
     *
     * @param table e.g. {@code orders}
     * @return this
     */
    public QueryAssert onTable(String table) {
        Objects.requireNonNull(table, "table");
        if (!Tables.matches(plan().tableName(), table)) {
            fail(
                    "expected the query to read table '"
                            + table
                            + "' but it reads '"
                            + plan().tableName()
                            + "'");
        }
        return this;
    }

    /**
     * The key condition, rendered with names and values, is this (whitespace aside); for a GetItem,
     * the key equalities.
     *
     * @param expected e.g. {@code status = 'PAID' AND createdAt > '2026-01-01T00:00:00Z'}
     * @return this
     */
    public QueryAssert hasKeyCondition(String expected) {
        compare("key condition", plan().keyCondition(), expected);
        return this;
    }

    /**
     * The filter, rendered with names and values, is this (whitespace aside).
     *
     * @param expected e.g. {@code totalCents > 2000}
     * @return this
     */
    public QueryAssert hasFilter(String expected) {
        compare("filter", plan().filter(), expected);
        return this;
    }

    /**
     * The rendered filter contains this text (whitespace aside).
     *
     * @param part e.g. {@code totalCents > 2000}
     * @return this
     */
    public QueryAssert hasFilterContaining(String part) {
        Objects.requireNonNull(part, "part");
        Optional<String> rendered = plan().filter().map(this::render);
        if (rendered.isEmpty() || !rendered.get().contains(ExpressionText.normalize(part))) {
            fail(
                    "expected the filter to contain ["
                            + part
                            + "] but it is "
                            + rendered.map(r -> "[" + r + "]").orElse("absent"));
        }
        return this;
    }

    /**
     * The query filters nothing.
     *
     * @return this
     */
    public QueryAssert hasNoFilter() {
        plan().filter()
                .ifPresent(
                        f -> fail("expected no filter but the query filters [" + render(f) + "]"));
        return this;
    }

    /**
     * The projection, rendered with names, is this (whitespace aside).
     *
     * @param expected e.g. {@code customerId, orderId, status}
     * @return this
     */
    public QueryAssert hasProjection(String expected) {
        compare("projection", plan().projection(), expected);
        return this;
    }

    /**
     * The query reads with strong consistency.
     *
     * @return this
     */
    public QueryAssert isConsistentRead() {
        if (!plan().consistentRead()) {
            fail("expected a consistent read but the query reads eventually consistently");
        }
        return this;
    }

    /**
     * The query reads in this direction over the sort key.
     *
     * @param order ASC or DESC
     * @return this
     */
    public QueryAssert hasOrder(SortOrder order) {
        Objects.requireNonNull(order, "order");
        if (plan().order() != order) {
            fail("expected the query to read " + order + " but it reads " + plan().order());
        }
        return this;
    }

    /**
     * No key can serve the query and it does not allow a scan: explaining it (and running it) fails
     * with a {@link QueryRequiresScanException}.
     *
     * @return this
     */
    public QueryAssert requiresScan() {
        isNotNull();
        try {
            QueryPlan p = actual.explain();
            failWithMessage(
                    "%s",
                    "expected the query to require a scan but it compiles to a "
                            + p.operation()
                            + "\nplan:\n"
                            + p.describe(true));
        } catch (QueryRequiresScanException expected) {
            // as expected
        }
        return this;
    }

    private String render(String expression) {
        return ExpressionText.normalize(
                ExpressionText.render(
                        expression, plan().expressionNames(), plan().expressionValues()));
    }

    private void compare(String what, Optional<String> expression, String expected) {
        Objects.requireNonNull(expected, "expected");
        Optional<String> rendered = expression.map(this::render);
        if (rendered.isEmpty()) {
            fail("expected the " + what + " [" + expected + "] but the query has none");
        } else if (!rendered.get().equals(ExpressionText.normalize(expected))) {
            fail(
                    "expected the "
                            + what
                            + " to be\n  ["
                            + ExpressionText.normalize(expected)
                            + "]\nbut it is\n  ["
                            + rendered.get()
                            + "]\n(raw: "
                            + expression.get()
                            + ")");
        }
    }
}
