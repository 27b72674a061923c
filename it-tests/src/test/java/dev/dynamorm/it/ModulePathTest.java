package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the quickstart in fresh JVMs, once on the module path and once on the class path: both must
 * find the engine, the converters and the generated model schemas through ServiceLoader and finish.
 * The examples module opens no package, so on the module path reflection on the models would fail.
 */
final class ModulePathTest {

    private static final Path RUNTIME_PATH = Path.of("target", "quickstart-runtime-path.txt");

    private static String runtimePath() throws IOException {
        return Files.readString(RUNTIME_PATH, StandardCharsets.UTF_8).trim();
    }

    private static String run(List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // a short-lived JVM: the client compiler alone and the serial collector start it in about
        // two thirds of the CPU time (what it does and prints is the same)
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS))
                .as("quickstart finished in time")
                .isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }

    @Test
    void quickstart_onModulePath_findsEngineAndConverters() throws Exception {
        String out =
                run(
                        List.of(
                                "-Dorg.slf4j.simpleLogger.log.dev.dynamorm.engine.internal.model=debug",
                                "--module-path",
                                runtimePath(),
                                "--module",
                                "dev.dynamorm.examples/dev.dynamorm.examples.Quickstart"));
        // the examples module opens nothing: the engine can only use the generated schemas
        assertThat(out)
                .contains(
                        "model dev.dynamorm.examples.Order: generated schema dev.dynamorm.examples.Order_")
                .doesNotContain("read by reflection")
                .contains(
                        "running in module dev.dynamorm.examples, engine in module dev.dynamorm.engine")
                .contains("customer c-42 has 2 orders: [o-1, o-2]")
                .contains("quickstart finished");
    }

    @Test
    void quickstart_onClassPath_findsEngineAndConverters() throws Exception {
        String out = run(List.of("-cp", runtimePath(), "dev.dynamorm.examples.Quickstart"));
        assertThat(out)
                .contains("running in unnamed module")
                .contains("customer c-42 has 2 orders: [o-1, o-2]")
                .contains("quickstart finished");
    }
}
