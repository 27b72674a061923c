package dev.dynamorm.local.internal.http;

import dev.dynamorm.local.internal.engine.Engine;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves the DynamoDB JSON 1.0 protocol over HTTP/1.1 on the loopback interface.
 *
 * <p>A bounded pool of workers serves connections, each reading a request, running it on the engine
 * and answering on the same thread, with keep-alive and TCP_NODELAY. Connections beyond the pool
 * wait in a bounded queue (further ones are answered 503); a kept-alive connection gives its worker
 * up after the idle timeout, or at once when others are waiting. A request must arrive within the
 * read timeout, its body within DynamoDB's size limit (413 otherwise), with a loopback or
 * configured {@code Host} (against DNS rebinding) and an {@code Authorization} header as DynamoDB
 * requires. Malformed HTTP is answered 400; nothing is logged for client errors.
 */
public final class HttpListener implements AutoCloseable {
    private static final int IDLE_SLICE_MILLIS = 250;
    private static final int BUSY_SLICE_MILLIS = 20;
    private static final int BUDGET_UNIT = 1024;

    private final Engine engine;
    private final HttpOptions options;
    private final ServerSocket server;
    private final ThreadPoolExecutor workers;
    private final Semaphore bodyBudget;
    private final int budgetPermits;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    /**
     * Starts a listener with the default options.
     *
     * @param engine the engine answering requests
     * @param port TCP port on the loopback interface, 0 for any free port
     * @throws IOException if the port cannot be bound
     */
    public HttpListener(Engine engine, int port) throws IOException {
        this(engine, port, HttpOptions.defaults());
    }

