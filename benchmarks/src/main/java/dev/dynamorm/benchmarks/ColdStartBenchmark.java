package dev.dynamorm.benchmarks;

import dev.dynamorm.benchmarks.model.Codecs;
import dev.dynamorm.benchmarks.model.Fixtures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Area 5, cold start: the time from launching a fresh JVM to its first completed GetItem, each
 * measurement one new process ({@link ColdStartMain}) that builds the client stack over the canned
 * HTTP client and reads one order. Measured by this (parent) JVM from {@code
 * ProcessBuilder.start()} to the child's {@code ok} line; the child's exit is waited for outside
 * the measurement. {@code emptyJvm_noop} is a child that prints at once: the JVM's own start,
 * common to all.
 *
 * <p>The parent's time carries the jitter of spawning a process (±60–90 ms on a loaded machine).
 * Each child also reports its own time to the first GetItem, from its JVM's start and from the
 * start of {@code main}; they are read after the measurement and printed at the end of the trial
 * (medians over the measurement iterations). {@link ColdStartCompare} runs the variants interleaved
 * and reports all three times side by side with paired ratios.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 20)
@Fork(
        value = 1,
        jvmArgs = {"-Xms256m", "-Xmx256m"})
public class ColdStartBenchmark {

    private String java;
    private String classPath;
    private String response;
    private Process child;
    private BufferedReader childOut;
    private boolean measuring;
    private final List<long[]> childTimes = new ArrayList<>();

    /** Finds the java launcher and class path, and prepares the canned GetItem answer. */
    @Setup(Level.Trial)
    public void setUp() {
        java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        classPath = System.getProperty("java.class.path");
        response = DynamoJson.getItemResponse(Codecs.toItem(Fixtures.order(42, 1)));
    }

    /** Notes whether the coming iteration is measured. */
    @Setup(Level.Iteration)
    public void iteration(IterationParams params) {
        measuring = params.getType() == IterationType.MEASUREMENT;
    }

    /**
     * Reads the child's own times and waits for it to exit (outside the measurement).
     *
     * @throws IOException if the child's output cannot be read
     */
    @TearDown(Level.Invocation)
    public void reap() throws InterruptedException, IOException {
        if (childOut != null) {
            long[] times = ChildTimes.parse(childOut.readLine());
            if (measuring && times != null) {
                childTimes.add(times);
            }
            childOut = null;
        }
        if (child != null) {
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor();
            }
            child = null;
        }
    }

    /**
     * Prints the children's own times to the first GetItem (medians of the measurement iterations).
     */
    @TearDown(Level.Trial)
    public void printChildTimes(BenchmarkParams params) {
        System.out.println();
        System.out.println(ChildTimes.summary(params.getBenchmark(), childTimes));
    }

    private String firstGet(String variant) {
        try {
            child = ChildTimes.start(java, classPath, response, variant);
            BufferedReader out = ChildTimes.output(child);
            String ok = ChildTimes.awaitOk(out, variant);
            childOut = out;
            return ok;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @return the child's answer
     */
    @Benchmark
    public String firstGet_dynamorm() {
        return firstGet("dynamorm");
    }

    /**
     * @return the child's answer
     */
    @Benchmark
    public String firstGet_generated() {
        return firstGet("generated");
    }

    /**
     * @return the child's answer
     */
    @Benchmark
    public String firstGet_enhancedBean() {
        return firstGet("enhancedBean");
    }

    /**
     * @return the child's answer
     */
    @Benchmark
    public String firstGet_enhancedStatic() {
        return firstGet("enhancedStatic");
    }

    /**
     * @return the child's answer
     */
    @Benchmark
    public String firstGet_handwritten() {
        return firstGet("handwritten");
    }

    /**
     * @return the child's answer
     */
    @Benchmark
    public String emptyJvm_noop() {
        return firstGet("noop");
    }
}
