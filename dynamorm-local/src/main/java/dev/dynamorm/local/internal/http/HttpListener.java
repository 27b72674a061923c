package dev.dynamorm.local.internal.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.dynamorm.local.internal.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Serves the DynamoDB JSON 1.0 protocol over HTTP on the loopback interface. */
public final class HttpListener implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;

    public HttpListener(Engine engine, int port) throws IOException {
        // Without TCP_NODELAY small JSON responses wait for delayed ACKs (~40 ms per request); the JDK server reads
        // this property once, when its first server is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        AtomicInteger n = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, "dynamorm-local-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        executor = Executors.newFixedThreadPool(16, tf);
        server.setExecutor(executor);
        server.createContext("/", exchange -> handle(engine, exchange));
        server.start();
    }

    private static void handle(Engine engine, HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            Engine.Response response;
            if (target == null) {
                byte[] msg = ("{\"__type\":\"com.amazon.coral.service#UnknownOperationException\",\"message\":\"Missing X-Amz-Target header\"}")
                        .getBytes(StandardCharsets.UTF_8);
                response = new Engine.Response(exchange.getRequestMethod().equals("GET") ? 200 : 400,
                        exchange.getRequestMethod().equals("GET") ? "{\"healthy\":true}".getBytes(StandardCharsets.UTF_8) : msg);
            } else {
                response = engine.handle(Protocol.operation(target), body);
            }
            exchange.getResponseHeaders().set("Content-Type", Protocol.CONTENT_TYPE);
            exchange.getResponseHeaders().set("x-amzn-RequestId", Protocol.requestId());
            exchange.getResponseHeaders().set("x-amz-crc32", Protocol.crc32(response.body()));
            exchange.sendResponseHeaders(response.status(), response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
