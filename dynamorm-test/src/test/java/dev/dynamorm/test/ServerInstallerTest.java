package dev.dynamorm.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kit installs the pinned npm servers itself into a per-user cache, so the Dynoxide and
 * dynalite backends work from a project that is not this repository; without npm it says exactly
 * what to run.
 */
@DisabledOnOs(OS.WINDOWS)
final class ServerInstallerTest {

    private static final Path REPO_SERVERS = Path.of("..", "test-servers");

    @TempDir Path cache;
    @TempDir Path project;

    private static byte[] pinnedFile(String name) throws Exception {
        return Files.readAllBytes(REPO_SERVERS.resolve(name));
    }

    private static ServerInstaller installer(Path cache, String pathVariable) throws Exception {
        return new ServerInstaller(
                cache, pathVariable, pinnedFile("package.json"), pinnedFile("package-lock.json"));
    }

    private static Settings settings(Map<String, String> values) {
        return new Settings(key -> Optional.ofNullable(values.get(key)), key -> null);
    }

    @Test
    void theKitShipsThePinnedFilesOfTestServers() throws Exception {
        try (var json =
                        ServerInstaller.class.getResourceAsStream(
                                ServerInstaller.RESOURCES + "package.json");
                var lock =
                        ServerInstaller.class.getResourceAsStream(
                                ServerInstaller.RESOURCES + "package-lock.json")) {
            assertThat(json).isNotNull();
            assertThat(lock).isNotNull();
            assertThat(json.readAllBytes()).isEqualTo(pinnedFile("package.json"));
            assertThat(lock.readAllBytes()).isEqualTo(pinnedFile("package-lock.json"));
        }
    }

    @Test
    void cacheRoot_configuredThenXdgThenHome() {
        assertThat(ServerInstaller.cacheRoot(Optional.of("/c"), "/x", null, "/h"))
                .isEqualTo(Path.of("/c"));
        assertThat(ServerInstaller.cacheRoot(Optional.empty(), "/x", null, "/h"))
                .isEqualTo(Path.of("/x", "dynamorm", "test-servers"));
        assertThat(ServerInstaller.cacheRoot(Optional.empty(), " ", null, "/h"))
                .isEqualTo(Path.of("/h", ".cache", "dynamorm", "test-servers"));
    }

    @Test
    void withoutNpm_theMessageSaysExactlyWhatToRun() throws Exception {
        ServerInstaller installer = installer(cache, project.toString());
        Path dir = installer.directory();

        assertThatThrownBy(installer::install)
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageStartingWith(
                        "npm was not found on the PATH: the dynoxide and dynalite backends need"
                                + " Node.js 20 or later with npm")
                .hasMessageEndingWith(
                        "install them by hand: mkdir -p "
                                + dir
                                + " && cd "
                                + dir
                                + " && npm install --no-save --ignore-scripts dynalite@4.0.0"
                                + " @dynoxide/linux-x64@1.2.1, then run the tests with"
                                + " -Ddynamorm.test.servers="
                                + dir);
        assertThat(dir).doesNotExist();
    }

    @Test
    void fromAProjectOutsideTheRepository_dynaliteAndDynoxideStartFromTheUserCache()
            throws Exception {
        String path = System.getenv("PATH");
        assumeTrue(
                TestServers.findOnPath("npm", path).isPresent(),
                "npm is not on the PATH: the installing path cannot run here");
        assertThat(project.resolve("test-servers")).doesNotExist();
        Settings settings = settings(Map.of(Settings.SERVERS_CACHE, cache.toString()));
        ServerLauncher launcher = new ServerLauncher(settings, project);

        try (RunningServer dynalite = launcher.start(Backend.DYNALITE)) {
            assertThat(dynalite.client().listTables().tableNames()).isEmpty();
        }
        Path dir = installer(cache, path).directory();
        assertThat(dir.resolve("node_modules").resolve(ServerInstaller.STAMP)).isRegularFile();
        assertThat(Files.readString(dir.resolve("npm-install.log"), StandardCharsets.UTF_8))
                .isNotBlank();

        // installed once: without npm on the PATH the cache is used as it is
        assertThat(installer(cache, project.toString()).install().root()).isEqualTo(dir);
        assumeTrue(
                TestServers.npmPlatform().equals("linux-x64"),
                "dynoxide is pinned for linux-x64 only");
        try (RunningServer dynoxide = launcher.start(Backend.DYNOXIDE)) {
            assertThat(dynoxide.client().listTables().tableNames()).isEmpty();
        }
    }
}
