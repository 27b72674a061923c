package dev.dynamorm.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

@DynamoBackend(Backend.DYNOXIDE)
class RawClientOnDynoxideTest extends RawClientSuite {

    @Override
    Backend expectedBackend() {
        return Backend.DYNOXIDE;
    }

    @Test
    void listensOnLoopbackAndLogsToAFile(BackendContext context) throws Exception {
        assertThat(context.endpoint().getHost()).isEqualTo("127.0.0.1");
        Path log =
                Path.of(System.getProperty(Settings.LOG_DIR, "target/dynamorm-test-servers"))
                        .resolve("dynoxide-" + context.endpoint().getPort() + ".log");
        assertThat(log).exists();
        assertThat(Files.readString(log)).contains("127.0.0.1:" + context.endpoint().getPort());
    }
}
