package dev.dynamorm.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.DynamORM;
import dev.dynamorm.test.fixtures.Fixture;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A backend per test: {@code @DynamoBackend} on a test method gives that test its own backend,
 * prefix, tables and fixtures; {@code @BackendTest} runs a test once per backend.
 */
final class PerTestBackendTest {

    static final Map<String, BackendContext> CONTEXTS = new ConcurrentHashMap<>();
    static final Map<String, List<String>> TABLES = new ConcurrentHashMap<>();
    static final Map<String, Integer> ITEMS = new ConcurrentHashMap<>();

    @BeforeEach
    void reset() {
        CONTEXTS.clear();
        TABLES.clear();
        ITEMS.clear();
    }

    @Test
    void aTestAnnotatedWithABackendGetsItsOwnWorldOnIt() {
        EngineExecutionResults results =
                KitRuns.run(List.of(ClassOnEmbedded.class, DynoxideVerifier.class));

        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
        BackendContext classContext = CONTEXTS.get("class");
        BackendContext own = CONTEXTS.get("own");
        assertThat(classContext.backend()).isEqualTo(Backend.EMBEDDED);
        assertThat(own.backend()).isEqualTo(Backend.DYNOXIDE);
        assertThat(own.tableNamePrefix()).matches("t\\d+_ClassOnEmbedded_onDynoxide_");
        assertThat(TABLES.get("own"))
                .containsExactlyInAnyOrder(own.tableName("orders"), own.tableName("customers"));
        assertThat(ITEMS.get("own")).as("class and method fixtures").isEqualTo(3 + 2);
        assertThat(ITEMS.get("class")).as("the class's own tables are untouched").isEqualTo(3);
        assertThat(TABLES.get("verifier"))
                .as("the test's tables are deleted after it")
                .noneMatch(name -> name.startsWith(own.tableNamePrefix()));
    }

    @Test
    void aBackendTestRunsOncePerBackendEachInItsOwnWorld() {
        EngineExecutionResults results = KitRuns.run(TwoBackends.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(results.testEvents().started().list())
                .extracting(e -> e.getTestDescriptor().getDisplayName())
                .containsExactly("[embedded]", "[dynoxide]");
        assertThat(CONTEXTS.get("EMBEDDED").backend()).isEqualTo(Backend.EMBEDDED);
        assertThat(CONTEXTS.get("DYNOXIDE").backend()).isEqualTo(Backend.DYNOXIDE);
        assertThat(CONTEXTS.get("EMBEDDED").tableNamePrefix())
                .matches("t\\d+_TwoBackends_savesAnOrder_")
                .isNotEqualTo(CONTEXTS.get("DYNOXIDE").tableNamePrefix());
        assertThat(ITEMS).containsEntry("EMBEDDED", 3).containsEntry("DYNOXIDE", 3);
    }

    @Test
    void aRunWhoseBackendCannotStartIsSkippedWithTheReason() {
        EngineExecutionResults results = KitRuns.run(WithUnavailableRun.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1).skipped(1));
        List<Event> skipped = results.testEvents().skipped().list();
        assertThat(skipped)
                .extracting(e -> e.getTestDescriptor().getDisplayName())
                .containsExactly("[endpoint]");
        assertThat(KitRuns.messages(skipped))
                .singleElement()
                .asString()
                .startsWith("backend endpoint unavailable, test skipped: no endpoint configured");
    }

    @Test
    void aBackendNamedTwiceOrNoneIsAConfigurationError() {
        EngineExecutionResults results = KitRuns.run(BadBackendTests.class);

        assertThat(KitRuns.messages(results.containerEvents().failed().list()))
                .anySatisfy(
                        m ->
                                assertThat(m)
                                        .isEqualTo(
                                                "ExtensionConfigurationException: @BackendTest on "
                                                        + BadBackendTests.class.getName()
                                                        + ".twice names EMBEDDED twice: name each backend once"))
                .anySatisfy(
                        m ->
                                assertThat(m)
                                        .startsWith(
                                                "ExtensionConfigurationException: @BackendTest on "
                                                        + BadBackendTests.class.getName()
                                                        + ".none names no backend: name at least one"));
    }

    @Test
    void testsOfAClassWithoutTheKitGetTheirOwnWorld() {
        EngineExecutionResults results =
                KitRuns.run(PlainClass.class, Settings.BACKEND, "dynoxide");

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(CONTEXTS.get("plain").backend()).isEqualTo(Backend.DYNOXIDE);
        assertThat(CONTEXTS.get("plain-own").backend()).isEqualTo(Backend.EMBEDDED);
        assertThat(ITEMS.get("plain")).isEqualTo(3);
    }

    @DynamoBackend(value = Backend.EMBEDDED, models = KitOrder.class)
    @Fixture("fixtures/orders.json")
    @Order(1)
    static class ClassOnEmbedded {
        @Test
        void onTheClassBackend(BackendContext context, DynamORM db) {
            CONTEXTS.put("class", context);
            ITEMS.put("class", db.table(KitOrder.class).scan().size());
        }

        @Test
        @DynamoBackend(value = Backend.DYNOXIDE, models = KitCustomer.class)
        @Fixture("fixtures/customers.yaml")
        void onDynoxide(BackendContext context, DynamoDbClient client, DynamORM db) {
            CONTEXTS.put("own", context);
            TABLES.put("own", TableCleaner.tablesWithPrefix(client, context.tableNamePrefix()));
            ITEMS.put(
                    "own",
                    db.table(KitOrder.class).scan().size()
                            + db.table(KitCustomer.class).scan().size());
        }
    }

    @DynamoBackend(Backend.DYNOXIDE)
    @Order(2)
    static class DynoxideVerifier {
        @Test
        void listsTables(DynamoDbClient client) {
            TABLES.put("verifier", client.listTables().tableNames());
        }
    }

    @DynamoBackend(models = KitOrder.class)
    @Fixture("fixtures/orders.json")
    static class TwoBackends {
        @BackendTest({Backend.EMBEDDED, Backend.DYNOXIDE})
        void savesAnOrder(Backend backend, BackendContext context, DynamORM db) {
            CONTEXTS.put(backend.name(), context);
            ITEMS.put(backend.name(), db.table(KitOrder.class).scan().size());
        }
    }

    static class WithUnavailableRun {
        @BackendTest({Backend.ENDPOINT, Backend.EMBEDDED})
        void runs(Backend backend) {
            assertThat(backend).isEqualTo(Backend.EMBEDDED);
        }
    }

    static class BadBackendTests {
        @BackendTest({Backend.EMBEDDED, Backend.EMBEDDED})
        void twice() {}

        @BackendTest({})
        void none() {}
    }

    static class PlainClass {
        @Test
        @DynamoBackend(models = KitOrder.class)
        @Fixture("fixtures/orders.json")
        void configuredBackend(BackendContext context, DynamORM db) {
            CONTEXTS.put("plain", context);
            ITEMS.put("plain", db.table(KitOrder.class).scan().size());
        }

        @Test
        @DynamoBackend(value = Backend.EMBEDDED, models = KitOrder.class)
        void ownBackend(BackendContext context) {
            CONTEXTS.put("plain-own", context);
        }
    }
}
