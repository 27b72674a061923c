package dev.dynamorm.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Operation;
import dev.dynamorm.QueryPlan;
import dev.dynamorm.Table;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import dev.dynamorm.engine.internal.plugin.Event;
import dev.dynamorm.engine.internal.query.PlanCache;
import dev.dynamorm.local.LocalDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Plans are cached per table by shape, not by value, and the cache stays bounded. */
final class QueryPlanCacheTest {

    private static LocalDynamoDb local;

    @DynamoTable("events")
    record Event(@PartitionKey String tenant, @SortKey String id, String kind, long size) {}

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @Test
    void plans_areCachedByShape_notByValue_andBounded() {
        try (DynamORM db =
                DynamORM.builder().client(local.client()).tableNamePrefix("plancache_").build()) {
            Table<Event> events = db.table(Event.class);
            events.createTable();
            PlanCache cache = ((DefaultTable<Event>) events).queryAccess().planCache();
            assertThat(cache.capacity())
                    .isEqualTo(DefaultQuery.Access.PLAN_CACHE_SIZE)
                    .isEqualTo(256);
            for (int i = 0; i < 50; i++) {
                events.put(new Event("t", "e" + i, i % 2 == 0 ? "even" : "odd", i));
            }
            for (int i = 0; i < 20; i++) {
                assertThat(events.where("tenant", "=", "t").where("size", ">", i).count())
                        .isEqualTo(49 - i);
            }
            assertThat(cache.size()).isEqualTo(1);
            assertThat(cache.misses()).isEqualTo(1);
            assertThat(cache.hits()).isEqualTo(19);
            QueryPlan a = events.where("tenant", "=", "t").where("kind", "=", "even").explain();
            QueryPlan b = events.where("tenant", "=", "x").where("kind", "=", "odd").explain();
            assertThat(cache.size()).isEqualTo(2);
            assertThat(a.filter()).isEqualTo(b.filter());
            assertThat(a.expressionValues()).isNotEqualTo(b.expressionValues());
            assertThat(
                            events.where("tenant", "=", "t")
                                    .where("kind", "IN", java.util.List.of("a", "b"))
                                    .explain()
                                    .operation())
                    .isEqualTo(Operation.QUERY);
            String[] projections = {"kind", "size", "id"};
            for (int i = 0; i < 300; i++) {
                QueryPlan plan =
                        events.where("tenant", "=", "t")
                                .where(
                                        "kind",
                                        "IN",
                                        java.util.Collections.nCopies(1 + i % 100, "k"))
                                .select(projections[i / 100])
                                .limit(1 + i)
                                .explain();
                assertThat(plan.filter()).isPresent();
            }
            assertThat(cache.size()).isEqualTo(256);
            assertThat(cache.evictions()).isEqualTo(3 + 300 - 256);
        }
    }
}
