package dev.dynamorm.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Starts the reference servers the test kit uses (Dynoxide, dynalite) from {@code
 * test-servers/node_modules} as child processes on free loopback ports, and stops them.
 */
final class Servers {
    private Servers() {}

    /** A server process and its endpoint. */
    static final class Running implements AutoCloseable {
        final Process process;
        final URI endpoint;

        Running(Process process, URI endpoint) {
            this.process = process;
            this.endpoint = endpoint;
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static Running dynoxide() {
        Path binary = testServers().resolve("node_modules/@dynoxide/linux-x64/dynoxide");
        int port = freePort();
        return start(
                List.of(binary.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port)),
                port);
    }

    static Running dynalite() {
        Path cli = testServers().resolve("node_modules/dynalite/cli.js");
        int port = freePort();
        return start(
                List.of(
                        "node",
                        cli.toString(),
                        "--host",
                        "127.0.0.1",
                        "--port",
                        Integer.toString(port),
                        "--createTableMs",
                        "0",
                        "--deleteTableMs",
                        "0",
                        "--updateTableMs",
                        "0"),
                port);
    }

    private static Running start(List<String> command, int port) {
        try {
            Path log = Files.createTempFile("dynamorm-bench-server", ".log");
            Process p =
                    new ProcessBuilder(command)
                            .redirectErrorStream(true)
                            .redirectOutput(log.toFile())
                            .start();
            Running running = new Running(p, URI.create("http://127.0.0.1:" + port));
            awaitReady(running, log);
            return running;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        }
    }

    private static void awaitReady(Running r, Path log) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (DynamoDbClient probe = Clients.http(r.endpoint)) {
            while (true) {
                try {
                    probe.listTables();
                    return;
                } catch (RuntimeException e) {
                    if (!r.process.isAlive() || System.nanoTime() > deadline) {
                        r.close();
                        throw new IllegalStateException(
                                "server did not answer on "
                                        + r.endpoint
                                        + ": "
                                        + Files.readString(log),
                                e);
                    }
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(ie);
                    }
                }
            }
        }
    }

    /**
     * {@code -Ddynamorm.test.servers}, else the first {@code test-servers} with node_modules above
     * the working directory.
     */
    static Path testServers() {
        String configured = System.getProperty("dynamorm.test.servers");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
                dir != null;
                dir = dir.getParent()) {
            Path candidate = dir.resolve("test-servers");
            if (Files.isDirectory(candidate.resolve("node_modules"))) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "no test-servers/node_modules found above "
                        + System.getProperty("user.dir")
                        + ": build once with maven (it installs them) or pass -Ddynamorm.test.servers=/path/to/test-servers"
                        + File.separator);
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
