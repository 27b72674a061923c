package dev.dynamorm.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@DynamoBackend(Backend.EMBEDDED)
class RawClientOnEmbeddedTest extends RawClientSuite {

    @Override
    Backend expectedBackend() {
        return Backend.EMBEDDED;
    }

    @Test
    void theHttpEndpointSeesWhatTheInProcessClientWrote(
            DynamoDbClient inProcess, BackendContext context) {
        String table = context.tableName("shared");
        createTable(inProcess, table);
        inProcess.putItem(
                r ->
                        r.tableName(table)
                                .item(
                                        Map.of(
                                                "pk",
                                                AttributeValue.fromS("k"),
                                                "sk",
                                                AttributeValue.fromN("1"))));

        assertThat(context.endpoint().getHost()).isEqualTo("127.0.0.1");
        try (DynamoDbClient http =
                DynamoDbClient.builder()
                        .endpointOverride(context.endpoint())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("a", "b")))
                        .httpClientBuilder(
                                software.amazon.awssdk.http.apache5.Apache5HttpClient.builder())
                        .build()) {
            assertThat(http.scan(r -> r.tableName(table)).count()).isEqualTo(1);
        }
    }
}
