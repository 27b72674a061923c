package dev.dynamorm.local;

import static dev.dynamorm.local.Fixtures.item;
import static dev.dynamorm.local.Fixtures.n;
import static dev.dynamorm.local.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

class HttpEndpointTest {
    private static LocalDynamoDb db;
    private static DynamoDbClient http;

    @BeforeAll
    static void start() {
        db = LocalDynamoDb.start();
        URI endpoint = db.endpoint();
        assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
        assertThat(db.endpoint()).isEqualTo(endpoint);
        http =
                DynamoDbClient.builder()
                        .endpointOverride(endpoint)
                        .region(Region.US_EAST_1)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("k", "s")))
                        .build();
    }

    @AfterAll
    static void stop() {
        http.close();
        db.close();
    }

    @Test
    void sdkOverHttpSharesStateWithInProcessClient() {
        String t = Fixtures.hashTable(http);
        http.putItem(r -> r.tableName(t).item(item("pk", s("a"), "v", n(1))));
        assertThat(db.client().getItem(r -> r.tableName(t).key(item("pk", s("a")))).item())
                .containsEntry("v", n(1));
        assertThatThrownBy(
                        () ->
                                http.putItem(
                                        r ->
                                                r.tableName(t)
                                                        .item(item("pk", s("a")))
                                                        .conditionExpression(
                                                                "attribute_not_exists(pk)")))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThatThrownBy(() -> http.describeTable(r -> r.tableName("nope")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    private record Raw(int status, String contentType, String body) {}

    private static Raw post(String target, String body) throws IOException {
        HttpURLConnection conn = (HttpURLConnection) db.endpoint().toURL().openConnection();
        conn.setRequestMethod("POST");
        conn.setDoOutput(true);
        conn.setRequestProperty("Content-Type", "application/x-amz-json-1.0");
        conn.setRequestProperty("X-Amz-Target", target);
        // as every SDK sends; the listener refuses requests without it, as DynamoDB does
        conn.setRequestProperty(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=k/20260101/us-east-1/dynamodb/aws4_request,"
                        + " SignedHeaders=host;x-amz-date, Signature=00");
        conn.setRequestProperty("X-Amz-Date", "20260101T000000Z");
        try (OutputStream out = conn.getOutputStream()) {
            out.write(body.getBytes(StandardCharsets.UTF_8));
        }
        int status = conn.getResponseCode();
        try (InputStream in = status >= 400 ? conn.getErrorStream() : conn.getInputStream()) {
            return new Raw(
                    status,
                    conn.getContentType(),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            conn.disconnect();
        }
    }

    @Test
    void rawProtocolErrors() throws Exception {
        Raw resp =
                post(
                        "DynamoDB_20120810.GetItem",
                        "{\"TableName\":\"nope\",\"Key\":{\"pk\":{\"S\":\"a\"}}}");
        assertThat(resp.status()).isEqualTo(400);
        assertThat(resp.body())
                .contains(
                        "\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\"");
        assertThat(resp.contentType()).isEqualTo("application/x-amz-json-1.0");
        Raw bad =
                post(
                        "DynamoDB_20120810.PutItem",
                        "{\"TableName\":\"x\",\"Item\":{\"pk\":{\"S\":\"a\",\"N\":\"1\"}}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body())
                .contains("\"__type\":\"com.amazon.coral.validate#ValidationException\"")
                .contains("more than one datatypes");
        Raw list = post("DynamoDB_20120810.ListTables", "{}");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).startsWith("{\"TableNames\":[");
        Raw unknown = post("DynamoDB_20120810.Frobnicate", "{}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("UnknownOperationException");
    }
}
