package dev.dynamorm.benchmarks;

import dev.dynamorm.local.LocalDynamoDb;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The mixed workload (put, get, query of 20 items, conditional update; ~1 KB items), one client
 * thread, AWS SDK v2 with the Apache HTTP client, against each server. The score is requests per
 * second (each invocation is four requests). {@code target}: {@code local-http} (dynamorm-local's
 * HTTP listener in this JVM), {@code dynoxide}, {@code dynalite}, {@code local-inprocess}
 * (dynamorm-local's in-process client, no sockets), {@code local-launcher} (the standalone server
 * in its own process, started by the build's launcher {@code dynamorm-local/target/dynamorm-local}
 * with its JVM options, e.g. its collector).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xms512m", "-Xmx512m"})
@Threads(1)
public class LocalEngineBenchmark {

    @Param({"local-http", "dynoxide", "dynalite", "local-inprocess", "local-launcher"})
    public String target;

    private LocalDynamoDb local;
    private Servers.Running server;
    private Process launched;
    private DynamoDbClient client;
    private Workload workload;

    @Setup(Level.Trial)
    public void start() {
        switch (target) {
            case "local-http" -> {
                local = LocalDynamoDb.start();
                client = Clients.http(local.endpoint());
            }
            case "local-inprocess" -> {
                local = LocalDynamoDb.start();
                client = local.client();
            }
            case "local-launcher" -> {
                int port = ServerProcess.freePort();
                launched =
                        ServerProcess.start(
                                List.of(
                                        ServerProcess.localLauncher().toString(),
                                        "--port",
                                        Integer.toString(port)));
                ServerProcess.awaitLine(launched, "listening on");
                client = Clients.http(URI.create("http://127.0.0.1:" + port));
            }
            case "dynoxide" -> {
                server = Servers.dynoxide();
                client = Clients.http(server.endpoint);
            }
            case "dynalite" -> {
                server = Servers.dynalite();
                client = Clients.http(server.endpoint);
            }
            default -> throw new IllegalArgumentException("unknown target " + target);
        }
        workload = new Workload(client);
        workload.createAndSeed();
    }

    @TearDown(Level.Trial)
    public void stop() {
        if (local == null || client != local.client()) {
            client.close();
        }
        if (local != null) {
            local.close();
        }
        if (server != null) {
            server.close();
        }
        if (launched != null) {
            ServerProcess.stop(launched);
        }
    }

    /**
     * One round of the mixed workload: four requests.
     *
     * @return a value derived from the answers
     */
    @Benchmark
    @OperationsPerInvocation(4)
    public int mixed() {
        return workload.mixed();
    }
}
