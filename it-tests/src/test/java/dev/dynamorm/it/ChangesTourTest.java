package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.DynamORM;
import dev.dynamorm.examples.changes.ChangesTour;
import dev.dynamorm.local.LocalDynamoDb;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's change data capture tour: in-process on the embedded engine, and in a fresh JVM
 * on the module path (the examples module opens nothing; dynamorm-streams' own models are read
 * through its {@code opens}).
 */
final class ChangesTourTest {
    private static final List<String> EXPECTED =
            List.of(
                    "INSERT c-42/o-1 status NEW",
                    "INSERT c-42/o-2 status NEW",
                    "MODIFY c-42/o-1 status PAID changed [status]",
                    "REMOVE c-42/o-2 status NEW",
                    "checkpoints: 1 shard(s)",
                    "view: customer c-42 has 1 order(s) totalling 2500",
                    "changes tour finished");

    @Test
    void changesTour_printsEachTypedChangeAndTheView() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (LocalDynamoDb local = LocalDynamoDb.start();
                DynamORM db = DynamORM.builder().client(local.client()).build();
                PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            ChangesTour.run(db, local.client(), local.streamsClient(), out);
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.subList(1, lines.size())).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void changesTour_onModulePath() throws Exception {
        String path =
                Files.readString(
                                Path.of("target", "quickstart-runtime-path.txt"),
                                StandardCharsets.UTF_8)
                        .trim();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // a short-lived JVM: the client compiler alone and the serial collector start it in about
        // two thirds of the CPU time (what it does and prints is the same)
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.addAll(
                List.of(
                        "--module-path",
                        path,
                        "--module",
                        "dev.dynamorm.examples/dev.dynamorm.examples.changes.ChangesTour"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("tour finished in time").isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        assertThat(text.lines().toList())
                .contains("running in module dev.dynamorm.examples")
                .containsSubsequence(EXPECTED);
    }
}
