package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.examples.shop.Customer;
import dev.dynamorm.examples.shop.OrderLine;
import dev.dynamorm.examples.shop.ShopOrder;
import dev.dynamorm.examples.shop.ShopTour;
import dev.dynamorm.local.LocalDynamoDb;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Runs the README's single-table tour (an entity family) on the embedded engine. */
final class ShopTourTest {

    @Test
    void shopTour_readsThePartitionAsEachTypeAndTheOrdersAlone() {
        try (LocalDynamoDb local = LocalDynamoDb.start()) {
            List<Object> seen = ShopTour.tour(local.client());
            ShopOrder order = new ShopOrder("c1", "o1", "NEW", 2500);
            OrderLine pen = new OrderLine("c1", "o1", 1, "pen", 2);
            OrderLine ink = new OrderLine("c1", "o1", 2, "ink", 1);
            assertThat(seen)
                    .containsExactly(
                            order,
                            pen,
                            ink,
                            new Customer("c1", "Ada", "ada@example.com"),
                            3,
                            order,
                            pen,
                            ink,
                            order);
            assertThat(
                            local.client()
                                    .getItem(
                                            b ->
                                                    b.tableName("shop")
                                                            .key(
                                                                    Map.of(
                                                                            "PK",
                                                                            AttributeValue.fromS(
                                                                                    "CUSTOMER#c1"),
                                                                            "SK",
                                                                            AttributeValue.fromS(
                                                                                    "ORDER#o1#LINE#2"))))
                                    .item())
                    .containsEntry("GSI1PK", AttributeValue.fromS("ORDER#o1"))
                    .containsEntry("GSI1SK", AttributeValue.fromS("LINE#2"))
                    .containsEntry("kind", AttributeValue.fromS("LINE"));
            assertThat(
                            local.client().scan(b -> b.tableName("shop")).items().stream()
                                    .map(i -> i.get("kind").s())
                                    .sorted()
                                    .toList())
                    .containsExactly("CUSTOMER", "LINE", "LINE", "ORDER");
        }
    }
}
