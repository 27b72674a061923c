package dev.dynamorm.local.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.local.internal.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Timeouts, the worker bound, back-pressure and the body limit, over real loopback sockets. */
class HttpListenerLimitsTest {
    private final List<Socket> sockets = new ArrayList<>();
    private HttpListener listener;

    private URI start(HttpOptions options) throws IOException {
        listener = new HttpListener(new Engine("us-east-1", "000000000000"), 0, options);
        return listener.endpoint();
    }

    private Socket connect(URI endpoint) throws IOException {
        Socket s = new Socket(endpoint.getHost(), endpoint.getPort());
        s.setSoTimeout(5000);
        sockets.add(s);
        return s;
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        if (listener != null) {
            listener.close();
        }
    }

    private static long httpThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("dynamorm-local-http-"))
                .filter(t -> !t.getName().equals("dynamorm-local-http-accept"))
                .filter(Thread::isAlive)
                .count();
    }

    @Test
    void manyIdleConnectionsUseBoundedThreadsAndRequestsStillGetAnswers() throws Exception {
        URI endpoint =
                start(
                        HttpOptions.defaults()
                                .withLimits(
                                        8,
                                        500,
                                        Duration.ofSeconds(5),
                                        Duration.ofSeconds(30),
                                        HttpOptions.DYNAMODB_MAX_REQUEST_BYTES));
        for (int i = 0; i < 300; i++) {
            connect(endpoint);
        }
        Thread.sleep(300);
        assertThat(httpThreads()).isLessThanOrEqualTo(8);
        // idle connections give their workers up when others wait: this request is answered
        long t0 = System.nanoTime();
        String answer = RawHttp.exchange(endpoint, RawHttp.post("ListTables", "{}"));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(answer).startsWith("HTTP/1.1 200 OK").contains("\"TableNames\":[]");
        assertThat(httpThreads()).isLessThanOrEqualTo(8);
        System.out.println(
                "300 idle connections: answered in " + millis + " ms, threads " + httpThreads());
    }

    @Test
    void slowLorisIsCutOffByTheReadTimeout() throws Exception {
        URI endpoint =
                start(
                        HttpOptions.defaults()
                                .withLimits(
                                        8,
                                        16,
                                        Duration.ofMillis(500),
                                        Duration.ofSeconds(30),
                                        HttpOptions.DYNAMODB_MAX_REQUEST_BYTES));
        Socket slow = connect(endpoint);
        OutputStream out = slow.getOutputStream();
        out.write("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        long t0 = System.nanoTime();
        InputStream in = slow.getInputStream();
        assertThat(in.read()).isEqualTo(-1);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(millis).isBetween(300L, 4000L);
    }

    @Test
    void connectionsBeyondWorkersAndQueueAreAnswered503() throws Exception {
        URI endpoint =
                start(
                        HttpOptions.defaults()
                                .withLimits(
                                        2,
                                        1,
                                        Duration.ofSeconds(5),
                                        Duration.ofSeconds(30),
                                        HttpOptions.DYNAMODB_MAX_REQUEST_BYTES));
        // two requests half sent hold both workers; one connection waits in the queue
        for (int i = 0; i < 3; i++) {
            Socket s = connect(endpoint);
            s.getOutputStream().write("POST / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            Thread.sleep(100);
        }
        Socket refused = connect(endpoint);
        String answer = RawHttp.readAnswer(refused.getInputStream());
        assertThat(answer)
                .startsWith("HTTP/1.1 503 Service Unavailable")
                .contains("Connection: close")
                .contains("too many connections");
    }

    @Test
    void bodiesOverDynamoDbsLimitAreAnswered413WithoutBeingRead() throws Exception {
        URI endpoint = start(HttpOptions.defaults());
        String answer =
                RawHttp.exchange(
                        endpoint,
                        "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\n"
                                + RawHttp.AUTH
                                + "Content-Length: 60000000\r\n\r\n");
        assertThat(answer)
                .startsWith("HTTP/1.1 413 Request Entity Too Large")
                .contains("Request body of 60000000 bytes exceeds 16777216 bytes")
                .contains("Connection: close");
        // chunked: stopped once the limit is passed
        try (Socket s = connect(endpoint)) {
            OutputStream out = s.getOutputStream();
            out.write(
                    ("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
                                    + RawHttp.AUTH
                                    + "\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1024 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            String reply = null;
            for (int i = 0; i < 20 && reply == null; i++) {
                try {
                    out.write(
                            (Integer.toHexString(chunk.length) + "\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException closed) {
                    break;
                }
            }
            reply = RawHttp.readAnswer(s.getInputStream());
            assertThat(reply).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void deeplyNestedExpressionsGetAnAnswerNotAClosedSocket() throws Exception {
        URI endpoint = start(HttpOptions.defaults());
        String created =
                RawHttp.exchange(
                        endpoint,
                        RawHttp.post(
                                "CreateTable",
                                "{\"TableName\":\"deep\",\"BillingMode\":\"PAY_PER_REQUEST\","
                                        + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
                                        + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}]}"));
        assertThat(created).startsWith("HTTP/1.1 200");
        String deep = "(".repeat(200_000) + "a = :v" + ")".repeat(200_000);
        String answer =
                RawHttp.exchange(
                        endpoint,
                        RawHttp.post(
                                "PutItem",
                                "{\"TableName\":\"deep\",\"Item\":{\"pk\":{\"S\":\"a\"}},"
                                        + "\"ConditionExpression\":\""
                                        + deep
                                        + "\",\"ExpressionAttributeValues\":{\":v\":{\"S\":\"x\"}}}"));
        assertThat(answer).matches("(?s)HTTP/1\\.1 (400|500) .*");
    }

    @Test
    void malformedHttpIsAnswered400() throws Exception {
        URI endpoint = start(HttpOptions.defaults());
        assertThat(RawHttp.exchange(endpoint, "GARBAGE\r\n\r\n"))
                .startsWith("HTTP/1.1 400 Bad Request")
                .contains("Malformed HTTP request: malformed request line");
        assertThat(
                        RawHttp.exchange(
                                endpoint,
                                "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: ten\r\n\r\n"))
                .startsWith("HTTP/1.1 400 Bad Request")
                .contains("malformed Content-Length");
        assertThat(RawHttp.exchange(endpoint, "POST / HTTP/1.1\r\nno colon here\r\n\r\n"))
                .startsWith("HTTP/1.1 400 Bad Request")
                .contains("malformed header line");
    }
}
