package dev.dynamorm.test;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outcome of starting a backend, kept in the root store so each backend is tried once per JVM
 * and stopped when the test run ends: either a running server or the reason there is none.
 */
final class ServerSlot implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServerSlot.class);

    private final Backend backend;
    private final RunningServer server;
    private final String reason;

    private ServerSlot(Backend backend, RunningServer server, String reason) {
        this.backend = backend;
        this.server = server;
        this.reason = reason;
    }

    static ServerSlot open(Backend backend, ServerLauncher launcher) {
        try {
            return new ServerSlot(backend, Objects.requireNonNull(launcher.start(backend)), null);
        } catch (BackendUnavailableException e) {
            LOG.warn("backend {} unavailable: {}", backend, e.getMessage());
            return new ServerSlot(backend, null, e.getMessage());
        }
    }

    boolean available() {
        return server != null;
    }

    /** The running server; only when {@link #available()}. */
    RunningServer server() {
        if (server == null) {
            throw new IllegalStateException("backend " + backend + " is unavailable: " + reason);
        }
        return server;
    }

    /** Why the backend is unavailable; null when it runs. */
    String reason() {
        return reason;
    }

    static String key(Backend backend) {
        return "server:" + backend.name();
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
