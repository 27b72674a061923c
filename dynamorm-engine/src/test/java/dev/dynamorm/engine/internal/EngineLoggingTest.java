package dev.dynamorm.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Table;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import dev.dynamorm.engine.internal.query.QueryRunner;
import dev.dynamorm.engine.internal.write.TableWriter;
import dev.dynamorm.local.LocalDynamoDb;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/**
 * The engine logs hazards at WARN (a scan, a filter that discards most of what was read, an item
 * close to the size limit) and nothing per item at INFO; checked with the capturing SLF4J binding
 * of the test class path on the embedded engine.
 */
final class EngineLoggingTest {

    private static LocalDynamoDb local;

    @DynamoTable("logged")
    record Entry(@PartitionKey String group, @SortKey int seq, String tag, String body) {}

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @BeforeEach
    void clear() {
        CapturedLogs.clear();
    }

    private static List<String> warnings(Class<?> logger) {
        return CapturedLogs.messages(Level.WARN, logger.getName());
    }

    @Test
    void scan_andAFilterDiscardingMostItems_areLoggedAtWarn() {
        try (DynamORM db =
                DynamORM.builder().client(local.client()).tableNamePrefix("scanwarn_").build()) {
            Table<Entry> entries = db.table(Entry.class);
            entries.createTable();
            CapturedLogs.clear();
            for (int i = 0; i < 120; i++) {
                entries.put(new Entry("g", i, i == 7 ? "rare" : "common", "b"));
            }
            assertThat(CapturedLogs.events())
                    .as("nothing per item at INFO or above")
                    .noneMatch(e -> e.logger().startsWith("dev.dynamorm"));

            assertThat(entries.scan()).hasSize(120);
            assertThat(warnings(QueryRunner.class))
                    .singleElement()
                    .satisfies(
                            m ->
                                    assertThat(m)
                                            .startsWith(
                                                    "scan of table 'scanwarn_logged' (model "
                                                            + Entry.class.getName()
                                                            + ") reads every item")
                                            .contains("bind a partition key"));

            CapturedLogs.clear();
            assertThat(entries.where("group", "=", "g").filter("tag", "=", "rare").all())
                    .hasSize(1);
            assertThat(warnings(QueryRunner.class))
                    .singleElement()
                    .satisfies(
                            m ->
                                    assertThat(m)
                                            .startsWith(
                                                    "QUERY on table 'scanwarn_logged' (model "
                                                            + Entry.class.getName()
                                                            + ") read 120 items but its filter [")
                                            .endsWith(
                                                    "] kept 1: most of what was read was discarded; a key condition or an index on the "
                                                            + "filtered fields would read less"));

            CapturedLogs.clear();
            assertThat(entries.where("group", "=", "g").filter("tag", "=", "common").all())
                    .hasSize(119);
            assertThat(entries.where("group", "=", "g").where("seq", "<", 5).all()).hasSize(5);
            assertThat(warnings(QueryRunner.class)).as("selective reads are not hazards").isEmpty();
        }
    }

    @Test
    void itemNearTheSizeLimit_isLoggedAtWarn_atMostOncePerMinutePerTable() {
        try (DynamORM db =
                DynamORM.builder().client(local.client()).tableNamePrefix("sizewarn_").build()) {
            Table<Entry> entries = db.table(Entry.class);
            entries.createTable();
            entries.put(new Entry("g", 0, "small", "x".repeat(300_000)));
            assertThat(warnings(TableWriter.class))
                    .as("75% of the limit is not a hazard")
                    .isEmpty();

            String big = "x".repeat(380_000); // over 90% of 409,600 bytes
            entries.put(new Entry("g", 1, "big", big));
            entries.put(new Entry("g", 2, "big", big));
            entries.update(new Entry("g", 1, "bigger", big), "tag");
            assertThat(warnings(TableWriter.class))
                    .singleElement()
                    .satisfies(
                            m ->
                                    assertThat(m)
                                            .startsWith(
                                                    "item with key [group, seq]=<redacted> of model "
                                                            + Entry.class.getName()
                                                            + " in table 'sizewarn_logged' is 3800")
                                            .contains(
                                                    "over 90% of DynamoDB's 409600-byte item limit")
                                            .endsWith(
                                                    "(further warnings for this table are suppressed for a minute)"));
            assertThat(entries.get("g", 2)).map(e -> e.body().length()).contains(380_000);
        }
    }
}
