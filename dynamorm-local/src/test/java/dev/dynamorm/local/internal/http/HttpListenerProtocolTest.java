package dev.dynamorm.local.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.local.internal.engine.Engine;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Host checks, authorization, 404, request ids and CORS, over real loopback sockets. */
class HttpListenerProtocolTest {
    private HttpListener listener;

    private URI start(HttpOptions options) throws IOException {
        listener = new HttpListener(new Engine("us-east-1", "000000000000"), 0, options);
        return listener.endpoint();
    }

    @AfterEach
    void stop() {
        if (listener != null) {
            listener.close();
        }
    }

    private static String withHost(String host) {
        return RawHttp.post("ListTables", "{}").replace("Host: 127.0.0.1", "Host: " + host);
    }

    @Test
    void onlyLoopbackAndConfiguredHostsAreServed() throws Exception {
        URI endpoint = start(HttpOptions.defaults().withAllowedHosts(Set.of("dynamo.test")));
        for (String ok :
                new String[] {
                    "127.0.0.1:" + endpoint.getPort(),
                    "localhost:" + endpoint.getPort(),
                    "[::1]:8000",
                    "LOCALHOST",
                    "dynamo.test:8000"
                }) {
            assertThat(RawHttp.exchange(endpoint, withHost(ok))).as(ok).startsWith("HTTP/1.1 200");
        }
        for (String bad :
                new String[] {"attacker.example", "attacker.example:8000", "127.0.0.1.evil.com"}) {
            assertThat(RawHttp.exchange(endpoint, withHost(bad)))
                    .as(bad)
                    .startsWith("HTTP/1.1 403 Forbidden")
                    .contains("is not allowed: dynamorm-local answers requests for localhost");
        }
        assertThat(
                        RawHttp.exchange(
                                endpoint,
                                RawHttp.post("ListTables", "{}")
                                        .replace("Host: 127.0.0.1\r\n", "")))
                .startsWith("HTTP/1.1 400")
                .contains("Missing Host header");
    }

    @Test
    void authorizationIsRequiredAsDynamoDbRequiresIt() throws Exception {
        URI endpoint = start(HttpOptions.defaults());
        String missing =
                RawHttp.exchange(
                        endpoint, RawHttp.post("ListTables", "{}").replace(RawHttp.AUTH, ""));
        assertThat(missing)
                .startsWith("HTTP/1.1 400")
                .contains(
                        "{\"__type\":\"com.amazon.coral.service#MissingAuthenticationTokenException\","
                                + "\"message\":\"Request is missing Authentication Token\"}");
        String malformed =
                RawHttp.exchange(
                        endpoint,
                        RawHttp.post("ListTables", "{}")
                                .replace(RawHttp.AUTH, "Authorization: Bearer abc\r\n"));
        assertThat(malformed)
                .startsWith("HTTP/1.1 400")
                .contains("com.amazon.coral.service#InvalidSignatureException")
                .contains(
                        "Authorization header requires 'AWS4-HMAC-SHA256' as the signing algorithm.");
        String noSignature =
                RawHttp.exchange(
                        endpoint, RawHttp.post("ListTables", "{}").replace(", Signature=00", ""));
        assertThat(noSignature)
                .contains("InvalidSignatureException")
                .contains("Authorization header requires 'Signature' parameter.");
    }

    private static DynamoDbClient client(URI endpoint, String key, String secret) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
                .build();
    }

    @Test
    void signaturesAreVerifiedWhenKeysAreConfigured() throws Exception {
        URI endpoint = start(HttpOptions.defaults().withSigningKeys(Map.of("AKIDLOCAL", "s3cret")));
        try (DynamoDbClient good = client(endpoint, "AKIDLOCAL", "s3cret");
                DynamoDbClient wrongSecret = client(endpoint, "AKIDLOCAL", "guess");
                DynamoDbClient unknown = client(endpoint, "AKIDOTHER", "s3cret")) {
            assertThat(good.listTables().tableNames()).isEmpty();
            assertThatThrownBy(wrongSecret::listTables)
                    .hasMessageContaining(
                            "The request signature we calculated does not match the signature you"
                                    + " provided.");
            assertThatThrownBy(unknown::listTables)
                    .hasMessageContaining("The security token included in the request is invalid.");
        }
        // off by default: any well-formed header passes
        listener.close();
        URI open = start(HttpOptions.defaults());
        try (DynamoDbClient any = client(open, "whatever", "whatever")) {
            assertThat(any.listTables().tableNames()).isEmpty();
        }
    }

    @Test
    void otherPathsAre404AndRequestIdsLookLikeDynamoDbs() throws Exception {
        URI endpoint = start(HttpOptions.defaults());
        assertThat(
                        RawHttp.exchange(
                                endpoint,
                                RawHttp.post("ListTables", "{}")
                                        .replace("POST / ", "POST /tables ")))
                .startsWith("HTTP/1.1 404 Not Found")
                .contains("UnknownOperationException");
        String ok = RawHttp.exchange(endpoint, RawHttp.post("ListTables", "{}"));
        assertThat(ok).containsPattern("x-amzn-RequestId: [A-Z0-9]{52}\r\n");
    }

    @Test
    void corsLikeDynamoDbLocal() throws Exception {
        URI endpoint = start(HttpOptions.defaults());
        String preflight =
                RawHttp.exchange(
                        endpoint,
                        "OPTIONS / HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://localhost:3000\r\n"
                                + "Access-Control-Request-Method: POST\r\n"
                                + "Access-Control-Request-Headers: authorization, x-amz-target\r\n\r\n");
        assertThat(preflight)
                .startsWith("HTTP/1.1 200 OK")
                .contains("Access-Control-Allow-Origin: *\r\n")
                .contains("Access-Control-Allow-Methods: GET, POST, OPTIONS\r\n")
                .contains("Access-Control-Allow-Headers: authorization, x-amz-target\r\n")
                .contains("Access-Control-Max-Age: 172800\r\n");
        String answer =
                RawHttp.exchange(
                        endpoint,
                        RawHttp.post("ListTables", "{}")
                                .replace(
                                        "Host: 127.0.0.1\r\n",
                                        "Host: 127.0.0.1\r\nOrigin: http://localhost:3000\r\n"));
        assertThat(answer)
                .contains("Access-Control-Allow-Origin: *\r\n")
                .contains("Access-Control-Expose-Headers: x-amzn-RequestId, x-amz-crc32\r\n");
        listener.close();
        URI listed = start(HttpOptions.defaults().withCorsOrigin("http://app.localhost"));
        assertThat(
                        RawHttp.exchange(
                                listed,
                                "OPTIONS / HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://elsewhere\r\n\r\n"))
                .doesNotContain("Access-Control-Allow-Origin");
    }
}
