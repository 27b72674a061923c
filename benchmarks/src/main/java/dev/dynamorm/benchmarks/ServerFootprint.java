package dev.dynamorm.benchmarks;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Resident memory of the standalone servers holding N ~1 KB items: starts the dynamorm-local
 * launcher and Dynoxide (the pinned binary in {@code test-servers}, as the test kit runs it) each
 * in its own process, stores the same N items ({@link MemoryFootprint#item(int)}) in both over HTTP
 * with the same SDK loader (BatchWriteItem, 25 a call), then reads each server's {@code VmRSS} and
 * peak {@code VmHWM} from {@code /proc} right after the load and after 15 s idle. Linux only. Run:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.dynamorm.benchmarks.ServerFootprint [N [COMMAND...]]
 * </pre>
 *
 * where COMMAND replaces the dynamorm-local launcher (e.g. {@code java -jar
 * dynamorm-local/target/dynamorm-local-0.1.0-SNAPSHOT.jar}); {@code --port P} is appended.
 */
public final class ServerFootprint {
    private ServerFootprint() {}

    /**
     * Prints each server's resident memory with N items stored, and the ratio.
     *
     * @param args optional item count (default 100000), then an optional dynamorm-local command
     */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        List<String> command =
                args.length > 1
                        ? List.of(Arrays.copyOfRange(args, 1, args.length))
                        : List.of(ServerProcess.localLauncher().toString());
        long[] local = localServer(command, n);
        long[] dynoxide = dynoxide(n);
        System.out.printf(
                Locale.ROOT,
                "%d items; RSS after load / after 15 s idle / peak (MiB):%n"
                        + "  dynamorm-local: %d / %d / %d%n"
                        + "  dynoxide:       %d / %d / %d%n"
                        + "  ratio after idle: %.2f%n",
                n,
                local[0] / 1024,
                local[1] / 1024,
                local[2] / 1024,
                dynoxide[0] / 1024,
                dynoxide[1] / 1024,
                dynoxide[2] / 1024,
                (double) local[1] / dynoxide[1]);
    }

    private static long[] localServer(List<String> command, int n) {
        int port = ServerProcess.freePort();
        List<String> full = new ArrayList<>(command);
        full.add("--port");
        full.add(Integer.toString(port));
        Process p = ServerProcess.start(full);
        try {
            ServerProcess.awaitLine(p, "listening on");
            load(URI.create("http://127.0.0.1:" + port), n);
            return measure(p.pid());
        } finally {
            ServerProcess.stop(p);
        }
    }

    private static long[] dynoxide(int n) {
        try (Servers.Running server = Servers.dynoxide()) {
            long pid =
                    ProcessHandle.current()
                            .children()
                            .filter(h -> h.info().command().orElse("").contains("dynoxide"))
                            .findFirst()
                            .orElseThrow(() -> new IllegalStateException("no dynoxide process"))
                            .pid();
            load(server.endpoint, n);
            return measure(pid);
        }
    }

    /** VmRSS right after the load, VmRSS after 15 s idle, VmHWM; in KiB. */
    private static long[] measure(long pid) {
        long loaded = ServerProcess.statusKib(pid, "VmRSS");
        ServerProcess.sleep(15_000);
        return new long[] {
            loaded, ServerProcess.statusKib(pid, "VmRSS"), ServerProcess.statusKib(pid, "VmHWM")
        };
    }

    private static void load(URI endpoint, int n) {
        try (DynamoDbClient client = Clients.http(endpoint)) {
            new Workload(client).createAndSeed();
            List<WriteRequest> batch = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                batch.add(
                        WriteRequest.builder()
                                .putRequest(
                                        PutRequest.builder().item(MemoryFootprint.item(i)).build())
                                .build());
                if (batch.size() == 25 || i == n - 1) {
                    List<WriteRequest> send = batch;
                    Map<String, List<WriteRequest>> request = Map.of(Workload.TABLE, send);
                    var unprocessed = client.batchWriteItem(r -> r.requestItems(request));
                    if (unprocessed.hasUnprocessedItems()
                            && !unprocessed.unprocessedItems().isEmpty()) {
                        throw new IllegalStateException("unprocessed items at " + i);
                    }
                    batch = new ArrayList<>();
                }
            }
        }
    }
}
