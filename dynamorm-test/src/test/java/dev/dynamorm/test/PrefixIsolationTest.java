package dev.dynamorm.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Each class gets its own prefix, its tables are deleted after it (even when it fails), nested
 * classes share their outer class's setup, and the server stops when the run ends.
 */
class PrefixIsolationTest {

    static final Map<String, BackendContext> CONTEXTS = new ConcurrentHashMap<>();
    static final Map<String, List<String>> TABLES_SEEN = new ConcurrentHashMap<>();

    @BeforeEach
    void reset() {
        CONTEXTS.clear();
        TABLES_SEEN.clear();
    }

    @Test
    void classesGetDistinctPrefixesAndTheirTablesAreDeletedAfterThem() {
        EngineExecutionResults results =
                KitRuns.run(
                        List.of(First.class, Second.class, Verifier.class),
                        Settings.REQUIRE,
                        "dynoxide");

        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(3).failed(1));
        BackendContext first = CONTEXTS.get("First");
        BackendContext second = CONTEXTS.get("Second");
        assertThat(first.tableNamePrefix()).matches("t\\d+_First_");
        assertThat(second.tableNamePrefix())
                .matches("t\\d+_Second_")
                .isNotEqualTo(first.tableNamePrefix());
        assertThat(CONTEXTS.get("Second.Inner").tableNamePrefix())
                .isEqualTo(second.tableNamePrefix());
        assertThat(first.endpoint()).isEqualTo(second.endpoint());

        // the verifier ran after both on the same server: their tables, including those of the
        // failed test, are gone
        assertThat(TABLES_SEEN.get("First")).containsExactly(first.tableName("orders"));
        assertThat(TABLES_SEEN.get("Verifier"))
                .noneMatch(name -> name.startsWith(first.tableNamePrefix()))
                .noneMatch(name -> name.startsWith(second.tableNamePrefix()))
                .contains(CONTEXTS.get("Verifier").tableName("own"));
    }

    @Test
    void theServerStopsWhenTheRunEnds() {
        KitRuns.run(List.of(First.class), Settings.REQUIRE, "dynoxide")
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(1));

        URI endpoint = CONTEXTS.get("First").endpoint();
        assertThatThrownBy(
                        () -> {
                            try (Socket socket = new Socket()) {
                                socket.connect(
                                        new InetSocketAddress(
                                                endpoint.getHost(), endpoint.getPort()),
                                        1000);
                            }
                        })
                .isInstanceOf(IOException.class);
    }

    @DynamoBackend(Backend.DYNOXIDE)
    @Order(1)
    static class First {
        @Test
        void createsATable(DynamoDbClient client, BackendContext context) {
            CONTEXTS.put("First", context);
            RawClientSuite.createTable(client, context.tableName("orders"));
            TABLES_SEEN.put(
                    "First", TableCleaner.tablesWithPrefix(client, context.tableNamePrefix()));
        }
    }

    @DynamoBackend(Backend.DYNOXIDE)
    @Order(2)
    static class Second {
        @Test
        void failsAfterCreatingATable(DynamoDbClient client, BackendContext context) {
            CONTEXTS.put("Second", context);
            RawClientSuite.createTable(client, context.tableName("orders"));
            throw new AssertionError("deliberate failure: the table must still be deleted");
        }

        @Nested
        class Inner {
            @Test
            void sharesTheOuterSetup(DynamoDbClient client, BackendContext context) {
                CONTEXTS.put("Second.Inner", context);
                RawClientSuite.createTable(client, context.tableName("inner"));
            }
        }
    }

    @DynamoBackend(Backend.DYNOXIDE)
    @Order(3)
    static class Verifier {
        @Test
        void listsTables(DynamoDbClient client, BackendContext context) {
            CONTEXTS.put("Verifier", context);
            RawClientSuite.createTable(client, context.tableName("own"));
            TABLES_SEEN.put("Verifier", client.listTables().tableNames());
        }
    }
}