    /**
     * Starts a listener.
     *
     * @param engine the engine answering requests
     * @param port TCP port on the loopback interface, 0 for any free port
     * @param options limits, allowed hosts, CORS and signature settings
     * @throws IOException if the port cannot be bound
     */
    public HttpListener(Engine engine, int port, HttpOptions options) throws IOException {
        this.engine = engine;
        this.options = options;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        // classes, not lambdas, here and below: each lambda's first run bootstraps its call site,
        // on
        // a fresh server's way to its first answer
        this.workers =
                new ThreadPoolExecutor(
                        options.workers(),
                        options.workers(),
                        30,
                        TimeUnit.SECONDS,
                        new ArrayBlockingQueue<>(Math.max(1, options.queue())),
                        new WorkerThreads());
        workers.allowCoreThreadTimeOut(true);
        // bodies held at once: at most four of the largest requests, and never less than one
        long budget = Math.max(4 * options.maxBodyBytes(), 64L * 1024 * 1024) / BUDGET_UNIT;
        this.budgetPermits = (int) Math.min(Integer.MAX_VALUE, budget);
        this.bodyBudget = new Semaphore(budgetPermits);
        this.acceptor = new Acceptor(this);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            open.add(s);
            try {
                s.setTcpNoDelay(true);
                workers.execute(new Serve(this, s));
            } catch (RejectedExecutionException | IOException e) {
                busy(s);
            }
        }
    }

    /** Answers a connection no worker can take: 503, then close. */
    private void busy(Socket s) {
        try (s) {
            s.setSoTimeout(1000);
            OutputStream out = s.getOutputStream();
            Reply.error(
                            503,
                            "com.amazonaws.dynamodb.v20120810#ThrottlingException",
                            "The server is busy: too many connections are waiting")
                    .close()
                    .write(out, null, null);
        } catch (IOException e) {
            // the client went away
        } finally {
            open.remove(s);
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            while (!closed) {
                int first = awaitRequest(socket, in);
                if (first < 0) {
                    return;
                }
                socket.setSoTimeout((int) Math.max(1, options.readTimeout().toMillis()));
                HttpRequest request;
                try {
                    request = HttpRequest.read(in, first);
                } catch (HttpRequest.Malformed e) {
                    Reply.error(400, "BadRequest", "Malformed HTTP request: " + e.getMessage())
                            .close()
                            .write(out, null, null);
                    return;
                }
                Reply reply = respond(request, in, out);
                reply.write(out, request, options.corsOrigin());
                if (reply.closes() || !request.keepAlive) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away, timed out or sent something unreadable: drop the connection;
            // client errors are never logged
        } finally {
            open.remove(socket);
        }
    }

    /**
     * Waits for the first byte of the next request; -1 when the client closed, the idle timeout
     * passed, or other connections wait for a worker.
     */
    private int awaitRequest(Socket socket, InputStream in) throws IOException {
        long idle = options.idleTimeout().toMillis();
        long waited = 0;
        while (true) {
            // while connections wait for a worker, a silent one gives its worker up quickly
            boolean others = !workers.getQueue().isEmpty();
            int slice =
                    (int)
                            Math.max(
                                    1,
                                    Math.min(others ? BUSY_SLICE_MILLIS : IDLE_SLICE_MILLIS, idle));
            socket.setSoTimeout(slice);
            try {
                return in.read();
            } catch (SocketTimeoutException e) {
                waited += slice;
                if (closed || waited >= idle || !workers.getQueue().isEmpty()) {
                    return -1;
                }
            }
        }
    }

    private Reply respond(HttpRequest request, InputStream in, OutputStream out)
            throws IOException {
        String host = request.header("host");
        if (host == null) {
            return Reply.error(400, "BadRequest", "Missing Host header").close();
        }
        if (!hostAllowed(host)) {
            return Reply.error(
                            403,
                            "com.amazon.coral.service#AccessDeniedException",
                            "Host '"
                                    + host
                                    + "' is not allowed: dynamorm-local answers requests for"
                                    + " localhost, 127.0.0.1 and [::1], and for names configured"
                                    + " with --allowed-host")
                    .close();
        }
        if (request.method.equals("OPTIONS")) {
            return Reply.preflight(request, options.corsOrigin()).closeUnless(bodyless(request));
        }
        if (!request.path.equals("/")) {
            return Reply.error(404, "com.amazon.coral.service#UnknownOperationException", null)
                    .closeUnless(bodyless(request));
        }
        if (request.method.equals("GET") || request.method.equals("HEAD")) {
            return new Reply(200, "{\"healthy\":true}".getBytes(StandardCharsets.UTF_8))
                    .closeUnless(bodyless(request));
        }
        if (!request.method.equals("POST")) {
            return Reply.error(404, "com.amazon.coral.service#UnknownOperationException", null)
                    .close();
        }
        try {
            request.checkDeclaredLength(options.maxBodyBytes());
        } catch (HttpRequest.TooLarge e) {
            return tooLarge(e);
        }
        long declared = request.chunked ? options.maxBodyBytes() : request.contentLength;
        int permits =
                (int)
                        Math.max(
                                1,
                                Math.min(
                                        budgetPermits, (declared + BUDGET_UNIT - 1) / BUDGET_UNIT));
        boolean acquired;
        try {
            acquired =
                    bodyBudget.tryAcquire(
                            permits, options.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.error(503, "ServiceUnavailable", "The server is shutting down").close();
        }
        if (!acquired) {
            return Reply.error(
                            503,
                            "com.amazonaws.dynamodb.v20120810#ThrottlingException",
                            "The server is busy: too many large requests at once")
                    .close();
        }
        try {
            if (request.expectContinue) {
                out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            byte[] body;
            try {
                body = request.body(in, options.maxBodyBytes());
            } catch (HttpRequest.TooLarge e) {
                return tooLarge(e);
            } catch (HttpRequest.Malformed e) {
                return Reply.error(400, "BadRequest", "Malformed HTTP request: " + e.getMessage())
                        .close();
            }
            Authorization.Refusal refusal =
                    Authorization.check(request, body, options.signingKeys());
            if (refusal != null) {
                return Reply.error(400, refusal.type(), refusal.message());
            }
            String target = request.header("x-amz-target");
            if (target == null) {
                return Reply.error(
                        400,
                        "com.amazon.coral.service#UnknownOperationException",
                        "Missing X-Amz-Target header");
            }
            Engine.Response response;
            try {
                response = engine.handle(Protocol.operation(target), body);
            } catch (StackOverflowError e) {
                // answer rather than drop the connection, and log nothing
                return Reply.error(
                        500,
                        "com.amazonaws.dynamodb.v20120810#InternalServerError",
                        "Internal server error: the request is nested too deeply to be processed");
            }
            return new Reply(response.status(), response.body());
        } finally {
            bodyBudget.release(permits);
        }
    }

    private static boolean bodyless(HttpRequest request) {
        return !request.chunked && request.contentLength <= 0;
    }

    private static Reply tooLarge(HttpRequest.TooLarge e) {
        return Reply.error(
                        413,
                        "com.amazon.coral.service#RequestEntityTooLargeException",
                        e.getMessage() + ": DynamoDB accepts requests of at most 16 MB")
                .close();
    }

    private boolean hostAllowed(String hostHeader) {
        String host = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            if (end < 0) {
                return false;
            }
            host = host.substring(0, end + 1);
        } else {
            int colon = host.lastIndexOf(':');
            if (colon >= 0) {
                host = host.substring(0, colon);
            }
        }
        if (host.equals("localhost")
                || host.endsWith(".localhost")
                || host.equals("[::1]")
                || Loopback.V4.matcher(host).matches()) {
            return true;
        }
        for (String allowed : options.allowedHosts()) {
            if (allowed.equalsIgnoreCase(host)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the endpoint URI.
     *
     * @return {@code http://127.0.0.1:PORT}
     */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // already closed
            }
        }
        workers.shutdownNow();
        try {
            acceptor.join(5000);
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The 127.x.y.z host pattern, compiled once (String.matches compiled it on every request) and
     * only when a request names such a host, not at every server start.
     */
    private static final class Loopback {
        static final java.util.regex.Pattern V4 =
                java.util.regex.Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

        private Loopback() {}
    }

    /** The request workers' daemon threads, numbered. */
    private static final class WorkerThreads implements ThreadFactory {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "dynamorm-local-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }

    /** The thread accepting connections. */
    private static final class Acceptor extends Thread {
        private final HttpListener listener;

        Acceptor(HttpListener listener) {
            super("dynamorm-local-http-accept");
            this.listener = listener;
        }

        @Override
        public void run() {
            listener.acceptLoop();
        }
    }

    /** Serves one connection on a worker. */
    private static final class Serve implements Runnable {
        private final HttpListener listener;
        private final Socket socket;

        Serve(HttpListener listener, Socket socket) {
            this.listener = listener;
            this.socket = socket;
        }

        @Override
        public void run() {
            listener.serve(socket);
        }
    }
}
