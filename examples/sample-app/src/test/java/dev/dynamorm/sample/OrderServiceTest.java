package dev.dynamorm.sample;

import static dev.dynamorm.test.assertions.DynamoAssertions.assertThatQuery;
import static dev.dynamorm.test.assertions.DynamoAssertions.assertThatRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.ConditionFailedException;
import dev.dynamorm.DynamORM;
import dev.dynamorm.Table;
import dev.dynamorm.test.DynamoBackend;
import dev.dynamorm.test.assertions.RequestRecorder;
import dev.dynamorm.test.fixtures.Fixture;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The service against a real backend: the embedded engine by default, Dynoxide with {@code
 * -Ddynamorm.test.backend=dynoxide}.
 */
@DynamoBackend(models = Order.class, recordRequests = true) // tables created before, deleted after
@Fixture("orders.yaml") // next to this class, loaded once
class OrderServiceTest {

    private static final Instant NEW_YEAR = Instant.parse("2026-01-01T00:00:00Z");

    private OrderService service;

    @BeforeEach
    void setUp(DynamORM db) { // uses this class's table prefix
        service = new OrderService(db);
    }

    @Test
    void paidOrdersComeFromTheStatusIndexNewestFirst(RequestRecorder requests) {
        List<Order> paid = service.paidSince(NEW_YEAR);

        assertThat(paid).extracting(Order::orderId).containsExactly("o-3", "o-1");
        assertThatRequests(requests)
                .single() // one Query, no Scan
                .isOperation("Query")
                .usesIndex("by-status")
                .hasNoFilter();
    }

    @Test
    void thePaidQueryIsAKeyConditionOnTheIndex() {
        assertThatQuery(service.paidSinceQuery(NEW_YEAR)) // explained, not sent
                .isQuery()
                .usesIndex("by-status")
                .hasKeyCondition("status = 'PAID' AND createdAt > '2026-01-01T00:00:00.000000000Z'")
                .hasNoFilter();
    }

    @Test
    void shippingAnUnpaidOrderIsRefused() {
        assertThatThrownBy(() -> service.ship("c-1", "o-2"))
                .isInstanceOf(ConditionFailedException.class);
    }

    @Test
    @Fixture("late-orders.json") // loaded before this test only
    void shippingAPaidOrderKeepsItInTheTotal(RequestRecorder requests) {
        service.ship("c-3", "o-9");

        assertThatRequests(requests)
                .single()
                .isOperation("UpdateItem")
                .hasUpdate("SET status = 'SHIPPED'")
                .hasCondition("attribute_exists(customerId) AND (status = 'PAID')");
        assertThat(service.totalSpent("c-3")).isEqualTo(4200);
    }

    @Test
    void theModelIsMappedByItsCompileTimeSchema(DynamoDbClient client) {
        // requireGeneratedModels(true) refuses any model read by reflection: Order_ is used
        try (DynamORM generatedOnly =
                DynamORM.builder()
                        .client(client)
                        .tableNamePrefix("generated_")
                        .requireGeneratedModels(true)
                        .build()) {
            Table<Order> orders = generatedOnly.table(Order.class);
            orders.createTableIfMissing();
            try {
                Order order =
                        new Order("c-9", "o-1", "NEW", NEW_YEAR, 1250L, List.of("book"), null);
                orders.put(order);

                assertThat(orders.get("c-9", "o-1")).contains(order);
                assertThat(orders.where(Order_.customerId, "=", "c-9").all())
                        .containsExactly(order);
            } finally {
                orders.deleteTable();
            }
        }
    }
}
