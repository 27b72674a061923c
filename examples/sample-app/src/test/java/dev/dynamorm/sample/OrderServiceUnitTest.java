package dev.dynamorm.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.Table;
import dev.dynamorm.test.mock.MockDB;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The service's own logic with MockDB: no server, only the calls it is expected to make. */
class OrderServiceUnitTest {

    private static final Instant T = Instant.parse("2026-01-05T10:00:00Z");

    private final MockDB db = MockDB.create();
    private final Table<Order> orders = db.table(Order.class);
    private final OrderService service = new OrderService(db);

    @Test
    void totalSpentIgnoresNewOrders() {
        db.expect(orders.where("customerId", "=", "c-1"))
                .returns(
                        new Order("c-1", "o-1", "PAID", T, 1250, List.of(), null),
                        new Order("c-1", "o-2", "NEW", T, 300, List.of(), null));

        assertThat(service.totalSpent("c-1")).isEqualTo(1250);
        db.verifyAllExpectationsMet();
    }

    @Test
    void shippingUpdatesThePaidOrderByKey() {
        db.expect(orders.where("customerId", "=", "c-1").where("orderId", "=", "o-1"))
                .updates(u -> u.set("status", "SHIPPED").when("status", "=", "PAID"))
                .succeeds();

        service.ship("c-1", "o-1");

        db.verifyAllExpectationsMet();
    }

    @Test
    void placingCreatesTheOrder() {
        Order order = new Order("c-1", "o-7", "NEW", T, 500, List.of(), null);
        db.expect(orders).create(order).succeeds();

        service.place(order);

        db.verifyAllExpectationsMet();
    }

    @Test
    void placingAPaidOrderSendsNothing() {
        assertThatThrownBy(
                        () ->
                                service.place(
                                        new Order("c-1", "o-7", "PAID", T, 500, List.of(), null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(db.calls()).isEmpty();
    }
}
