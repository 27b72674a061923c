package dev.dynamorm.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Table;
import dev.dynamorm.test.fixtures.Fixture;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * A user's test class that names no backend runs unchanged on whichever backend the run configures,
 * here the embedded engine and Dynoxide, as a user's build would with {@code
 * -Ddynamorm.test.backend}.
 */
final class SameClassOnTwoBackendsTest {

    static final Map<Backend, String> PREFIXES = new ConcurrentHashMap<>();

    @Test
    void theSameClassPassesOnTheEmbeddedEngineAndOnDynoxide() {
        for (String backend : List.of("embedded", "dynoxide")) {
            EngineExecutionResults results =
                    KitRuns.run(
                            UserOrderTest.class,
                            Settings.BACKEND,
                            backend,
                            Settings.REQUIRE,
                            backend);
            assertThat(KitRuns.messages(results.testEvents().failed().list()))
                    .as(backend)
                    .isEmpty();
            results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        }
        assertThat(PREFIXES).containsOnlyKeys(Backend.EMBEDDED, Backend.DYNOXIDE);
    }

    /** Written as a user would: models, a fixture, no backend named. */
    @DynamoBackend(models = KitOrder.class)
    @Fixture("fixtures/orders.json")
    static class UserOrderTest {
        @Test
        void findsPaidOrdersThroughTheIndex(DynamORM db, Backend backend, BackendContext context) {
            PREFIXES.put(backend, context.tableNamePrefix());
            assertThat(db.table(KitOrder.class).where("status", "=", KitOrder.Status.PAID).all())
                    .extracting(KitOrder::orderId)
                    .containsExactlyInAnyOrder("o-1", "o-3");
        }

        @Test
        void updatesAnOrder(DynamORM db) {
            Table<KitOrder> orders = db.table(KitOrder.class);
            orders.update(
                    orders.get("c-1", "o-2").orElseThrow(),
                    u -> u.set("status", KitOrder.Status.SHIPPED));
            assertThat(orders.get("c-1", "o-2"))
                    .map(KitOrder::status)
                    .contains(KitOrder.Status.SHIPPED);
            assertThat(orders.get("c-1", "o-2"))
                    .map(KitOrder::createdAt)
                    .contains(Instant.parse("2026-01-06T10:00:00Z"));
        }
    }
}
