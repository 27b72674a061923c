package dev.dynamorm.test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * A folder whose {@code node_modules} holds the pinned servers: the repository's {@code
 * test-servers} (filled by the Maven build), a configured one, or the per-user cache the kit
 * installs into ({@link ServerInstaller}); and the server programs inside it.
 */
final class TestServers {

    static final String FOLDER = "test-servers";

    private final Path root;

    private TestServers(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** The servers of a folder known to hold them. */
    static TestServers at(Path root) {
        return new TestServers(root.toAbsolutePath().normalize());
    }

    /**
     * The configured folder, else a {@code test-servers/node_modules} walking up from the working
     * directory (a build of this repository), else the kit's own install in the per-user cache.
     */
    static TestServers find(Settings settings, Path workingDirectory)
            throws BackendUnavailableException {
        Optional<String> configured = settings.nonBlank(Settings.SERVERS);
        if (configured.isPresent()) {
            return locate(configured, workingDirectory);
        }
        Optional<TestServers> nearby = upwards(workingDirectory);
        if (nearby.isPresent()) {
            return nearby.get();
        }
        return ServerInstaller.of(settings).install();
    }

    private static Optional<TestServers> upwards(Path workingDirectory) {
        for (Path dir = workingDirectory.toAbsolutePath().normalize();
                dir != null;
                dir = dir.getParent()) {
            Path candidate = dir.resolve(FOLDER);
            if (Files.isDirectory(candidate.resolve("node_modules"))) {
                return Optional.of(new TestServers(candidate));
            }
        }
        return Optional.empty();
    }

    /**
     * The configured folder ({@code -Ddynamorm.test.servers}), else the first {@code
     * test-servers/node_modules} found walking up from the working directory.
     */
    static TestServers locate(Optional<String> configured, Path workingDirectory)
            throws BackendUnavailableException {
        if (configured.isPresent()) {
            Path root = Path.of(configured.get()).toAbsolutePath().normalize();
            if (!Files.isDirectory(root.resolve("node_modules"))) {
                throw new BackendUnavailableException(
                        "-D"
                                + Settings.SERVERS
                                + "="
                                + configured.get()
                                + " has no node_modules folder: run 'npm ci' in "
                                + root
                                + " or build with maven without -Ddynamorm.skipNpm=true");
            }
            return new TestServers(root);
        }
        Path start = workingDirectory.toAbsolutePath().normalize();
        Optional<TestServers> nearby = upwards(start);
        if (nearby.isPresent()) {
            return nearby.get();
        }
        throw new BackendUnavailableException(
                "no "
                        + FOLDER
                        + "/node_modules found in "
                        + start
                        + " or its parents: build with maven (it runs 'npm ci' in "
                        + FOLDER
                        + ") or set -D"
                        + Settings.SERVERS
                        + "=/path/to/"
                        + FOLDER);
    }

    /** The dynoxide binary for this operating system and architecture. */
    Path dynoxide() throws BackendUnavailableException {
        String platform = npmPlatform();
        String file = platform.startsWith("win32") ? "dynoxide.exe" : "dynoxide";
        Path binary =
                root.resolve("node_modules").resolve("@dynoxide").resolve(platform).resolve(file);
        if (!Files.isRegularFile(binary)) {
            throw new BackendUnavailableException(
                    "dynoxide binary not found at "
                            + binary
                            + ": test-servers/package.json pins @dynoxide/linux-x64; this machine is "
                            + platform
                            + ", add @dynoxide/"
                            + platform
                            + " to it or run 'npm ci' in "
                            + root);
        }
        if (!Files.isExecutable(binary) && !binary.toFile().setExecutable(true)) {
            throw new BackendUnavailableException(
                    "dynoxide binary " + binary + " is not executable: chmod +x it");
        }
        return binary;
    }

    /** The dynalite command-line script. */
    Path dynaliteCli() throws BackendUnavailableException {
        Path cli = root.resolve("node_modules").resolve("dynalite").resolve("cli.js");
        if (!Files.isRegularFile(cli)) {
            throw new BackendUnavailableException(
                    "dynalite not found at " + cli + ": run 'npm ci' in " + root);
        }
        return cli;
    }

    /**
     * The node executable: {@code -Ddynamorm.test.node}, else the first {@code node} on the PATH.
     */
    static Path node(Optional<String> configured, String pathVariable)
            throws BackendUnavailableException {
        if (configured.isPresent()) {
            Path node = Path.of(configured.get());
            if (!Files.isExecutable(node)) {
                throw new BackendUnavailableException(
                        "-D"
                                + Settings.NODE
                                + "="
                                + configured.get()
                                + " is not an executable file: point it at node 20 or later");
            }
            return node;
        }
        boolean windows =
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        Optional<Path> found = findOnPath(windows ? "node.exe" : "node", pathVariable);
        if (found.isPresent()) {
            return found.get();
        }
        throw new BackendUnavailableException(
                "node was not found on the PATH: install Node.js 20 or later"
                        + " or set -D"
                        + Settings.NODE
                        + "=/path/to/node");
    }

    /** The first executable file {@code name} in the folders of {@code pathVariable}. */
    static Optional<Path> findOnPath(String name, String pathVariable) {
        if (pathVariable != null) {
            for (String dir : pathVariable.split(File.pathSeparator, -1)) {
                if (dir.isBlank()) {
                    continue;
                }
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** This machine as npm names platforms, e.g. {@code linux-x64}, {@code darwin-arm64}. */
    static String npmPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String npmOs =
                os.startsWith("windows")
                        ? "win32"
                        : os.startsWith("mac") ? "darwin" : os.replace(' ', '-');
        String npmArch =
                switch (arch) {
                    case "amd64", "x86_64" -> "x64";
                    case "aarch64", "arm64" -> "arm64";
                    default -> arch;
                };
        return npmOs + "-" + npmArch;
    }
}
