package dev.dynamorm.test;

import static dev.dynamorm.test.assertions.DynamoAssertions.assertThat;
import static dev.dynamorm.test.assertions.DynamoAssertions.assertThatRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.ItemAlreadyExistsException;
import dev.dynamorm.Table;
import dev.dynamorm.test.assertions.RecordedRequest;
import dev.dynamorm.test.assertions.RequestRecorder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * With {@code recordRequests = true} the class's client records every request, whether sent by the
 * injected DynamORM or the raw client; the recorder is cleared before each test.
 */
@DynamoBackend(models = KitOrder.class, recordRequests = true)
abstract class RequestRecordingSuite {

    static final KitOrder ORDER =
            new KitOrder(
                    "c-1",
                    "o-1",
                    KitOrder.Status.PAID,
                    Instant.parse("2026-01-05T10:00:00Z"),
                    1250,
                    null,
                    null);

    private Table<KitOrder> orders;

    @BeforeEach
    void table(DynamORM db) {
        orders = db.table(KitOrder.class);
    }

    @Test
    void recordsWhatDynamOrmSends(RequestRecorder recorder) {
        assertThatRequests(recorder).isEmpty();
        KitOrder created =
                new KitOrder("c-2", "o-2", KitOrder.Status.PAID, ORDER.createdAt(), 5, null, null);

        orders.create(created);
        orders.get("c-2", "o-2");
        orders.where("status", "=", KitOrder.Status.PAID).all();
        orders.update(created, u -> u.set("totalCents", 7).remove("items"));

        assertThatRequests(recorder)
                .hasOperations("PutItem", "GetItem", "Query", "UpdateItem")
                .doesNotContainOperation("Scan");
        assertThatRequests(recorder)
                .first()
                .isOperation("PutItem")
                .onTable("orders")
                .hasCondition("attribute_not_exists(customerId)")
                .succeeded();
        assertThatRequests(recorder)
                .ofOperation("Query")
                .single()
                .onTable("orders")
                .usesIndex("by-status")
                .hasKeyCondition("status = 'PAID'")
                .hasNoFilter()
                .succeeded();
        assertThatRequests(recorder)
                .last()
                .isOperation("UpdateItem")
                .hasUpdate("SET totalCents = 7 REMOVE items")
                .hasCondition("attribute_exists(customerId)");
        RecordedRequest get = recorder.requests("GetItem").get(0);
        assertThat(get.key())
                .isEqualTo(
                        Map.of(
                                "customerId",
                                AttributeValue.fromS("c-2"),
                                "orderId",
                                AttributeValue.fromS("o-2")));
        assertThat(get.attempts()).isEqualTo(1);
        assertThat(recorder.requests("Query").get(0).request(QueryRequest.class).indexName())
                .isEqualTo("by-status");
    }

    @Test
    void recordsFailuresAndIsClearedBeforeEachTest(
            RequestRecorder recorder, BackendContext backend) {
        assertThatRequests(recorder).isEmpty();
        orders.put(ORDER);

        assertThatThrownBy(() -> orders.create(ORDER))
                .isInstanceOf(ItemAlreadyExistsException.class);

        assertThatRequests(recorder)
                .hasSize(2)
                .last()
                .isOperation("PutItem")
                .failedWith(ConditionalCheckFailedException.class);
        assertThat(recorder.last().orElseThrow().tableNames())
                .containsExactly(backend.tableName("orders"));
        assertThat(recorder.last().orElseThrow().succeeded()).isFalse();
    }

    @Test
    void recordsTheRawClientToo(
            DynamoDbClient client, RequestRecorder recorder, BackendContext backend) {
        client.describeTable(r -> r.tableName(backend.tableName("orders")));
        orders.batchPut(List.of(ORDER));

        assertThatRequests(recorder).hasOperations("DescribeTable", "BatchWriteItem");
        assertThat(recorder.requests("BatchWriteItem").get(0).tableNames())
                .containsExactly(backend.tableName("orders"));
        recorder.clear();
        assertThat(recorder.size()).isZero();
    }

    @Test
    void failedAssertionsListTheRecordedRequests(RequestRecorder recorder) {
        orders.get("c-1", "o-1");

        assertThatThrownBy(() -> assertThatRequests(recorder).hasOperations("Query"))
                .hasMessageStartingWith(
                        "expected the operations [Query] but the recorded ones are [GetItem]\n"
                                + "recorded:\n  0: GetItem [")
                .hasMessageContaining("key {customerId: 'c-1', orderId: 'o-1'}");
        assertThatThrownBy(() -> assertThat(recorder.last().orElseThrow()).usesIndex("by-status"))
                .hasMessageStartingWith(
                        "expected the request to use index 'by-status' but it reads no index\n"
                                + "request: GetItem [");
    }
}
