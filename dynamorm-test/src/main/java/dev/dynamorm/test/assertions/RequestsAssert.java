package dev.dynamorm.test.assertions;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on the requests a {@link RequestRecorder} recorded, in the order they were
 * sent. Start with {@link DynamoAssertions#assertThatRequests(RequestRecorder)}.
 *
 * <pre>{@code
 * assertThatRequests(recorder).hasOperations("GetItem", "UpdateItem").doesNotContainOperation("Scan");
 * assertThatRequests(recorder).ofOperation("Query").single().usesIndex("by-status");
 * }</pre>
 */
public final class RequestsAssert extends AbstractAssert<RequestsAssert, List<RecordedRequest>> {

    RequestsAssert(List<RecordedRequest> actual) {
        super(actual, RequestsAssert.class);
    }

    private void fail(String problem) {
        failWithMessage("%s", problem + "\nrecorded:\n" + RequestRecorder.list(actual));
    }

    /**
     * Exactly this many requests were recorded.
     *
     * @param expected the count
     * @return this
     */
    public RequestsAssert hasSize(int expected) {
        isNotNull();
        if (actual.size() != expected) {
            fail("expected " + expected + " requests but " + actual.size() + " were recorded");
        }
        return this;
    }

    /**
     * No request was recorded.
     *
     * @return this
     */
    public RequestsAssert isEmpty() {
        return hasSize(0);
    }

    /**
     * The recorded requests are exactly these operations, in this order.
     *
     * @param operations e.g. {@code "GetItem", "PutItem"}
     * @return this
     */
    public RequestsAssert hasOperations(String... operations) {
        isNotNull();
        List<String> expected = Arrays.asList(operations);
        List<String> recorded = operations();
        if (!recorded.equals(expected)) {
            fail("expected the operations " + expected + " but the recorded ones are " + recorded);
        }
        return this;
    }

    /**
     * At least one request is of this operation.
     *
     * @param operation e.g. {@code Query}
     * @return this
     */
    public RequestsAssert containsOperation(String operation) {
        isNotNull();
        Objects.requireNonNull(operation, "operation");
        if (!operations().contains(operation)) {
            fail("expected a " + operation + " request but none was recorded");
        }
        return this;
    }

    /**
     * No request is of this operation, e.g. no {@code Scan}.
     *
     * @param operation the operation
     * @return this
     */
    public RequestsAssert doesNotContainOperation(String operation) {
        isNotNull();
        Objects.requireNonNull(operation, "operation");
        if (operations().contains(operation)) {
            fail(
                    "expected no "
                            + operation
                            + " request but "
                            + operations().stream().filter(operation::equals).count()
                            + " were recorded");
        }
        return this;
    }

    /**
     * Continues with the requests of one operation only.
     *
     * @param operation e.g. {@code Query}
     * @return assertions on those requests
     */
    public RequestsAssert ofOperation(String operation) {
        isNotNull();
        Objects.requireNonNull(operation, "operation");
        return new RequestsAssert(
                actual.stream()
                        .filter(r -> r.operation().equals(operation))
                        .collect(Collectors.toUnmodifiableList()));
    }

    /**
     * Continues with the only request.
     *
     * @return assertions on it
     */
    public RecordedRequestAssert single() {
        hasSize(1);
        return new RecordedRequestAssert(actual.get(0));
    }

    /**
     * Continues with the first request.
     *
     * @return assertions on it
     */
    public RecordedRequestAssert first() {
        return element(0);
    }

    /**
     * Continues with the last request.
     *
     * @return assertions on it
     */
    public RecordedRequestAssert last() {
        isNotNull();
        if (actual.isEmpty()) {
            fail("expected a last request but none was recorded");
        }
        return new RecordedRequestAssert(actual.get(actual.size() - 1));
    }

    /**
     * Continues with one request.
     *
     * @param index its position, from 0
     * @return assertions on it
     */
    public RecordedRequestAssert element(int index) {
        isNotNull();
        if (index < 0 || index >= actual.size()) {
            fail(
                    "expected a request at index "
                            + index
                            + " but "
                            + actual.size()
                            + " were recorded");
        }
        return new RecordedRequestAssert(actual.get(index));
    }

    private List<String> operations() {
        return actual.stream().map(RecordedRequest::operation).collect(Collectors.toList());
    }
}
