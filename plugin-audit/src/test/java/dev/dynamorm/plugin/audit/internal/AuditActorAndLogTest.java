package dev.dynamorm.plugin.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.PluginException;
import dev.dynamorm.Table;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.local.LocalDynamoDb;
import dev.dynamorm.plugin.audit.ActorProvider;
import dev.dynamorm.plugin.audit.AuditConfig;
import dev.dynamorm.plugin.audit.AuditRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/** Who a record names as actor, and how the log sink writes the records of one request. */
final class AuditActorAndLogTest {

    private static LocalDynamoDb local;
    private final List<AuditRecord> records = Collections.synchronizedList(new ArrayList<>());
    private DynamORM db;

    @DynamoTable("ledger")
    public record Entry(@PartitionKey String id, long amount) {}

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private Table<Entry> open(AuditConfig.Builder config) {
        db =
                DynamORM.builder()
                        .client(local.client())
                        .tableNamePrefix("l" + UUID.randomUUID().toString().substring(0, 8) + "_")
                        .pluginConfig(config.sink(records::add).build())
                        .build();
        Table<Entry> entries = db.table(Entry.class);
        entries.createTable();
        return entries;
    }

    @Test
    void runAs_winsOverTheConfiguredActorProvider() {
        Table<Entry> entries =
                open(
                        AuditConfig.builder()
                                .logSink(false)
                                .actorProvider(ActorProvider.fixed("svc")));
        ActorProvider.runAs("alice", () -> entries.put(new Entry("e1", 1)));
        String bob =
                ActorProvider.callAs(
                        "bob",
                        () -> {
                            entries.put(new Entry("e2", 2));
                            return "e2";
                        });
        entries.put(new Entry("e3", 3));

        assertThat(bob).isEqualTo("e2");
        assertThat(records).extracting(AuditRecord::actor).containsExactly("alice", "bob", "svc");
    }

    @Test
    void logSink_writesOneLinePerRecordForSingleWrites_andBatchesOfOneHundred() {
        Table<Entry> entries = open(AuditConfig.builder());
        List<String> lines =
                auditLines(
                        () -> {
                            entries.put(new Entry("single", 1));
                            entries.batchPut(
                                    IntStream.range(0, 250)
                                            .mapToObj(i -> new Entry("b" + i, i))
                                            .toList());
                        });

        assertThat(records).hasSize(251); // sinks still get one record per item
        // one line per request: the put, and the 10 BatchWriteItem requests of 25 items each
        assertThat(lines).hasSize(11);
        assertThat(lines.get(0)).contains("{\"operation\":\"PUT\"").doesNotContain("[{");
        assertThat(lines.subList(1, 11))
                .allSatisfy(l -> assertThat(l.split("\"operation\":\"BATCH_WRITE\"")).hasSize(26))
                .allSatisfy(l -> assertThat(l).contains(" - [{\"operation\""));
    }

    @Test
    void logSink_splitsTheRecordsOfOneRequestIntoLinesOfTheBatchSize() {
        Table<Entry> entries = open(AuditConfig.builder().logBatchSize(10));
        List<String> lines =
                auditLines(
                        () ->
                                db.transaction(
                                        tx -> {
                                            for (int i = 0; i < 25; i++) {
                                                tx.put(new Entry("t" + i, i));
                                            }
                                        }));
        assertThat(entries.get("t24")).isPresent();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(2).split("\"operation\":\"TRANSACT_WRITE\"")).hasSize(6);
    }

    @Test
    void logSink_levelAndBatchSize_areConfigurable() {
        Table<Entry> perRecord = open(AuditConfig.builder().logBatchSize(1));
        List<String> lines =
                auditLines(
                        () ->
                                perRecord.batchPut(
                                        List.of(
                                                new Entry("x", 1),
                                                new Entry("y", 2),
                                                new Entry("z", 3))));
        assertThat(lines).hasSize(3);
        db.close();

        Table<Entry> quiet = open(AuditConfig.builder().logLevel(Level.DEBUG));
        assertThat(auditLines(() -> quiet.put(new Entry("q", 1)))).isEmpty(); // INFO and up shown
        assertThat(records).hasSize(4);

        assertThatThrownBy(() -> AuditConfig.builder().logBatchSize(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("audit log batch size must be at least 1, got 0");
        AuditConfig fromProperties =
                AuditPlugin.fromProperties(Map.of("log.level", "debug", "log.batchSize", "10"));
        assertThat(fromProperties.logLevel()).isEqualTo(Level.DEBUG);
        assertThat(fromProperties.logBatchSize()).isEqualTo(10);
        assertThatThrownBy(() -> AuditPlugin.fromProperties(Map.of("log.level", "loud")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "audit property log.level must be one of TRACE, DEBUG, INFO, WARN, ERROR, got 'loud'");
    }

    @Test
    void unknownProperty_failsTheBuildWithADidYouMean() {
        assertThatThrownBy(() -> AuditPlugin.fromProperties(Map.of("imgaes", "true")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "unknown option 'imgaes' for plugin audit; did you mean 'images'? options are "
                                + "[sinks, images, redact, actor, log.level, log.batchSize]");
        Properties p = new Properties();
        p.setProperty("dynamorm.plugin.audit.colour", "blue");
        assertThatThrownBy(
                        () -> DynamORM.builder().client(local.client()).pluginProperties(p).build())
                .isInstanceOf(PluginException.class)
                .hasMessageContaining(
                        "unknown option 'colour' for plugin audit; options are [sinks, images, redact, actor, "
                                + "log.level, log.batchSize]");
    }

    /** The lines logger {@code dev.dynamorm.audit} wrote (slf4j-simple writes to System.err). */
    private static List<String> auditLines(Runnable body) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(l -> l.contains(" dev.dynamorm.audit - "))
                .toList();
    }
}
