package dev.dynamorm.test.assertions;

import static dev.dynamorm.test.assertions.DynamoAssertions.assertThatRequests;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.BackendContext;
import dev.dynamorm.test.DynamoBackend;
import dev.dynamorm.test.KitRuns;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The recorder on a client users build themselves, and the message when a test asks for one without
 * recording.
 */
@DynamoBackend(Backend.DYNOXIDE)
final class RequestRecorderTest {

    @Test
    void recordsOnAClientTheUserBuilds(BackendContext backend) {
        RequestRecorder recorder = new RequestRecorder();
        try (DynamoDbClient client =
                DynamoDbClient.builder()
                        .endpointOverride(backend.endpoint())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("dynamorm", "dynamorm")))
                        .overrideConfiguration(o -> o.addExecutionInterceptor(recorder))
                        .build()) {
            client.listTables();
        }

        assertThatRequests(recorder).single().isOperation("ListTables").succeeded();
        assertThat(recorder.toString())
                .isEqualTo("1 recorded requests\n  0: ListTables [], succeeded");
    }

    @Test
    void injectingARecorderWithoutRecordingSaysWhatToAnnotate() {
        EngineExecutionResults results = KitRuns.run(NotRecording.class);

        assertThat(KitRuns.messages(results.testEvents().failed().list()))
                .singleElement()
                .asString()
                .isEqualTo(
                        "ParameterResolutionException: cannot inject RequestRecorder: a RequestRecorder needs a"
                                + " client that records: annotate "
                                + NotRecording.class.getName()
                                + " with"
                                + " @DynamoBackend(recordRequests = true) (or the test with @BackendTest(...,"
                                + " recordRequests = true))");
    }

    @DynamoBackend(Backend.EMBEDDED)
    static class NotRecording {
        @Test
        void wantsARecorder(RequestRecorder recorder) {
            throw new AssertionError("not reached");
        }
    }
}
