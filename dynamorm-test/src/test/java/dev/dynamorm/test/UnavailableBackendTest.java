package dev.dynamorm.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.testcontainers.DockerClientFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Backends that cannot start skip their classes with the reason, or fail them when required. */
class UnavailableBackendTest {

    @BeforeAll
    static void dockerIsNotRunningHere() {
        org.junit.jupiter.api.Assumptions.assumeFalse(
                DockerClientFactory.instance().isDockerAvailable(),
                "docker runs here, so localstack would start: these tests need a machine without docker");
    }

    @Test
    void localStackWithoutDockerSkipsTheClassWithTheReason() {
        EngineExecutionResults results = KitRuns.run(LocalStackFixture.class);

        assertThat(KitRuns.messages(results.containerEvents().skipped().list()))
                .singleElement()
                .asString()
                .startsWith(
                        "backend localstack unavailable, class skipped: docker is not available")
                .contains("add localstack to -Ddynamorm.it.require to fail instead");
        results.testEvents().assertStatistics(stats -> stats.started(0));
    }

    @Test
    void withConditionsDeactivatedTheClassIsAbortedBeforeAllWithTheReason() {
        EngineExecutionResults results =
                KitRuns.run(LocalStackFixture.class, "junit.jupiter.conditions.deactivate", "*");

        assertThat(KitRuns.messages(results.containerEvents().aborted().list()))
                .singleElement()
                .asString()
                .startsWith(
                        "TestAbortedException: backend localstack unavailable, class skipped: docker is not available");
        results.testEvents().assertStatistics(stats -> stats.started(0));
    }

    @Test
    void localStackWithoutDockerFailsTheClassWhenRequired() {
        EngineExecutionResults results =
                KitRuns.run(LocalStackFixture.class, Settings.REQUIRE, "dynoxide,LOCALSTACK");

        assertThat(KitRuns.messages(results.containerEvents().failed().list()))
                .singleElement()
                .asString()
                .startsWith(
                        "ExtensionConfigurationException: backend localstack is required by"
                                + " -Ddynamorm.it.require but unavailable: docker is not available");
        results.containerEvents().assertStatistics(stats -> stats.aborted(0).skipped(0));
        results.testEvents().assertStatistics(stats -> stats.started(0));
    }

    @Test
    void missingServersFolderNamesTheSetting() {
        EngineExecutionResults results =
                KitRuns.run(DynoxideFixture.class, Settings.SERVERS, "/nonexistent/test-servers");

        assertThat(KitRuns.messages(results.containerEvents().skipped().list()))
                .singleElement()
                .asString()
                .contains(
                        "-Ddynamorm.test.servers=/nonexistent/test-servers has no node_modules folder");
    }

    @Test
    void endpointWithoutConfigurationSkips() {
        EngineExecutionResults results = KitRuns.run(EndpointFixture.class);

        assertThat(KitRuns.messages(results.containerEvents().skipped().list()))
                .singleElement()
                .asString()
                .contains("no endpoint configured: set -Ddynamorm.test.endpoint=");
    }

    @Test
    void endpointWhereNothingListensFailsWhenRequired() throws Exception {
        int port = ProcessServer.freeLoopbackPort();
        EngineExecutionResults results =
                KitRuns.run(
                        EndpointFixture.class,
                        Settings.ENDPOINT,
                        "http://127.0.0.1:" + port,
                        Settings.START_TIMEOUT,
                        "1",
                        Settings.REQUIRE,
                        "endpoint");

        assertThat(KitRuns.messages(results.containerEvents().failed().list()))
                .singleElement()
                .asString()
                .contains("backend endpoint is required")
                .contains("did not answer ListTables within 1 s");
    }

    @DynamoBackend(Backend.LOCALSTACK)
    static class LocalStackFixture {
        @Test
        void neverRuns(DynamoDbClient client) {
            throw new AssertionError("must not run without docker");
        }
    }

    @DynamoBackend(Backend.DYNOXIDE)
    static class DynoxideFixture {
        @Test
        void neverRuns(DynamoDbClient client) {
            throw new AssertionError("must not run without servers");
        }
    }

    @DynamoBackend(Backend.ENDPOINT)
    static class EndpointFixture {
        @Test
        void neverRuns(DynamoDbClient client) {
            throw new AssertionError("must not run without an endpoint");
        }
    }
}
