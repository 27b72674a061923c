package dev.dynamorm.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Fresh-process start of the standalone dynamorm-local server to its first answered request: runs
 * the launcher the build writes ({@code dynamorm-local/target/dynamorm-local}, which uses the
 * class-data sharing archive) or any given command, waits for the announced endpoint, sends one
 * ListTables over a raw socket and stops the server; prints each run's wall-clock time from process
 * creation to the complete answer and the server's CPU time by then, and their medians. Run on an
 * idle machine (a loaded one inflates both; {@code uptime} tells):
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.dynamorm.benchmarks.ServerStartup [RUNS [COMMAND...]]
 * e.g. ... ServerStartup 15 java -jar dynamorm-local/target/dynamorm-local-0.1.0-SNAPSHOT.jar
 * </pre>
 *
 * {@code --port P} is appended to the command.
 */
public final class ServerStartup {
    private ServerStartup() {}

    /**
     * Times {@code RUNS} (default 15) fresh starts.
     *
     * @param args optional run count, then optional command
     */
    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        List<String> command =
                args.length > 1
                        ? List.of(Arrays.copyOfRange(args, 1, args.length))
                        : List.of(ServerProcess.localLauncher().toString());
        System.out.println("command: " + String.join(" ", command) + " --port P");
        long[] wall = new long[runs];
        long[] cpu = new long[runs];
        // one untimed start warms the file system cache (jar, archive) as a second start would
        for (int i = -1; i < runs; i++) {
            int port = ServerProcess.freePort();
            List<String> full = new ArrayList<>(command);
            full.add("--port");
            full.add(Integer.toString(port));
            long t0 = System.nanoTime();
            Process p = ServerProcess.start(full);
            try {
                ServerProcess.awaitLine(p, "listening on");
                String status = ServerProcess.post(port, "ListTables", "{}");
                long elapsed = System.nanoTime() - t0;
                if (!status.contains(" 200 ")) {
                    throw new IllegalStateException("ListTables answered " + status);
                }
                if (i >= 0) {
                    wall[i] = elapsed / 1_000_000;
                    cpu[i] = ServerProcess.cpuMillis(p.pid());
                    System.out.printf(
                            Locale.ROOT, "run %2d: %4d ms wall, %4d ms CPU%n", i, wall[i], cpu[i]);
                }
            } finally {
                ServerProcess.stop(p);
            }
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf(
                Locale.ROOT,
                "median of %d: %d ms wall (min %d, max %d), %d ms CPU to the first answer%n",
                runs,
                wall[runs / 2],
                wall[0],
                wall[runs - 1],
                cpu[runs / 2]);
    }
}
