package dev.dynamorm.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * With {@code junit.jupiter.execution.parallel.enabled}, test classes run at the same time on the
 * same servers, and none sees another's data: each writes the same keys to its own prefixed tables.
 * A barrier proves they overlap (it times out unless all of them run at once).
 */
final class ParallelClassesTest {

    private static final int CLASSES = 6;
    static final CyclicBarrier BARRIER = new CyclicBarrier(CLASSES);
    static final Map<String, String> THREADS = new ConcurrentHashMap<>();
    static final Map<String, String> PREFIXES = new ConcurrentHashMap<>();

    @Test
    void classesRunningInParallelDoNotSeeEachOthersData() {
        EngineExecutionResults results =
                KitRuns.run(
                        List.of(
                                Embedded1.class,
                                Embedded2.class,
                                Embedded3.class,
                                Dynoxide1.class,
                                Dynoxide2.class,
                                Dynoxide3.class),
                        "junit.jupiter.execution.parallel.enabled",
                        "true",
                        "junit.jupiter.execution.parallel.mode.default",
                        "same_thread",
                        "junit.jupiter.execution.parallel.mode.classes.default",
                        "concurrent",
                        "junit.jupiter.execution.parallel.config.strategy",
                        "fixed",
                        "junit.jupiter.execution.parallel.config.fixed.parallelism",
                        "8");

        results.testEvents().assertStatistics(stats -> stats.started(CLASSES).succeeded(CLASSES));
        assertThat(THREADS.values())
                .as("one thread per class")
                .doesNotHaveDuplicates()
                .hasSize(CLASSES);
        assertThat(PREFIXES.values())
                .as("one prefix per class")
                .doesNotHaveDuplicates()
                .hasSize(CLASSES);
    }

    @DynamoBackend(models = KitOrder.class)
    abstract static class Writer {
        @Test
        void writesTheSameKeysAsTheOthersAndReadsOnlyItsOwn(DynamORM db, BackendContext context)
                throws Exception {
            String me = getClass().getSimpleName();
            THREADS.put(me, Thread.currentThread().getName());
            PREFIXES.put(me, context.tableNamePrefix());
            Table<KitOrder> orders = db.table(KitOrder.class);
            BARRIER.await(20, TimeUnit.SECONDS);
            for (int i = 0; i < 10; i++) {
                orders.put(
                        new KitOrder(
                                "c-1",
                                "o-" + i,
                                KitOrder.Status.NEW,
                                Instant.EPOCH,
                                0,
                                List.of(me),
                                null));
            }
            BARRIER.await(20, TimeUnit.SECONDS);
            List<KitOrder> mine = orders.where("customerId", "=", "c-1").all();
            assertThat(mine).hasSize(10).allSatisfy(o -> assertThat(o.items()).containsExactly(me));
        }
    }

    @DynamoBackend(Backend.EMBEDDED)
    static class Embedded1 extends Writer {}

    @DynamoBackend(Backend.EMBEDDED)
    static class Embedded2 extends Writer {}

    @DynamoBackend(Backend.EMBEDDED)
    static class Embedded3 extends Writer {}

    @DynamoBackend(Backend.DYNOXIDE)
    static class Dynoxide1 extends Writer {}

    @DynamoBackend(Backend.DYNOXIDE)
    static class Dynoxide2 extends Writer {}

    @DynamoBackend(Backend.DYNOXIDE)
    static class Dynoxide3 extends Writer {}
}
