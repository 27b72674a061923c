package dev.dynamorm.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Runs one {@link AsyncOverheadBenchmark} case in a loop so callgrind can count the instructions
 * per operation, a figure the machine's load does not move (the JMH rows of this benchmark are
 * noise-bound on a shared machine: the spread between forks of identical code is larger than the 5
 * % target). One JVM per case and side, as JMH forks them; the JIT is on, with {@code -Xbatch} so
 * compilation finishes before the measured segments rather than racing them.
 *
 * <p>Arguments: the case ({@code put}, {@code get}, {@code query25}), the side ({@code dynamorm},
 * {@code generated}, {@code handwritten}), the {@code completion} parameter ({@code direct}, {@code
 * sdk}), the warm-up operations, the operations per segment, the number of segments. After the
 * warm-up it zeroes callgrind's counters ({@link CallgrindMarks}) and dumps them after each
 * segment, so each dump holds one segment's instructions, of every thread (the JIT's, the
 * collector's included):
 *
 * <pre>
 * gcc -O2 -shared -fPIC -I"$JAVA_HOME/include" -I"$JAVA_HOME/include/linux" \
 *     -o /tmp/cg/libcallgrindmarks.so benchmarks/src/main/c/callgrind_marks.c
 * valgrind --tool=callgrind --callgrind-out-file=/tmp/cg/put-dynamorm.%p \
 *     java -Xbatch -XX:+UseSerialGC -Xms1g -Xmx1g -Ddynamorm.callgrindMarks=/tmp/cg/libcallgrindmarks.so \
 *     -cp benchmarks/target/benchmarks.jar dev.dynamorm.benchmarks.AsyncCountProbe put dynamorm direct 30000 2000 4
 * grep -h '^totals:' /tmp/cg/put-dynamorm.*.[0-9]*     # one line per segment: instructions / 2000 = per op
 * </pre>
 *
 * <p>Without the library the marks are no-ops: count per operation is then (total of a run with
 * more segments - total of one with fewer) / the operations between them.
 */
public final class AsyncCountProbe {

    private static final List<String> CASES = List.of("put", "get", "query25");

    private static final List<String> SIDES = List.of("dynamorm", "generated", "handwritten");

    /** Where the results go, so the JIT cannot drop the work that made them. */
    @SuppressWarnings("unused") // written only: it keeps the results alive
    private static volatile Object sink;

    private AsyncCountProbe() {}

    /**
     * Runs the probe.
     *
     * @param args case, side, completion, warm-up operations, operations per segment, segments
     */
    public static void main(String[] args) {
        if (args.length != 6) {
            throw new IllegalArgumentException(
                    "usage: case side completion warmup opsPerSegment segments");
        }
        String op = args[0];
        String side = args[1];
        if (!CASES.contains(op) || !SIDES.contains(side)) {
            throw new IllegalArgumentException(
                    "case is one of " + CASES + ", side one of " + SIDES);
        }
        int warmup = Integer.parseInt(args[3]);
        int ops = Integer.parseInt(args[4]);
        int segments = Integer.parseInt(args[5]);
        AsyncOverheadBenchmark bench = new AsyncOverheadBenchmark();
        bench.completion = args[2];
        bench.setUp();
        Supplier<Object> call = call(bench, op, side);
        for (int i = 0; i < warmup; i++) {
            sink = call.get();
        }
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        CallgrindMarks.zero();
        for (int s = 0; s < segments; s++) {
            long bytes = threads.getThreadAllocatedBytes(thread);
            long start = System.nanoTime();
            for (int i = 0; i < ops; i++) {
                sink = call.get();
            }
            long nanos = System.nanoTime() - start;
            bytes = threads.getThreadAllocatedBytes(thread) - bytes;
            CallgrindMarks.dump(op + "-" + side + "-" + s);
            System.out.printf(
                    Locale.ROOT,
                    "%s %s segment %d: %d ns/op, %d bytes/op allocated on the calling thread%n",
                    op,
                    side,
                    s,
                    nanos / ops,
                    bytes / ops);
        }
        bench.tearDown();
    }

    private static Supplier<Object> call(AsyncOverheadBenchmark bench, String op, String side) {
        return switch (op + "/" + side) {
            case "put/dynamorm" -> bench::put_dynamorm;
            case "put/generated" -> bench::put_generated;
            case "put/handwritten" -> bench::put_handwritten;
            case "get/dynamorm" -> bench::get_dynamorm;
            case "get/generated" -> bench::get_generated;
            case "get/handwritten" -> bench::get_handwritten;
            case "query25/dynamorm" -> bench::query25_dynamorm;
            case "query25/generated" -> bench::query25_generated;
            default -> bench::query25_handwritten;
        };
    }
}
