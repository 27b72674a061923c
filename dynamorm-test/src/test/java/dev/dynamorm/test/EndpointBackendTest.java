package dev.dynamorm.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The ENDPOINT backend connects to a server someone else runs: here, the dynoxide of this class.
 */
@DynamoBackend(Backend.DYNOXIDE)
class EndpointBackendTest {

    static final AtomicReference<BackendContext> SEEN = new AtomicReference<>();

    @Test
    void connectsToTheConfiguredEndpointWithARunTokenInThePrefixAndCleansUp(
            DynamoDbClient dynoxide, BackendContext context) {
        EngineExecutionResults results =
                KitRuns.run(
                        OnEndpoint.class,
                        Settings.ENDPOINT,
                        context.endpoint().toString(),
                        Settings.REQUIRE,
                        "endpoint");

        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        BackendContext seen = SEEN.get();
        assertThat(seen.backend()).isEqualTo(Backend.ENDPOINT);
        assertThat(seen.endpoint()).isEqualTo(context.endpoint());
        assertThat(seen.tableNamePrefix()).matches("t\\d+_[a-z0-9]{5}_OnEndpoint_");
        // the nested run ended: its table is gone from the server, which keeps running
        assertThat(TableCleaner.tablesWithPrefix(dynoxide, seen.tableNamePrefix())).isEmpty();
        assertThat(dynoxide.listTables().tableNames()).isNotNull();
    }

    @DynamoBackend(Backend.ENDPOINT)
    static class OnEndpoint {
        @Test
        void createsATable(DynamoDbClient client, BackendContext context) {
            SEEN.set(context);
            RawClientSuite.createTable(client, context.tableName("t"));
            assertThat(client.listTables().tableNames()).contains(context.tableName("t"));
        }
    }
}
