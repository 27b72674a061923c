package dev.dynamorm.benchmarks;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An in-process {@link SdkHttpClient} that answers every DynamoDB call with a canned, valid JSON
 * response chosen by the {@code X-Amz-Target} operation: what is measured through it is the cost of
 * the code above the wire (the ORM and the SDK's marshalling, signing, interceptors and
 * unmarshalling), with no network and no server. The request body is not read: the SDK has already
 * produced it when the client is called. It counts calls per operation so setups can check that
 * each variant sent what it should.
 */
final class CannedHttpClient implements SdkHttpClient {

    private static final SdkHttpResponse OK =
            SdkHttpResponse.builder()
                    .statusCode(200)
                    .putHeader("Content-Type", "application/x-amz-json-1.0")
                    .build();
    private static final byte[] EMPTY = "{}".getBytes(StandardCharsets.UTF_8);

    private final Map<String, byte[]> responses = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();

    /**
     * Sets the response body of an operation (default {@code {}}).
     *
     * @param operation e.g. {@code GetItem}
     * @param json the body
     * @return this client
     */
    CannedHttpClient respond(String operation, String json) {
        responses.put(operation, json.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** How many calls of an operation were answered. */
    long calls(String operation) {
        AtomicLong n = calls.get(operation);
        return n == null ? 0 : n.get();
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
        String operation = target.substring(target.indexOf('.') + 1);
        calls.computeIfAbsent(operation, k -> new AtomicLong()).incrementAndGet();
        byte[] body = responses.getOrDefault(operation, EMPTY);
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                return HttpExecuteResponse.builder()
                        .response(
                                OK.toBuilder()
                                        .putHeader("Content-Length", Integer.toString(body.length))
                                        .build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                        .build();
            }

            @Override
            public void abort() {}
        };
    }

    @Override
    public String clientName() {
        return "canned";
    }

    @Override
    public void close() {}
}
