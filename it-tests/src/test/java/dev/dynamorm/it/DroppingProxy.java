package dev.dynamorm.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback HTTP proxy that forwards every request to a backend and then, for a configurable
 * fraction, drops the answer: the backend has applied the request, the caller sees its connection
 * closed with no response (what a lost answer looks like to a client).
 */
final class DroppingProxy implements AutoCloseable {

    static {
        // without it the JDK server writes headers and body in two segments and Nagle's algorithm
        // meets the client's delayed ACK: 40 ms per answer
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final Set<String> RESTRICTED =
            Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final URI backend;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Random random;
    private volatile double dropRate;
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    private DroppingProxy(URI backend, double dropRate, long seed) throws IOException {
        this.backend = backend;
        this.dropRate = dropRate;
        this.random = new Random(seed);
        this.server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /**
     * Starts a proxy on an ephemeral loopback port.
     *
     * @param backend the server to forward to
     * @param dropRate the fraction of answers dropped after the backend answered, in [0, 1]
     * @param seed the seed of the drop decisions
     */
    static DroppingProxy start(URI backend, double dropRate, long seed) {
        try {
            return new DroppingProxy(backend, dropRate, seed);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the dropping proxy", e);
        }
    }

    /** The proxy's endpoint. */
    URI endpoint() {
        InetSocketAddress a = server.getAddress();
        return URI.create("http://127.0.0.1:" + a.getPort());
    }

    /** Changes the fraction of dropped answers. */
    void dropRate(double rate) {
        this.dropRate = rate;
    }

    /** Requests the backend answered. */
    long forwarded() {
        return forwarded.get();
    }

    /** Answers dropped after the backend applied the request. */
    long dropped() {
        return dropped.get();
    }

    private boolean drop() {
        synchronized (random) {
            return random.nextDouble() < dropRate;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(backend.resolve(exchange.getRequestURI()))
                            .method(
                                    exchange.getRequestMethod(),
                                    HttpRequest.BodyPublishers.ofByteArray(body));
            for (Map.Entry<String, List<String>> h : exchange.getRequestHeaders().entrySet()) {
                if (!RESTRICTED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                    h.getValue().forEach(v -> request.header(h.getKey(), v));
                }
            }
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            forwarded.incrementAndGet();
            if (drop()) {
                // closing the exchange before any header closes the connection: the answer is lost
                dropped.incrementAndGet();
                return;
            }
            response.headers()
                    .map()
                    .forEach(
                            (name, values) -> {
                                String lower = name.toLowerCase(Locale.ROOT);
                                if (!lower.equals("content-length")
                                        && !lower.equals("transfer-encoding")
                                        && !lower.equals("connection")
                                        && !lower.startsWith(":")) {
                                    exchange.getResponseHeaders().put(name, values);
                                }
                            });
            byte[] answer = response.body();
            exchange.sendResponseHeaders(
                    response.statusCode(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
