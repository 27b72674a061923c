package dev.dynamorm.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Failures of a server process become reasons that say what happened and where the log is. */
@DisabledOnOs(OS.WINDOWS)
class ProcessServerTest {

    @TempDir Path dir;

    @Test
    void aServerThatExitsIsReportedWithItsExitCodeAndLog() {
        assertThatThrownBy(
                        () ->
                                ProcessServer.start(
                                        "fake",
                                        port ->
                                                List.of(
                                                        "sh",
                                                        "-c",
                                                        "echo boom on " + port + "; exit 3"),
                                        dir,
                                        dir,
                                        Duration.ofSeconds(10)))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("fake exited with code 3 before answering ListTables")
                .hasMessageContaining("boom on")
                .hasMessageContaining(dir.toString());
    }

    @Test
    void aServerThatLosesItsPortIsRetriedOnAnotherOne() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(
                        () ->
                                ProcessServer.start(
                                        "fake",
                                        port -> {
                                            attempts.incrementAndGet();
                                            return List.of(
                                                    "sh",
                                                    "-c",
                                                    "echo 'Error: listen EADDRINUSE: address already in use'; exit 1");
                                        },
                                        dir,
                                        dir,
                                        Duration.ofSeconds(10)))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("fake could not bind port");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aServerThatNeverAnswersTimesOutAndIsStopped() {
        long start = System.nanoTime();
        assertThatThrownBy(
                        () ->
                                ProcessServer.start(
                                        "silent",
                                        port -> List.of("sleep", "30"),
                                        dir,
                                        dir,
                                        Duration.ofSeconds(1)))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("silent on http://127.0.0.1:")
                .hasMessageContaining("did not answer ListTables within 1 s")
                .hasMessageContaining("-Ddynamorm.test.startTimeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aMissingProgramIsReported() {
        assertThatThrownBy(
                        () ->
                                ProcessServer.start(
                                        "ghost",
                                        port -> List.of(dir.resolve("nothing").toString()),
                                        dir,
                                        dir,
                                        Duration.ofSeconds(1)))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("cannot run " + dir.resolve("nothing"));
    }
}
