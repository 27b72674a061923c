package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.examples.shop.Customer;
import dev.dynamorm.examples.shop.OrderLine;
import dev.dynamorm.examples.shop.ShopOrder;
import dev.dynamorm.examples.shop.ShopTour;
import dev.dynamorm.local.LocalDynamoDb;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the README's single-table tour (an entity family) on the embedded engine. */
final class ShopTourTest {

    @Test
    void shopTour_readsThePartitionAsEachTypeAndTheOrdersAlone() {
        try (LocalDynamoDb local = LocalDynamoDb.start()) {
            List<Object> seen = ShopTour.tour(local.client());
            ShopOrder order = new ShopOrder("CUSTOMER#c1", "ORDER#o1", "NEW", 2500);
            assertThat(seen)
                    .containsExactly(
                            order,
                            new OrderLine("CUSTOMER#c1", "ORDER#o1#LINE#1", "pen", 2),
                            new OrderLine("CUSTOMER#c1", "ORDER#o1#LINE#2", "ink", 1),
                            new Customer("CUSTOMER#c1", "PROFILE", "Ada", "ada@example.com"),
                            3,
                            order);
            assertThat(
                            local.client().scan(b -> b.tableName("shop")).items().stream()
                                    .map(i -> i.get("kind").s())
                                    .sorted()
                                    .toList())
                    .containsExactly("CUSTOMER", "LINE", "LINE", "ORDER");
        }
    }
}
