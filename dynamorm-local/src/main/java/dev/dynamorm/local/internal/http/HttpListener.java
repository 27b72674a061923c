package dev.dynamorm.local.internal.http;

import dev.dynamorm.local.internal.engine.Engine;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves the DynamoDB JSON 1.0 protocol over HTTP/1.1 on the loopback interface.
 *
 * <p>One thread per connection reads a request, runs it on the engine and writes the answer on the
 * same thread, with keep-alive and TCP_NODELAY: a request costs one wake-up of the connection's
 * thread and no hand-off between threads, which is what a single-threaded SDK client waits on.
 */
public final class HttpListener implements AutoCloseable {
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final long MAX_BODY_BYTES = 64L * 1024 * 1024;

    private final Engine engine;
    private final ServerSocket server;
    private final ExecutorService connections;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    public HttpListener(Engine engine, int port) throws IOException {
        this.engine = engine;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        AtomicInteger n = new AtomicInteger();
        this.connections =
                Executors.newCachedThreadPool(
                        r -> {
                            Thread t = new Thread(r, "dynamorm-local-http-" + n.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        this.acceptor = new Thread(this::acceptLoop, "dynamorm-local-http-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                open.add(s);
                connections.execute(() -> serve(s));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                throw e;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            while (!closed) {
                Request request = Request.read(in);
                if (request == null) {
                    return;
                }
                if (request.expectContinue) {
                    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                byte[] body = request.body(in);
                Engine.Response response = respond(request, body);
                write(out, response, request.keepAlive);
                if (!request.keepAlive) {
                    return;
                }
            }
        } catch (EOFException | SocketException e) {
            // client went away
        } catch (IOException | RuntimeException e) {
            // malformed request or engine failure outside its own error handling: drop the
            // connection
        } finally {
            open.remove(socket);
        }
    }

    private Engine.Response respond(Request request, byte[] body) {
        if (request.target == null) {
            if (request.method.equals("GET")) {
                return new Engine.Response(
                        200, "{\"healthy\":true}".getBytes(StandardCharsets.UTF_8));
            }
            return new Engine.Response(
                    400,
                    ("{\"__type\":\"com.amazon.coral.service#UnknownOperationException\","
                                    + "\"message\":\"Missing X-Amz-Target header\"}")
                            .getBytes(StandardCharsets.UTF_8));
        }
        return engine.handle(Protocol.operation(request.target), body);
    }

    private static void write(OutputStream out, Engine.Response response, boolean keepAlive)
            throws IOException {
        byte[] body = response.body();
        StringBuilder head = new StringBuilder(256);
        head.append("HTTP/1.1 ")
                .append(response.status())
                .append(
                        response.status() == 200
                                ? " OK"
                                : response.status() == 400
                                        ? " Bad Request"
                                        : " Internal Server Error")
                .append("\r\n");
        head.append("Content-Type: ").append(Protocol.CONTENT_TYPE).append("\r\n");
        head.append("Content-Length: ").append(body.length).append("\r\n");
        head.append("x-amzn-RequestId: ").append(Protocol.requestId()).append("\r\n");
        head.append("x-amz-crc32: ").append(Protocol.crc32(body)).append("\r\n");
        if (!keepAlive) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

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
        connections.shutdownNow();
        try {
            acceptor.join(5000);
            connections.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The parts of an HTTP/1.1 request head the protocol needs. */
    private static final class Request {
        String method;
        String target;
        long contentLength = -1;
        boolean chunked;
        boolean keepAlive = true;
        boolean expectContinue;

        /** Reads a request head, or returns null at the end of the stream. */
        static Request read(InputStream in) throws IOException {
            String line = readLine(in, true);
            while (line != null && line.isEmpty()) {
                line = readLine(in, true); // tolerate stray CRLF between requests
            }
            if (line == null) {
                return null;
            }
            Request r = new Request();
            int sp = line.indexOf(' ');
            if (sp < 0) {
                throw new IOException("malformed request line");
            }
            r.method = line.substring(0, sp);
            r.keepAlive = !line.endsWith("HTTP/1.0");
            int total = line.length();
            while (true) {
                String h = readLine(in, false);
                if (h == null) {
                    throw new EOFException();
                }
                if (h.isEmpty()) {
                    return r;
                }
                total += h.length();
                if (total > MAX_HEADER_BYTES) {
                    throw new IOException("request head too large");
                }
                int colon = h.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = h.substring(colon + 1).trim();
                switch (name) {
                    case "x-amz-target":
                        r.target = value;
                        break;
                    case "content-length":
                        r.contentLength = Long.parseLong(value);
                        break;
                    case "transfer-encoding":
                        r.chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                        break;
                    case "connection":
                        if (value.equalsIgnoreCase("close")) {
                            r.keepAlive = false;
                        } else if (value.equalsIgnoreCase("keep-alive")) {
                            r.keepAlive = true;
                        }
                        break;
                    case "expect":
                        r.expectContinue = value.equalsIgnoreCase("100-continue");
                        break;
                    default:
                        break;
                }
            }
        }

        byte[] body(InputStream in) throws IOException {
            if (chunked) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                while (true) {
                    String size = readLine(in, false);
                    if (size == null) {
                        throw new EOFException();
                    }
                    int semi = size.indexOf(';');
                    long n = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                    if (n == 0) {
                        String trailer;
                        do {
                            trailer = readLine(in, false);
                        } while (trailer != null && !trailer.isEmpty());
                        return out.toByteArray();
                    }
                    if (out.size() + n > MAX_BODY_BYTES) {
                        throw new IOException("request body too large");
                    }
                    out.write(in.readNBytes((int) n));
                    readLine(in, false);
                }
            }
            if (contentLength <= 0) {
                return new byte[0];
            }
            if (contentLength > MAX_BODY_BYTES) {
                throw new IOException("request body too large");
            }
            byte[] body = in.readNBytes((int) contentLength);
            if (body.length != contentLength) {
                throw new EOFException();
            }
            return body;
        }

        private static String readLine(InputStream in, boolean eofAllowed) throws IOException {
            StringBuilder sb = new StringBuilder(64);
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    int len = sb.length();
                    if (len > 0 && sb.charAt(len - 1) == '\r') {
                        sb.setLength(len - 1);
                    }
                    return sb.toString();
                }
                sb.append((char) c);
                if (sb.length() > MAX_HEADER_BYTES) {
                    throw new IOException("header line too long");
                }
            }
            if (sb.length() == 0 && eofAllowed) {
                return null;
            }
            throw new EOFException();
        }
    }
}
