package dev.dynamorm.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Starts (or connects to) the server of a backend, or says why it cannot. */
final class ServerLauncher {

    static final String LOCAL_DYNAMODB_CLASS = "dev.dynamorm.local.LocalDynamoDb";
    static final String LOCALSTACK_CLASS =
            "org.testcontainers.containers.localstack.LocalStackContainer";

    private final Settings settings;
    private final Path workingDirectory;

    ServerLauncher(Settings settings, Path workingDirectory) {
        this.settings = settings;
        this.workingDirectory = workingDirectory;
    }

    static ServerLauncher of(Settings settings) {
        return new ServerLauncher(settings, Path.of(System.getProperty("user.dir", ".")));
    }

    RunningServer start(Backend backend) throws BackendUnavailableException {
        Duration timeout = settings.startTimeout();
        switch (backend) {
            case EMBEDDED -> {
                if (!present(LOCAL_DYNAMODB_CLASS)) {
                    throw new BackendUnavailableException(
                            LOCAL_DYNAMODB_CLASS
                                    + " is not on the test path:"
                                    + " add the dev.dynamorm:dynamorm-local test dependency"
                                    + " (on the module path, also --add-modules dev.dynamorm.local)");
                }
                return EmbeddedServer.start(timeout);
            }
            case DYNOXIDE -> {
                TestServers servers = TestServers.find(settings, workingDirectory);
                Path binary = servers.dynoxide();
                return ProcessServer.start(
                        "dynoxide",
                        port ->
                                List.of(
                                        binary.toString(),
                                        "--host",
                                        "127.0.0.1",
                                        "--port",
                                        Integer.toString(port)),
                        servers.root(),
                        logDirectory(),
                        timeout);
            }
            case DYNALITE -> {
                TestServers servers = TestServers.find(settings, workingDirectory);
                Path cli = servers.dynaliteCli();
                Path node =
                        TestServers.node(settings.nonBlank(Settings.NODE), System.getenv("PATH"));
                return ProcessServer.start(
                        "dynalite",
                        port ->
                                List.of(
                                        node.toString(),
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
                        servers.root(),
                        logDirectory(),
                        timeout);
            }
            case LOCALSTACK -> {
                if (!present(LOCALSTACK_CLASS)) {
                    throw new BackendUnavailableException(
                            "testcontainers is not on the test path:"
                                    + " add the org.testcontainers:localstack test dependency"
                                    + " (on the module path, also --add-modules testcontainers,localstack)");
                }
                if (!LocalStackServer.dockerAvailable()) {
                    throw new BackendUnavailableException(
                            "docker is not available to testcontainers:"
                                    + " start a docker daemon (or set DOCKER_HOST) to use localstack");
                }
                return LocalStackServer.start(
                        settings.nonBlank(Settings.LOCALSTACK_IMAGE)
                                .orElse(Settings.DEFAULT_LOCALSTACK_IMAGE));
            }
            case ENDPOINT -> {
                String endpoint =
                        settings.nonBlank(Settings.ENDPOINT)
                                .orElseThrow(
                                        () ->
                                                new BackendUnavailableException(
                                                        "no endpoint configured: set -D"
                                                                + Settings.ENDPOINT
                                                                + "=http://127.0.0.1:8000 (or aws for real DynamoDB)"));
                return EndpointServer.connect(
                        endpoint,
                        settings.nonBlank(Settings.REGION).orElse(Settings.DEFAULT_REGION),
                        timeout);
            }
            default -> throw new IllegalStateException("unhandled backend " + backend);
        }
    }

    /**
     * Where server logs go: {@code -Ddynamorm.test.logDir}, else {@code
     * target/dynamorm-test-servers} under the working directory when it has a {@code target}
     * folder, else the temporary folder.
     */
    Path logDirectory() {
        return settings.nonBlank(Settings.LOG_DIR)
                .map(Path::of)
                .orElseGet(
                        () -> {
                            Path target = workingDirectory.resolve("target");
                            Path base =
                                    Files.isDirectory(target)
                                            ? target
                                            : Path.of(System.getProperty("java.io.tmpdir"));
                            return base.resolve("dynamorm-test-servers");
                        })
                .toAbsolutePath();
    }

    static boolean present(String className) {
        try {
            Class.forName(className, false, ServerLauncher.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
