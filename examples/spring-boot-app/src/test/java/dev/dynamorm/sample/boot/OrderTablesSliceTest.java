package dev.dynamorm.sample.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.Table;
import dev.dynamorm.spring.boot.test.DynamORMFixture;
import dev.dynamorm.spring.boot.test.DynamORMTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Only DynamORM's beans, on the embedded engine: no service, no other auto-configuration. */
@DynamORMTest
class OrderTablesSliceTest {

    @Autowired Table<Order> orders;

    @Autowired ApplicationContext context;

    @Test
    void theOrdersTableReadsBackWhatItWrote() {
        Order order = new Order("c-1", "o-1", "NEW", Instant.parse("2026-01-05T10:00:00Z"), 1);
        orders.put(order);

        assertThat(orders.get("c-1", "o-1")).contains(order);
        assertThat(context.getBeanNamesForType(OrderDesk.class)).isEmpty();
    }

    @Test
    @DynamORMFixture("orders.json")
    void itemsOfAFixtureAreQueriedThroughTheIndex() {
        assertThat(
                        orders.where("status", "=", "PAID")
                                .where("createdAt", ">=", Instant.parse("2026-01-05T10:00:00Z"))
                                .where("customerId", "begins_with", "f-")
                                .all())
                .extracting(Order::orderId)
                .containsExactly("o-1", "o-3");
    }
}
