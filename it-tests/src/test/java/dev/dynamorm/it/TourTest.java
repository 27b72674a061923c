package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.SchemaDrift;
import dev.dynamorm.examples.Order;
import dev.dynamorm.examples.Tour;
import dev.dynamorm.local.LocalDynamoDb;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Runs the README tour's code on the embedded engine. */
final class TourTest {

    @Test
    void readmeTour_runsAndSeesWhatItWrote() {
        Order order =
                new Order(
                        "c-42",
                        "o-1",
                        "NEW",
                        Instant.parse("2026-01-01T00:00:00Z"),
                        2500,
                        List.of("a"),
                        null);
        Order paid = new Order("c-42", "o-1", "PAID", order.createdAt(), 2500, List.of("a"), null);
        try (LocalDynamoDb local = LocalDynamoDb.start()) {
            List<Object> seen = Tour.tour(local.client(), order, paid);
            assertThat(seen.get(0)).isEqualTo(Optional.of(order));
            assertThat(seen.get(1)).isEqualTo(List.of(order));
            assertThat(seen.get(2)).isEqualTo(Optional.of(paid));
            assertThat(((SchemaDrift) seen.get(3)).matches()).isTrue();
        }
    }
}
