package dev.dynamorm.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The times a {@link ColdStartMain} child measures itself: milliseconds from its JVM's start and
 * microseconds from the start of {@code main} to the first GetItem's answer.
 */
final class ChildTimes {

    private ChildTimes() {}

    /** Starts one cold-start child ({@link ColdStartMain}) running {@code variant}. */
    static Process start(String java, String classPath, String response, String variant)
            throws IOException {
        ProcessBuilder pb =
                new ProcessBuilder(
                        List.of(
                                java,
                                "-Xms256m",
                                "-Xmx256m",
                                "-Dcold.response=" + response,
                                "-cp",
                                classPath,
                                ColdStartMain.class.getName(),
                                variant));
        pb.redirectErrorStream(true);
        return pb.start();
    }

    /** The child's output, as lines. */
    static BufferedReader output(Process child) {
        return new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * Reads the child's output up to its {@code ok} line and returns that line; the reader is left
     * just after it (at the times line).
     */
    static String awaitOk(BufferedReader out, String variant) throws IOException {
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("ok ")) {
                return line;
            }
            seen.append(line).append('\n');
        }
        throw new IllegalStateException(
                "cold start of " + variant + " printed no 'ok' line:\n" + seen);
    }

    /**
     * @param line the child's {@code t <ms since JVM start> <µs since main>} line
     * @return {@code {ms since JVM start, µs since main}}, or null when the line is not one
     */
    static long[] parse(String line) {
        if (line == null || !line.startsWith("t ")) {
            return null;
        }
        int space = line.indexOf(' ', 2);
        return new long[] {
            Long.parseLong(line.substring(2, space)), Long.parseLong(line.substring(space + 1))
        };
    }

    /** The median of the values at {@code index} in {@code times}. */
    static double median(List<long[]> times, int index) {
        double[] v = new double[times.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = times.get(i)[index];
        }
        return median(v);
    }

    /** The median of {@code values}, NaN when empty. */
    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }

    /** One line: the medians of the children's own times. */
    static String summary(String benchmark, List<long[]> times) {
        return String.format(
                Locale.ROOT,
                "child-measured %s: first GetItem %.1f ms after JVM start, %.2f ms after main"
                        + " (medians of %d)",
                benchmark,
                median(times, 0),
                median(times, 1) / 1_000.0,
                times.size());
    }
}
