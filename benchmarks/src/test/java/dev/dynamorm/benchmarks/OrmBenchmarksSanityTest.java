package dev.dynamorm.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The benchmarks' sanity mode, run by the build: every ORM benchmark once, in this JVM, for one
 * iteration of 20 ms without warmup — it keeps the suites compiling and runnable (their setups
 * check that every variant does the same work) and feeds the ratio script, but judges no speed.
 * Skip it with {@code -Ddynamorm.bench.sanity.skip=true}.
 */
final class OrmBenchmarksSanityTest {

    /** The suites of issue 9 (LocalEngineBenchmark has its own command). */
    static final String SUITES =
            "dev\\.dynamorm\\.benchmarks\\.(Marshalling|ClientOverhead|QueryCompilation"
                    + "|Registration|ColdStart|PluginsCost|EndToEnd)Benchmark\\..*";

    @Test
    void everySuite_runsOnceAndTheRatioScriptReadsIt()
            throws RunnerException, IOException, InterruptedException {
        Assumptions.assumeFalse(
                Boolean.getBoolean("dynamorm.bench.sanity.skip"), "sanity run skipped");
        // another JMH run on this machine (a developer's) must not fail the build
        System.setProperty("jmh.ignoreLock", "true");
        Path out = Path.of("target", "sanity");
        Files.createDirectories(out);
        Path json = out.resolve("sanity.json");
        ChainedOptionsBuilder options =
                new OptionsBuilder()
                        .include(SUITES)
                        .forks(0)
                        .warmupIterations(0)
                        .measurementIterations(1)
                        .measurementTime(TimeValue.milliseconds(20))
                        .shouldFailOnError(true)
                        .resultFormat(ResultFormatType.JSON)
                        .result(json.toString())
                        .output(out.resolve("sanity.log").toString());
        if (!dynoxideInstalled()) {
            options.param("backend", "embedded");
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        assertTrue(results.size() >= 70, "expected every benchmark to run, got " + results.size());

        Assumptions.assumeTrue(python3(), "python3 not found: the ratio script is not checked");
        Path script = Path.of("ratios.py").toAbsolutePath();
        Process p =
                new ProcessBuilder(
                                List.of(
                                        "python3",
                                        script.toString(),
                                        "--out",
                                        out.toString(),
                                        json.toString()))
                        .redirectErrorStream(true)
                        .redirectOutput(out.resolve("ratios.log").toFile())
                        .start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ratio script timed out");
        assertEquals(
                0, p.exitValue(), () -> "ratio script failed: " + read(out.resolve("ratios.log")));
        assertTrue(
                Files.readString(out.resolve("RESULTS.md")).contains("| area |"),
                "RESULTS.md has the table");
        assertTrue(
                Files.readString(out.resolve("ratios.svg")).startsWith("<svg"),
                "the chart is an SVG");
    }

    private static boolean dynoxideInstalled() {
        try {
            return Files.isExecutable(
                    Servers.testServers().resolve("node_modules/@dynoxide/linux-x64/dynoxide"));
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static boolean python3() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
