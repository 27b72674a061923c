package dev.dynamorm.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestServersTest {

    @TempDir Path dir;

    @Test
    void findsTestServersWalkingUpFromTheWorkingDirectory() throws Exception {
        Files.createDirectories(dir.resolve("test-servers/node_modules"));
        Path module = Files.createDirectories(dir.resolve("project/module/sub"));

        assertThat(TestServers.locate(Optional.empty(), module).root())
                .isEqualTo(dir.resolve("test-servers"));
    }

    @Test
    void saysHowToInstallWhenNothingIsFound() {
        assertThatThrownBy(() -> TestServers.locate(Optional.empty(), dir))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("no test-servers/node_modules found in " + dir)
                .hasMessageContaining("-Ddynamorm.test.servers=");
    }

    @Test
    void configuredFolderMustHaveNodeModules() throws Exception {
        Files.createDirectories(dir.resolve("servers"));
        assertThatThrownBy(
                        () ->
                                TestServers.locate(
                                        Optional.of(dir.resolve("servers").toString()), dir))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("has no node_modules folder");
        Files.createDirectories(dir.resolve("servers/node_modules"));
        assertThat(
                        TestServers.locate(
                                        Optional.of(dir.resolve("servers").toString()),
                                        Path.of("/"))
                                .root())
                .isEqualTo(dir.resolve("servers"));
    }

    @Test
    void missingBinariesAreReportedWithTheirPath() throws Exception {
        Files.createDirectories(dir.resolve("node_modules"));
        TestServers servers = TestServers.locate(Optional.of(dir.toString()), dir);
        assertThatThrownBy(servers::dynoxide).hasMessageContaining("dynoxide binary not found at");
        assertThatThrownBy(servers::dynaliteCli).hasMessageContaining("dynalite not found at");
    }

    @Test
    void nodeIsLookedUpOnThePath() throws Exception {
        assertThatThrownBy(() -> TestServers.node(Optional.empty(), dir.toString()))
                .hasMessageContaining("node was not found on the PATH");
        Path node = Files.createFile(dir.resolve("node"));
        assertThat(node.toFile().setExecutable(true)).isTrue();
        assertThat(
                        TestServers.node(
                                Optional.empty(),
                                "/nonexistent" + java.io.File.pathSeparator + dir))
                .isEqualTo(node);
    }

    @Test
    void npmPlatformNamesThisMachine() {
        assertThat(TestServers.npmPlatform()).matches("[a-z0-9]+-[a-z0-9_]+");
    }
}
