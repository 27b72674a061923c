package dev.dynamorm.sample.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.ConditionFailedException;
import dev.dynamorm.local.LocalDynamoDb;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/** The whole application, on the embedded engine its application.properties switches on. */
@SpringBootTest
class OrdersApplicationTest {

    private static final Instant JAN_5 = Instant.parse("2026-01-05T10:00:00Z");

    @Autowired OrderDesk service;

    @Autowired HealthIndicator dynamormHealthIndicator;

    @Autowired LocalDynamoDb engine;

    @Test
    void ordersAreStoredAndQueriedByStatus() {
        service.place(new Order("c-1", "o-1", "PAID", JAN_5, 1250));
        service.place(new Order("c-2", "o-2", "NEW", JAN_5.plusSeconds(60), 900));
        service.place(new Order("c-3", "o-3", "PAID", JAN_5.plusSeconds(120), 300));

        assertThat(service.find("c-1", "o-1"))
                .contains(new Order("c-1", "o-1", "PAID", JAN_5, 1250));
        assertThat(service.paidSince(Instant.parse("2026-01-01T00:00:00Z")))
                .extracting(Order::orderId)
                .containsExactly("o-3", "o-1");
    }

    @Test
    void shippingAnUnpaidOrderIsRefusedByTheConditionalWrite() {
        service.place(new Order("c-9", "o-9", "NEW", JAN_5, 100));

        assertThatThrownBy(() -> service.ship("c-9", "o-9"))
                .isInstanceOf(ConditionFailedException.class);
        assertThat(service.find("c-9", "o-9")).get().extracting(Order::status).isEqualTo("NEW");
    }

    @Test
    void aTransferIsOneDynamoDbTransaction() {
        Order order = new Order("c-5", "o-5", "NEW", JAN_5, 700);
        service.place(order);

        service.transfer(order, "c-6");

        assertThat(service.find("c-5", "o-5")).isEmpty();
        assertThat(service.find("c-6", "o-5")).isPresent();
    }

    @Test
    @DirtiesContext
    void healthIsUpWhileTheEngineRunsAndDownOnceItStops() {
        assertThat(dynamormHealthIndicator.health(true).getStatus()).isEqualTo(Status.UP);

        engine.close();

        assertThat(dynamormHealthIndicator.health(true).getStatus()).isEqualTo(Status.DOWN);
    }
}
