package dev.dynamorm.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Hook;
import dev.dynamorm.HookContext;
import dev.dynamorm.Operation;
import dev.dynamorm.Outcome;
import dev.dynamorm.Plugin;
import dev.dynamorm.PluginContext;
import dev.dynamorm.PluginException;
import dev.dynamorm.Statistic;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.local.LocalDynamoDb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code DynamORM.observe} and {@code DynamORM.publish}: work and statistics of code that is not a
 * plugin (a stream consumer), shown to the installed plugins.
 */
final class ObservedWorkTest {

    private static LocalDynamoDb local;

    @DynamoTable("feeds")
    record Feed(@PartitionKey String id) {}

    /** Logs what its hook sees and the statistics it hears of. */
    static final class Watcher implements Plugin, Hook {
        final List<String> log = new ArrayList<>();
        final List<String> statistics = new ArrayList<>();
        boolean veto;

        @Override
        public String name() {
            return "watcher";
        }

        @Override
        public void initialize(PluginContext context) {
            context.onStatistic(s -> statistics.add(s.name() + "=" + s.value()));
        }

        @Override
        public List<Hook> hooks() {
            return List.of(this);
        }

        @Override
        public void before(HookContext c) {
            log.add("before " + c.operation() + " " + c.tableName() + " " + c.attribute("batch"));
            if (veto) {
                throw new IllegalStateException("not now");
            }
        }

        @Override
        public void after(HookContext c, Outcome o) {
            log.add(
                    "after "
                            + c.operation()
                            + " "
                            + c.modelType().getSimpleName()
                            + " "
                            + o.failure().map(Throwable::getMessage).orElse("ok"));
        }
    }

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    private static DynamORM db(Watcher w) {
        return DynamORM.builder()
                .client(local.client())
                .tableNamePrefix("ow_")
                .discoverPlugins(false)
                .plugin(w)
                .build();
    }

    @Test
    void observedWork_runsBetweenTheHooks_withItsAttributesAndOutcome() {
        Watcher w = new Watcher();
        try (DynamORM db = db(w)) {
            String r =
                    db.observe(
                            Operation.STREAM_READ,
                            Feed.class,
                            Map.of("batch", 7L),
                            () -> "handled");
            assertThat(r).isEqualTo("handled");
            assertThatThrownBy(
                            () ->
                                    db.observe(
                                            Operation.STREAM_READ,
                                            Feed.class,
                                            Map.of(),
                                            () -> {
                                                throw new IllegalArgumentException("bad batch");
                                            }))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("bad batch");
        }
        assertThat(w.log)
                .containsExactly(
                        "before STREAM_READ ow_feeds 7",
                        "after STREAM_READ Feed ok",
                        "before STREAM_READ ow_feeds null",
                        "after STREAM_READ Feed bad batch");
    }

    @Test
    void aVetoingHook_keepsTheWorkFromRunning() {
        Watcher w = new Watcher();
        w.veto = true;
        AtomicBoolean ran = new AtomicBoolean();
        try (DynamORM db = db(w)) {
            assertThatThrownBy(
                            () ->
                                    db.observe(
                                            Operation.STREAM_READ,
                                            Feed.class,
                                            Map.of(),
                                            () -> ran.getAndSet(true)))
                    .isInstanceOf(PluginException.class)
                    .hasMessageContaining("not now");
        }
        assertThat(ran).isFalse();
    }

    @Test
    void onlyStreamReadsAreObserved() {
        try (DynamORM db = db(new Watcher())) {
            assertThatThrownBy(() -> db.observe(Operation.GET, Feed.class, Map.of(), () -> 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "observe runs work that sends no request of its own: only STREAM_READ"
                                    + " is such an operation, not GET");
        }
    }

    @Test
    void aPublishedStatistic_reachesTheListeningPlugins_andIsListed() {
        Watcher w = new Watcher();
        try (DynamORM db = db(w)) {
            db.publish(Statistic.counter("feed.items", "items fed", Map.of("feed", "a"), () -> 4));
            assertThat(w.statistics).contains("feed.items=4.0");
            assertThat(db.statistics())
                    .filteredOn(s -> s.name().equals("feed.items"))
                    .singleElement()
                    .satisfies(s -> assertThat(s.tags()).containsEntry("feed", "a"));
        }
    }
}
