package dev.dynamorm.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** A backend's server started outside JUnit, through the same launcher as the extension. */
@DisabledOnOs(OS.WINDOWS)
final class BackendServerTest {

    @Test
    void start_dynoxide_answersOnItsEndpointAndStopsOnClose() {
        assumeTrue(
                TestServers.npmPlatform().equals("linux-x64"),
                "dynoxide is pinned for linux-x64 only");
        BackendServer server = BackendServer.start(Backend.DYNOXIDE);
        try (server) {
            assertThat(server.backend()).isEqualTo(Backend.DYNOXIDE);
            assertThat(server.endpoint().getHost()).isEqualTo("127.0.0.1");
            assertThat(server.client().listTables().tableNames()).isEmpty();
        }
        assertThatThrownBy(() -> server.client().listTables()).isInstanceOf(RuntimeException.class);
    }

    @Test
    void start_anUnavailableBackend_saysWhy() {
        assumeTrue(
                System.getProperty(Settings.ENDPOINT) == null
                        && System.getenv(Settings.envName(Settings.ENDPOINT)) == null,
                "an endpoint is configured in this environment");
        assertThatThrownBy(() -> BackendServer.start(Backend.ENDPOINT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "backend endpoint is unavailable: no endpoint configured: set"
                                + " -Ddynamorm.test.endpoint=http://127.0.0.1:8000 (or aws for real"
                                + " DynamoDB)");
    }
}
