package dev.dynamorm.test;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * LocalStack in Docker through Testcontainers, reached reflectively: Testcontainers is optional,
 * and its 1.x jars declare no module name a published module could require.
 */
final class LocalStackServer implements RunningServer {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStackServer.class);
    private static final String DOCKER_CLIENT_FACTORY = "org.testcontainers.DockerClientFactory";
    private static final String DOCKER_IMAGE_NAME = "org.testcontainers.utility.DockerImageName";
    private static final String ENABLED_SERVICE =
            ServerLauncher.LOCALSTACK_CLASS + "$EnabledService";

    private final Object container;
    private final URI endpoint;
    private final DynamoDbClient client;

    private LocalStackServer(Object container, URI endpoint, DynamoDbClient client) {
        this.container = container;
        this.endpoint = endpoint;
        this.client = client;
    }

    /** Whether Testcontainers finds a working Docker daemon. */
    static boolean dockerAvailable() throws BackendUnavailableException {
        try {
            Class<?> factory = load(DOCKER_CLIENT_FACTORY);
            Object instance = factory.getMethod("instance").invoke(null);
            return (Boolean) factory.getMethod("isDockerAvailable").invoke(instance);
        } catch (InvocationTargetException e) {
            return false;
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            throw incompatible(e);
        }
    }

    static LocalStackServer start(String image) throws BackendUnavailableException {
        Object container;
        try {
            Class<?> imageName = load(DOCKER_IMAGE_NAME);
            Object parsed = imageName.getMethod("parse", String.class).invoke(null, image);
            Object compatible =
                    imageName
                            .getMethod("asCompatibleSubstituteFor", String.class)
                            .invoke(parsed, "localstack/localstack");
            Class<?> containerType = load(ServerLauncher.LOCALSTACK_CLASS);
            container = containerType.getConstructor(imageName).newInstance(compatible);
            Class<?> service = load(ENABLED_SERVICE);
            Object services = Array.newInstance(service, 1);
            Array.set(
                    services, 0, service.getMethod("named", String.class).invoke(null, "dynamodb"));
            containerType
                    .getMethod("withServices", services.getClass())
                    .invoke(container, services);
        } catch (InvocationTargetException e) {
            throw new BackendUnavailableException(
                    "cannot configure the localstack container " + image + ": " + e.getCause(),
                    e.getCause());
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            throw incompatible(e);
        }
        try {
            invoke(container, "start");
            URI endpoint = (URI) invoke(container, "getEndpoint");
            DynamoDbClient client =
                    Clients.forTests(
                            endpoint,
                            Region.of((String) invoke(container, "getRegion")),
                            StaticCredentialsProvider.create(
                                    AwsBasicCredentials.create(
                                            (String) invoke(container, "getAccessKey"),
                                            (String) invoke(container, "getSecretKey"))));
            LOG.info("localstack {} answers on {}", image, endpoint);
            return new LocalStackServer(container, endpoint, client);
        } catch (InvocationTargetException e) {
            stopQuietly(container);
            throw new BackendUnavailableException(
                    "localstack container "
                            + image
                            + " did not start: "
                            + e.getCause()
                            + "; check that docker can pull and run it",
                    e.getCause());
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            stopQuietly(container);
            throw incompatible(e);
        }
    }

    private static Class<?> load(String name) throws ClassNotFoundException {
        return Class.forName(name, true, LocalStackServer.class.getClassLoader());
    }

    private static Object invoke(Object target, String method) throws ReflectiveOperationException {
        return target.getClass().getMethod(method).invoke(target);
    }

    private static BackendUnavailableException incompatible(Throwable e) {
        return new BackendUnavailableException(
                "the testcontainers on the test path is not the 1.x API this kit"
                        + " uses: depend on org.testcontainers:localstack as managed by the dynamorm parent ("
                        + e
                        + ")",
                e);
    }

    private static void stopQuietly(Object container) {
        try {
            invoke(container, "stop");
        } catch (ReflectiveOperationException | RuntimeException ignored) {
            // the container never ran, or testcontainers' reaper removes it
        }
    }

    @Override
    public DynamoDbClient client() {
        return client;
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            stopQuietly(container);
        }
    }

    @Override
    public String toString() {
        return "localstack on " + endpoint;
    }
}
