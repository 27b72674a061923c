package dev.dynamorm.local.internal.http;

import dev.dynamorm.local.internal.engine.Engine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An SDK HTTP client that hands each serialized request straight to the engine, without sockets.
 */
public final class InProcessHttpClient implements SdkHttpClient {
    private final Engine engine;
    private volatile boolean closed;

    public InProcessHttpClient(Engine engine) {
        this.engine = engine;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                if (closed) {
                    throw new IllegalStateException(
                            "LocalDynamoDb is closed: its in-process client cannot be used any"
                                    + " more");
                }
                byte[] body;
                Optional<software.amazon.awssdk.http.ContentStreamProvider> content =
                        request.contentStreamProvider();
                if (content.isPresent()) {
                    try (InputStream in = content.get().newStream()) {
                        body = in.readAllBytes();
                    }
                } else {
                    body = new byte[0];
                }
                String target =
                        request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
                Engine.Response response = engine.handle(Protocol.operation(target), body);
                SdkHttpResponse http =
                        SdkHttpResponse.builder()
                                .statusCode(response.status())
                                .putHeader("Content-Type", Protocol.CONTENT_TYPE)
                                .putHeader("Content-Length", String.valueOf(response.body().length))
                                .putHeader("x-amzn-RequestId", Protocol.requestId())
                                // no x-amz-crc32: nothing travels over a wire, so the SDK need not
                                // checksum the body
                                .build();
                return HttpExecuteResponse.builder()
                        .response(http)
                        .responseBody(
                                AbortableInputStream.create(
                                        new ByteArrayInputStream(response.body())))
                        .build();
            }

            @Override
            public void abort() {}
        };
    }

    @Override
    public String clientName() {
        return "dynamorm-local-in-process";
    }

    @Override
    public void close() {
        closed = true;
    }
}
