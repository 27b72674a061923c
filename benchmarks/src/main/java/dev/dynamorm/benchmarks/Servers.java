package dev.dynamorm.benchmarks;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.BackendServer;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts the reference servers the test kit uses (Dynoxide, dynalite) through the kit's own
 * launcher ({@link BackendServer}: pinned binaries, free loopback port, readiness, log file), and
 * stops them.
 */
final class Servers {
    private Servers() {}

    /** A server and its endpoint. */
    static final class Running implements AutoCloseable {
        final URI endpoint;
        private final BackendServer server;

        Running(BackendServer server) {
            this.server = server;
            this.endpoint = server.endpoint();
        }

        @Override
        public void close() {
            server.close();
        }
    }

    static Running dynoxide() {
        return new Running(BackendServer.start(Backend.DYNOXIDE));
    }

    static Running dynalite() {
        return new Running(BackendServer.start(Backend.DYNALITE));
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
}
