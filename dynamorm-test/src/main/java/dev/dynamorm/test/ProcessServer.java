package dev.dynamorm.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A server running as a child process on a free loopback port, its output in a log file. */
final class ProcessServer implements RunningServer {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessServer.class);
    private static final int PORT_ATTEMPTS = 3;
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final int LOG_TAIL_CHARS = 2000;

    private final String name;
    private final Process process;
    private final URI endpoint;
    private final DynamoDbClient client;
    private final Path log;

    private ProcessServer(
            String name, Process process, URI endpoint, DynamoDbClient client, Path log) {
        this.name = name;
        this.process = process;
        this.endpoint = endpoint;
        this.client = client;
        this.log = log;
    }

    /**
     * Starts {@code command(port)} in {@code workingDirectory} and waits until it answers
     * ListTables. Retries on another port when the chosen one was taken in the meantime.
     */
    static ProcessServer start(
            String name,
            IntFunction<List<String>> command,
            Path workingDirectory,
            Path logDirectory,
            Duration timeout)
            throws BackendUnavailableException {
        BackendUnavailableException last = null;
        for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
            int port = freeLoopbackPort();
            try {
                return startOn(
                        name, port, command.apply(port), workingDirectory, logDirectory, timeout);
            } catch (PortTakenException e) {
                LOG.debug("port {} was taken before {} could bind it, trying another", port, name);
                last = new BackendUnavailableException(e.getMessage());
            }
        }
        throw last;
    }

    private static ProcessServer startOn(
            String name,
            int port,
            List<String> command,
            Path workingDirectory,
            Path logDirectory,
            Duration timeout)
            throws BackendUnavailableException, PortTakenException {
        Path log = logDirectory.resolve(name + "-" + port + ".log");
        try {
            Files.createDirectories(logDirectory);
        } catch (IOException e) {
            throw new BackendUnavailableException(
                    "cannot create log folder "
                            + logDirectory
                            + ": "
                            + e.getMessage()
                            + "; set -D"
                            + Settings.LOG_DIR
                            + " to a writable folder",
                    e);
        }
        Process process;
        try {
            process =
                    new ProcessBuilder(command)
                            .directory(workingDirectory.toFile())
                            .redirectErrorStream(true)
                            .redirectOutput(log.toFile())
                            .start();
        } catch (IOException e) {
            throw new BackendUnavailableException(
                    "cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
        ChildProcesses.register(process);
        URI endpoint = Clients.loopback(port);
        Region region = Region.of(Settings.DEFAULT_REGION);
        AtomicBoolean portTaken = new AtomicBoolean();
        try (DynamoDbClient probe =
                Clients.forProbes(endpoint, region, Clients.DUMMY_CREDENTIALS)) {
            Duration took =
                    Readiness.await(
                            name + " on " + endpoint,
                            probe,
                            () -> {
                                if (process.isAlive()) {
                                    return null;
                                }
                                String tail = tail(log);
                                portTaken.set(mentionsPortTaken(tail));
                                return name
                                        + " exited with code "
                                        + process.exitValue()
                                        + " before answering ListTables; log "
                                        + log
                                        + ":\n"
                                        + tail;
                            },
                            timeout,
                            () -> "; log " + log + ":\n" + tail(log));
            LOG.info(
                    "{} answers on {} after {} ms (log: {})", name, endpoint, took.toMillis(), log);
        } catch (BackendUnavailableException e) {
            ChildProcesses.stop(process, STOP_GRACE);
            if (portTaken.get()) {
                throw new PortTakenException(
                        name + " could not bind port " + port + "; log " + log);
            }
            throw e;
        }
        DynamoDbClient client = Clients.forTests(endpoint, region, Clients.DUMMY_CREDENTIALS);
        return new ProcessServer(name, process, endpoint, client, log);
    }

    /** A port free on 127.0.0.1 a moment ago: bound to port 0, then released for the server. */
    static int freeLoopbackPort() throws BackendUnavailableException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new BackendUnavailableException(
                    "cannot find a free port on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    private static boolean mentionsPortTaken(String log) {
        String lower = log.toLowerCase(Locale.ROOT);
        return lower.contains("eaddrinuse")
                || lower.contains("address already in use")
                || lower.contains("address in use");
    }

    static String tail(Path log) {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.length() <= LOG_TAIL_CHARS
                    ? text
                    : "..." + text.substring(text.length() - LOG_TAIL_CHARS);
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
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
            ChildProcesses.stop(process, STOP_GRACE);
            LOG.info("{} on {} stopped", name, endpoint);
        }
    }

    @Override
    public String toString() {
        return name + " on " + endpoint + " (log: " + log + ")";
    }

    /** The server lost the race for its port. */
    private static final class PortTakenException extends Exception {
        private static final long serialVersionUID = 1L;

        PortTakenException(String message) {
            super(message);
        }
    }
}
