package dev.dynamorm.test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The in-process engine of {@code dynamorm-local} ({@code dev.dynamorm.local.LocalDynamoDb}).
 * Reached reflectively, so the kit neither compiles against nor needs that artifact (and {@code
 * dynamorm-local} may itself use the kit in its tests without a dependency cycle).
 */
final class EmbeddedServer implements RunningServer {

    private final Object local;
    private final DynamoDbClient client;
    private URI endpoint;

    private EmbeddedServer(Object local, DynamoDbClient client) {
        this.local = local;
        this.client = client;
    }

    static EmbeddedServer start(Duration timeout) throws BackendUnavailableException {
        Object local;
        DynamoDbClient client;
        try {
            Class<?> type =
                    Class.forName(
                            ServerLauncher.LOCAL_DYNAMODB_CLASS,
                            true,
                            EmbeddedServer.class.getClassLoader());
            local = type.getMethod("start").invoke(null);
            client = (DynamoDbClient) type.getMethod("client").invoke(local);
        } catch (InvocationTargetException e) {
            throw new BackendUnavailableException(
                    "dynamorm-local did not start: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            throw new BackendUnavailableException(
                    "the dynamorm-local on the test path does not offer"
                            + " LocalDynamoDb.start() and client(): use the dynamorm-local version matching this kit ("
                            + e
                            + ")",
                    e);
        }
        EmbeddedServer server = new EmbeddedServer(local, client);
        try {
            Readiness.await("dynamorm-local", client, () -> null, timeout, () -> "");
        } catch (BackendUnavailableException e) {
            server.close();
            throw e;
        }
        return server;
    }

    @Override
    public DynamoDbClient client() {
        return client;
    }

    /** Starts the engine's HTTP listener on the first call. */
    @Override
    public synchronized URI endpoint() {
        if (endpoint == null) {
            try {
                endpoint = (URI) local.getClass().getMethod("endpoint").invoke(local);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException(
                        "dynamorm-local could not start its HTTP listener: " + e.getCause(),
                        e.getCause());
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new IllegalStateException(
                        "the dynamorm-local on the test path has no LocalDynamoDb.endpoint():"
                                + " use the dynamorm-local version matching this kit",
                        e);
            }
        }
        return endpoint;
    }

    /** A client over the engine's HTTP listener (an in-process client cannot take interceptors). */
    @Override
    public DynamoDbClient recordingClient(ExecutionInterceptor interceptor) {
        return Clients.forTests(
                endpoint(),
                Region.of(Settings.DEFAULT_REGION),
                Clients.DUMMY_CREDENTIALS,
                interceptor);
    }

    @Override
    public void close() {
        try {
            Method close = local.getClass().getMethod("close");
            close.invoke(local);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // best effort: the engine lives in this JVM and goes away with it
        }
    }

    @Override
    public String toString() {
        return "dynamorm-local (in-process)";
    }
}
