package dev.dynamorm.test.assertions;

import dev.dynamorm.Query;
import java.util.List;
import java.util.Objects;

/**
 * Entry points of the kit's AssertJ assertions: on what a query compiles to, and on what was sent.
 *
 * <pre>{@code
 * import static dev.dynamorm.test.assertions.DynamoAssertions.*;
 *
 * assertThatQuery(orders.where("status", "=", "PAID")).usesIndex("by-status").hasNoFilter();
 * assertThatRequests(recorder).ofOperation("Query").single().hasKeyCondition("status = 'PAID'");
 * }</pre>
 */
public final class DynamoAssertions {

    private DynamoAssertions() {}

    /**
     * Assertions on a query's plan; nothing is sent.
     *
     * @param query the query
     * @return the assertions
     */
    public static QueryAssert assertThatQuery(Query<?> query) {
        return new QueryAssert(query);
    }

    /**
     * Assertions on the requests a recorder holds now (a snapshot).
     *
     * @param recorder the recorder
     * @return the assertions
     * @throws NullPointerException if the recorder is null
     */
    public static RequestsAssert assertThatRequests(RequestRecorder recorder) {
        return new RequestsAssert(Objects.requireNonNull(recorder, "recorder").requests());
    }

    /**
     * Assertions on recorded requests.
     *
     * @param requests the requests, e.g. {@code recorder.requests("Query")}
     * @return the assertions
     */
    public static RequestsAssert assertThatRequests(List<RecordedRequest> requests) {
        return new RequestsAssert(requests == null ? null : List.copyOf(requests));
    }

    /**
     * Assertions on one recorded request.
     *
     * @param request the request
     * @return the assertions
     */
    public static RecordedRequestAssert assertThat(RecordedRequest request) {
        return new RecordedRequestAssert(request);
    }
}
