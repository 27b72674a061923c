package dev.dynamorm.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;

/**
 * The async twin of {@link CannedHttpClient}: answers every call in-process, on the calling thread,
 * with the canned response of the operation, so what is measured is the code above the wire (the
 * ORM or hand-written code, and the SDK's async marshalling and unmarshalling).
 */
final class CannedAsyncHttpClient implements SdkAsyncHttpClient {

    private final CannedHttpClient canned;

    CannedAsyncHttpClient(CannedHttpClient canned) {
        this.canned = canned;
    }

    @Override
    public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
        try {
            HttpExecuteResponse response =
                    canned.prepareRequest(
                                    HttpExecuteRequest.builder().request(request.request()).build())
                            .call();
            byte[] body;
            try (InputStream in = response.responseBody().orElseThrow()) {
                body = in.readAllBytes();
            }
            request.responseHandler().onHeaders(response.httpResponse());
            request.responseHandler().onStream(AsyncRequestBody.fromBytes(body));
            return CompletableFuture.completedFuture(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String clientName() {
        return "canned-async";
    }

    @Override
    public void close() {}
}
