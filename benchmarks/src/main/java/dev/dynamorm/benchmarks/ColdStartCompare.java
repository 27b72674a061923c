package dev.dynamorm.benchmarks;

import dev.dynamorm.benchmarks.model.Codecs;
import dev.dynamorm.benchmarks.model.Fixtures;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Cold start to the first GetItem, the variants of {@link ColdStartBenchmark} run interleaved: each
 * round starts one child ({@link ColdStartMain}) per variant in a shuffled order, so a slow spell
 * of the machine hits every variant alike. Per variant it reports three medians: the parent's time
 * from {@code ProcessBuilder.start()} to the {@code ok} line (what {@link ColdStartBenchmark}
 * measures), the child's own time from its JVM's start, and from the start of its {@code main};
 * then, per round, each variant's time over the baseline's of the same round, with the median of
 * those paired ratios and a 95 % confidence interval of that median (order statistics). The two
 * child-measured times leave out the jitter of spawning a process, which hides a 2 % difference in
 * the parent's time.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.dynamorm.benchmarks.ColdStartCompare [rounds]
 * [baseline variant...]}; defaults: 40 rounds (after 3 unreported), baseline {@code handwritten},
 * variants {@code generated dynamorm noop}.
 */
public final class ColdStartCompare {

    private static final String[] METRICS = {
        "parent ms (spawn to ok)", "child ms from JVM start", "child ms from main"
    };

    private ColdStartCompare() {}

    /**
     * Runs the comparison and prints it.
     *
     * @param args rounds, then the baseline and the other variants (see {@link ColdStartMain})
     * @throws IOException if a child cannot be started or read
     * @throws InterruptedException if interrupted while waiting for a child
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        List<String> variants =
                args.length > 2
                        ? List.of(Arrays.copyOfRange(args, 1, args.length))
                        : List.of("handwritten", "generated", "dynamorm", "noop");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        String response = DynamoJson.getItemResponse(Codecs.toItem(Fixtures.order(42, 1)));
        Map<String, List<double[]>> times = new LinkedHashMap<>();
        for (String v : variants) {
            times.put(v, new ArrayList<>());
        }
        Random random = new Random(16);
        int warmup = 3;
        for (int round = 0; round < warmup + rounds; round++) {
            List<String> order = new ArrayList<>(variants);
            Collections.shuffle(order, random);
            for (String v : order) {
                double[] t = run(java, classPath, response, v);
                if (round >= warmup) {
                    times.get(v).add(t);
                }
            }
        }
        print(times, variants.get(0), rounds);
    }

    /** One child: {parent ms, child ms from JVM start, child ms from main}. */
    private static double[] run(String java, String classPath, String response, String variant)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process child = ChildTimes.start(java, classPath, response, variant);
        try {
            BufferedReader out = ChildTimes.output(child);
            ChildTimes.awaitOk(out, variant);
            double parent = (System.nanoTime() - start) / 1e6;
            long[] own = ChildTimes.parse(out.readLine());
            if (own == null) {
                throw new IllegalStateException(variant + " printed no times line");
            }
            return new double[] {parent, own[0], own[1] / 1e3};
        } finally {
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor();
            }
        }
    }

    private static void print(Map<String, List<double[]>> times, String baseline, int rounds) {
        System.out.printf(
                Locale.ROOT,
                "cold start to the first GetItem, %d interleaved rounds (medians, ms)%n",
                rounds);
        System.out.printf(
                Locale.ROOT,
                "%-14s %24s %24s %24s%n",
                "variant",
                METRICS[0],
                METRICS[1],
                METRICS[2]);
        for (Map.Entry<String, List<double[]>> e : times.entrySet()) {
            System.out.printf(
                    Locale.ROOT,
                    "%-14s %24.1f %24.1f %24.2f%n",
                    e.getKey(),
                    ChildTimes.median(column(e.getValue(), 0)),
                    ChildTimes.median(column(e.getValue(), 1)),
                    ChildTimes.median(column(e.getValue(), 2)));
        }
        System.out.printf(
                Locale.ROOT,
                "%npaired ratio to %s (median of per-round ratios [95 %% CI of the median])%n",
                baseline);
        List<double[]> base = times.get(baseline);
        for (Map.Entry<String, List<double[]>> e : times.entrySet()) {
            if (e.getKey().equals(baseline)) {
                continue;
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-14s", e.getKey()));
            for (int m = 0; m < METRICS.length; m++) {
                double[] ratios = new double[base.size()];
                for (int i = 0; i < ratios.length; i++) {
                    ratios[i] = e.getValue().get(i)[m] / base.get(i)[m];
                }
                Arrays.sort(ratios);
                // ranks of a 95 % interval of the median: n/2 -+ 0.98 sqrt(n) (normal
                // approximation)
                int n = ratios.length;
                int lo = Math.max(0, (int) Math.floor(n / 2.0 - 0.98 * Math.sqrt(n)) - 1);
                int hi = Math.min(n - 1, (int) Math.ceil(n / 2.0 + 0.98 * Math.sqrt(n)));
                line.append(
                        String.format(
                                Locale.ROOT,
                                " %24s",
                                String.format(
                                        Locale.ROOT,
                                        "%.3f [%.3f, %.3f]",
                                        ChildTimes.median(ratios),
                                        ratios[lo],
                                        ratios[hi])));
            }
            System.out.println(line);
        }
    }

    private static double[] column(List<double[]> rows, int index) {
        double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = rows.get(i)[index];
        }
        return v;
    }
}
