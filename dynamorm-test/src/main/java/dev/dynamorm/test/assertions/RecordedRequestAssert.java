package dev.dynamorm.test.assertions;

import java.util.Objects;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on one request a {@link RequestRecorder} recorded. Start with {@link
 * DynamoAssertions#assertThat(RecordedRequest)} or {@link RequestsAssert#single()}/{@link
 * RequestsAssert#last()}.
 *
 * <pre>{@code
 * assertThatRequests(recorder).single()
 *         .isOperation("Query").onTable("orders").usesIndex("by-status")
 *         .hasKeyCondition("status = 'PAID'").hasNoFilter();
 * }</pre>
 *
 * <p>Expressions are compared as {@link QueryAssert} compares them: placeholders replaced by names
 * and values, whitespace runs made single.
 */
public final class RecordedRequestAssert
        extends AbstractAssert<RecordedRequestAssert, RecordedRequest> {

    RecordedRequestAssert(RecordedRequest actual) {
        super(actual, RecordedRequestAssert.class);
    }

    private void fail(String problem) {
        failWithMessage("%s", problem + "\nrequest: " + actual);
    }

    /**
     * The request is of this operation.
     *
     * @param operation e.g. {@code Query}, {@code GetItem}, {@code PutItem}, {@code
     *     TransactWriteItems}
     * @return this
     */
    public RecordedRequestAssert isOperation(String operation) {
        isNotNull();
        Objects.requireNonNull(operation, "operation");
        if (!actual.operation().equals(operation)) {
            fail("expected a " + operation + " request but it is a " + actual.operation());
        }
        return this;
    }

    /**
     * The request names this table: its physical name, or that name without a table-name prefix
     * ending in {@code _}, {@code -} or {@code .}.
     *
     * @param table e.g. {@code orders}
     * @return this
     */
    public RecordedRequestAssert onTable(String table) {
        isNotNull();
        Objects.requireNonNull(table, "table");
        if (actual.tableNames().stream().noneMatch(t -> Tables.matches(t, table))) {
            fail("expected a request on table '" + table + "' but it names " + actual.tableNames());
        }
        return this;
    }

    /**
     * The request reads this index.
     *
     * @param index the index name
     * @return this
     */
    public RecordedRequestAssert usesIndex(String index) {
        isNotNull();
        if (!actual.indexName().equals(Optional.of(index))) {
            fail(
                    "expected the request to use index '"
                            + index
                            + "' but it reads "
                            + actual.indexName().map(i -> "index '" + i + "'").orElse("no index"));
        }
        return this;
    }

    /**
     * The request reads no index.
     *
     * @return this
     */
    public RecordedRequestAssert usesTable() {
        isNotNull();
        actual.indexName()
                .ifPresent(
                        i ->
                                fail(
                                        "expected the request to read the table itself but it uses index '"
                                                + i
                                                + "'"));
        return this;
    }

    /**
     * The rendered key condition is this (whitespace aside).
     *
     * @param expected e.g. {@code customerId = 'c-1'}
     * @return this
     */
    public RecordedRequestAssert hasKeyCondition(String expected) {
        isNotNull();
        compare("key condition", actual.keyCondition(), expected);
        return this;
    }

    /**
     * The rendered filter is this (whitespace aside).
     *
     * @param expected e.g. {@code totalCents > 2000}
     * @return this
     */
    public RecordedRequestAssert hasFilter(String expected) {
        isNotNull();
        compare("filter", actual.filter(), expected);
        return this;
    }

    /**
     * The request filters nothing.
     *
     * @return this
     */
    public RecordedRequestAssert hasNoFilter() {
        isNotNull();
        actual.filter()
                .ifPresent(
                        f ->
                                fail(
                                        "expected no filter but the request filters ["
                                                + render(f)
                                                + "]"));
        return this;
    }

    /**
     * The rendered condition expression of a write is this (whitespace aside).
     *
     * @param expected e.g. {@code attribute_not_exists(customerId)}
     * @return this
     */
    public RecordedRequestAssert hasCondition(String expected) {
        isNotNull();
        compare("condition", actual.condition(), expected);
        return this;
    }

    /**
     * The write has no condition expression.
     *
     * @return this
     */
    public RecordedRequestAssert hasNoCondition() {
        isNotNull();
        actual.condition()
                .ifPresent(
                        c -> fail("expected no condition but the request has [" + render(c) + "]"));
        return this;
    }

    /**
     * The rendered update expression of an UpdateItem is this (whitespace aside).
     *
     * @param expected e.g. {@code SET status = 'SHIPPED'}
     * @return this
     */
    public RecordedRequestAssert hasUpdate(String expected) {
        isNotNull();
        compare("update expression", actual.update(), expected);
        return this;
    }

    /**
     * The rendered projection is this (whitespace aside).
     *
     * @param expected e.g. {@code customerId, orderId}
     * @return this
     */
    public RecordedRequestAssert hasProjection(String expected) {
        isNotNull();
        compare("projection", actual.projection(), expected);
        return this;
    }

    /**
     * The read asked for strong consistency.
     *
     * @return this
     */
    public RecordedRequestAssert isConsistentRead() {
        isNotNull();
        if (!actual.consistentRead()) {
            fail("expected a consistent read but the request reads eventually consistently");
        }
        return this;
    }

    /**
     * The request finished with a response.
     *
     * @return this
     */
    public RecordedRequestAssert succeeded() {
        isNotNull();
        if (!actual.succeeded()) {
            fail(
                    "expected the request to succeed but it "
                            + actual.failure()
                                    .map(f -> "failed with " + f)
                                    .orElse("has not finished"));
        }
        return this;
    }

    /**
     * The request failed with an exception of this type (or a subtype).
     *
     * @param type e.g. {@code ConditionalCheckFailedException.class}
     * @return this
     */
    public RecordedRequestAssert failedWith(Class<? extends Throwable> type) {
        isNotNull();
        if (actual.failure().filter(type::isInstance).isEmpty()) {
            fail(
                    "expected the request to fail with "
                            + type.getSimpleName()
                            + " but it "
                            + actual.failure()
                                    .map(f -> "failed with " + f)
                                    .orElse(actual.succeeded() ? "succeeded" : "has not finished"));
        }
        return this;
    }

    private String render(String expression) {
        return ExpressionText.normalize(actual.render(expression));
    }

    private void compare(String what, Optional<String> expression, String expected) {
        Objects.requireNonNull(expected, "expected");
        Optional<String> rendered = expression.map(this::render);
        if (rendered.isEmpty()) {
            fail("expected the " + what + " [" + expected + "] but the request has none");
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
