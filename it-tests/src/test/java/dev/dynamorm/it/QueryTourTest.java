package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.Page;
import dev.dynamorm.QueryPlan;
import dev.dynamorm.examples.Order;
import dev.dynamorm.examples.QueryTour;
import dev.dynamorm.local.LocalDynamoDb;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the README's query tour on the embedded engine. */
final class QueryTourTest {

    @Test
    @SuppressWarnings("unchecked")
    void queryTour_choosesTheIndex_pagesAndRefusesTheScan() {
        try (LocalDynamoDb local = LocalDynamoDb.start()) {
            List<Object> seen = QueryTour.tour(local.client());
            QueryPlan plan = (QueryPlan) seen.get(0);
            assertThat(plan.indexName()).contains("by-status");
            assertThat(plan.toString()).contains("<redacted>").doesNotContain("PAID");
            Page<Order> page = (Page<Order>) seen.get(1);
            Page<Order> next = (Page<Order>) seen.get(2);
            assertThat(page.items())
                    .extracting(Order::orderId)
                    .containsExactly("o-28", "o-26", "o-24", "o-22", "o-20");
            assertThat(next.items())
                    .extracting(Order::orderId)
                    .containsExactly("o-18", "o-16", "o-14", "o-12", "o-10");
            assertThat(seen.get(3)).isEqualTo(19L);
            assertThat((List<Order>) seen.get(4)).extracting(Order::orderId).containsExactly("o-7");
            assertThat((String) seen.get(5))
                    .startsWith(
                            "query on model dev.dynamorm.examples.Order needs a partition "
                                    + "key bound with '='");
            assertThat((List<Order>) seen.get(6))
                    .as("generated Order_ references query like the field names")
                    .hasSize(19)
                    .allSatisfy(o -> assertThat(o.totalCents()).isGreaterThan(2000L));
        }
    }
}
