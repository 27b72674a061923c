package dev.dynamorm.test;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The server of a backend started outside JUnit — by a benchmark, a {@code main} program or a build
 * script — exactly as the extension starts it: the same pinned binaries (installed by the kit when
 * needed), a free loopback port, readiness polling and a log file. Settings are read from system
 * properties, then environment variables, as in {@link DynamoBackend}.
 *
 * <pre>{@code
 * try (BackendServer dynoxide = BackendServer.start(Backend.DYNOXIDE)) {
 *     DynamoDbClient client = dynoxide.client();
 *     URI endpoint = dynoxide.endpoint();
 * }
 * }</pre>
 */
public final class BackendServer implements AutoCloseable {

    private final Backend backend;
    private final RunningServer server;

    private BackendServer(Backend backend, RunningServer server) {
        this.backend = backend;
        this.server = server;
    }

    /**
     * Starts (or, for {@link Backend#ENDPOINT}, connects to) the server of a backend.
     *
     * @param backend the backend
     * @return the running server; close it to stop it
     * @throws NullPointerException if {@code backend} is null
     * @throws IllegalStateException if the backend is unavailable here, with the reason (e.g. node
     *     or npm missing, no Docker, dynamorm-local not on the path)
     */
    public static BackendServer start(Backend backend) {
        Objects.requireNonNull(backend, "backend");
        Settings settings =
                new Settings(key -> Optional.ofNullable(System.getProperty(key)), System::getenv);
        try {
            return new BackendServer(backend, ServerLauncher.of(settings).start(backend));
        } catch (BackendUnavailableException e) {
            throw new IllegalStateException(
                    "backend "
                            + backend.name().toLowerCase(Locale.ROOT)
                            + " is unavailable: "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * The backend this server belongs to.
     *
     * @return the backend
     */
    public Backend backend() {
        return backend;
    }

    /**
     * The server's HTTP endpoint on the loopback interface.
     *
     * @return the endpoint
     */
    public URI endpoint() {
        return server.endpoint();
    }

    /**
     * A thread-safe client of the server (region {@code us-east-1}, dummy credentials), closed with
     * the server.
     *
     * @return the client
     */
    public DynamoDbClient client() {
        return server.client();
    }

    /** Stops the server (when this class started it) and closes its client; never throws. */
    @Override
    public void close() {
        server.close();
    }
}
