package dev.dynamorm.test.assertions;

import dev.dynamorm.Query;
import dev.dynamorm.Table;
import dev.dynamorm.streams.ChangeEvent;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Entry points of the kit's AssertJ assertions: on what a query compiles to, on what was sent, and
 * on the changes a test made.
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

    /**
     * Runs {@code block} and asserts on the changes it made to {@code table}, read from the table's
     * stream and decoded to the model (as {@code dev.dynamorm.streams.ChangeDecoder} does: images
     * through the converters and {@code afterRead} hooks, an entity family's items as their member
     * types, a member's table without the other members' items). Only changes made while the block
     * runs are seen; on DynamoDB itself a record may appear up to a second late, so this suits the
     * embedded engine and the local servers best.
     *
     * <pre>{@code
     * assertThatChanges(orders, streams, () -> orders.put(order)).hasKinds(ChangeKind.INSERT);
     * }</pre>
     *
     * @param table the table whose changes are asserted; its stream must be enabled
     * @param streams a Streams client of the same backend (e.g. {@code
     *     LocalDynamoDb.streamsClient()})
     * @param block the code under test
     * @param <T> the model type
     * @return the assertions
     * @throws IllegalStateException if the table has no enabled stream (message names the table)
     * @throws AssertionError if the block throws
     */
    public static <T> ChangesAssert<T> assertThatChanges(
            Table<T> table, DynamoDbStreamsClient streams, ThrowingCallable block) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(streams, "streams");
        Objects.requireNonNull(block, "block");
        return new ChangesAssert<>(ChangeCapture.capture(table, streams, block));
    }

    /**
     * Assertions on changes collected elsewhere, e.g. by a stream consumer's handler in a test.
     *
     * @param changes the changes, in the order they were handled
     * @param <T> the model type
     * @return the assertions
     */
    public static <T> ChangesAssert<T> assertThatChanges(List<ChangeEvent<T>> changes) {
        return new ChangesAssert<>(changes == null ? null : List.copyOf(changes));
    }
}
