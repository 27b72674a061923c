package dev.dynamorm.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** On the embedded engine, the recording client talks to the engine's HTTP listener. */
@DynamoBackend(Backend.EMBEDDED)
class RequestRecordingOnEmbeddedTest extends RequestRecordingSuite {

    @Test
    void theRecordingClientUsesTheLoopbackListener(DynamoDbClient client, BackendContext backend) {
        assertThat(client.serviceClientConfiguration().endpointOverride())
                .contains(backend.endpoint());
        assertThat(backend.endpoint().getHost()).isEqualTo("127.0.0.1");
    }
}
