package dev.dynamorm.local;

import static dev.dynamorm.local.Fixtures.item;
import static dev.dynamorm.local.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One server per data directory: a second one, in this JVM or another, refuses to start. */
class DataDirectoryLockTest {
    @TempDir Path dir;

    @Test
    void secondInstanceOnTheSameDirectoryFailsWithAClearMessage() {
        try (LocalDynamoDb first = LocalDynamoDb.builder().dataDirectory(dir).start()) {
            String t = Fixtures.hashTable(first.client());
            assertThatThrownBy(() -> LocalDynamoDb.builder().dataDirectory(dir).start())
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining(
                            "The data directory "
                                    + dir
                                    + " is in use by another dynamorm-local server");
            // the first one is unharmed
            first.client().putItem(r -> r.tableName(t).item(item("pk", s("a"))));
            assertThat(first.client().scan(r -> r.tableName(t)).count()).isEqualTo(1);
        }
        // released on close
        try (LocalDynamoDb again = LocalDynamoDb.builder().dataDirectory(dir).start()) {
            assertThat(again.client().listTables().tableNames()).hasSize(1);
        }
    }

    @Test
    @SuppressWarnings("try") // the unreferenced resource holds the directory's lock for the test
    void secondProcessOnTheSameDirectoryExitsWithAClearMessage() throws Exception {
        try (LocalDynamoDb first = LocalDynamoDb.builder().dataDirectory(dir).start()) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p =
                    new ProcessBuilder(
                                    java,
                                    "-cp",
                                    System.getProperty("java.class.path"),
                                    "dev.dynamorm.local.Main",
                                    "--port",
                                    "0",
                                    "--data-dir",
                                    dir.toString())
                            .redirectErrorStream(true)
                            .start();
            try {
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.exitValue()).isEqualTo(1);
                assertThat(out)
                        .contains("dynamorm-local could not start")
                        .contains("is in use by another dynamorm-local server")
                        .doesNotContain("\tat ");
            } finally {
                p.destroyForcibly();
            }
        }
    }
}
