package dev.dynamorm.test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the pinned npm servers (the {@code package.json} and {@code package-lock.json} of the
 * repository's {@code test-servers}, shipped inside the kit) into a per-user cache with {@code npm
 * ci}, so that the Dynoxide and dynalite backends work from any project. One folder per lock file
 * digest; concurrent JVMs wait on a file lock, and a finished install is marked by a stamp file.
 */
final class ServerInstaller {

    private static final Logger LOG = LoggerFactory.getLogger(ServerInstaller.class);
    static final String RESOURCES = "/dev/dynamorm/test/servers/";
    static final String STAMP = ".dynamorm-installed";
    private static final Duration NPM_TIMEOUT = Duration.ofMinutes(10);
    private static final int LOG_TAIL_CHARS = 2000;
    private static final ReentrantLock IN_JVM = new ReentrantLock();

    private final Path cacheRoot;
    private final String pathVariable;
    private final byte[] packageJson;
    private final byte[] packageLock;

    ServerInstaller(Path cacheRoot, String pathVariable, byte[] packageJson, byte[] packageLock) {
        this.cacheRoot = cacheRoot.toAbsolutePath().normalize();
        this.pathVariable = pathVariable;
        this.packageJson = packageJson.clone();
        this.packageLock = packageLock.clone();
    }

    /** The installer over the kit's own pinned files and the cache named by the settings. */
    static ServerInstaller of(Settings settings) throws BackendUnavailableException {
        return new ServerInstaller(
                cacheRoot(
                        settings.nonBlank(Settings.SERVERS_CACHE),
                        System.getenv("XDG_CACHE_HOME"),
                        System.getenv("LOCALAPPDATA"),
                        System.getProperty("user.home")),
                System.getenv("PATH"),
                resource("package.json"),
                resource("package-lock.json"));
    }

    /**
     * {@code -Ddynamorm.test.serversCache}, else {@code $XDG_CACHE_HOME/dynamorm/test-servers},
     * else {@code %LOCALAPPDATA%\dynamorm\test-servers} on Windows, else {@code
     * ~/.cache/dynamorm/test-servers}.
     */
    static Path cacheRoot(
            Optional<String> configured, String xdgCacheHome, String localAppData, String home) {
        if (configured.isPresent()) {
            return Path.of(configured.get());
        }
        if (xdgCacheHome != null && !xdgCacheHome.isBlank()) {
            return Path.of(xdgCacheHome, "dynamorm", "test-servers");
        }
        if (windows() && localAppData != null && !localAppData.isBlank()) {
            return Path.of(localAppData, "dynamorm", "test-servers");
        }
        return Path.of(home, ".cache", "dynamorm", "test-servers");
    }

    /** Where this kit's pinned servers are (or will be) installed. */
    Path directory() {
        return cacheRoot.resolve(digest().substring(0, 16));
    }

    /** The installed servers, installing them first when this lock file was never installed. */
    // the file lock is only held, never used, while npm installs
    @SuppressWarnings("try")
    TestServers install() throws BackendUnavailableException {
        Path dir = directory();
        if (installed(dir)) {
            return TestServers.at(dir);
        }
        IN_JVM.lock();
        try {
            Files.createDirectories(cacheRoot);
            try (FileChannel channel =
                            FileChannel.open(
                                    cacheRoot.resolve(dir.getFileName() + ".lock"),
                                    StandardOpenOption.CREATE,
                                    StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                if (!installed(dir)) {
                    runNpm(dir);
                }
            }
        } catch (IOException e) {
            throw new BackendUnavailableException(
                    "cannot install the test servers into "
                            + dir
                            + ": "
                            + e.getMessage()
                            + "; "
                            + manualInstructions(dir),
                    e);
        } finally {
            IN_JVM.unlock();
        }
        return TestServers.at(dir);
    }

    private boolean installed(Path dir) {
        Path stamp = dir.resolve("node_modules").resolve(STAMP);
        try {
            return Files.isRegularFile(stamp)
                    && Files.readString(stamp, StandardCharsets.UTF_8).trim().equals(digest());
        } catch (IOException e) {
            return false;
        }
    }

    private void runNpm(Path dir) throws IOException, BackendUnavailableException {
        Path npm =
                TestServers.findOnPath(windows() ? "npm.cmd" : "npm", pathVariable)
                        .orElseThrow(
                                () ->
                                        new BackendUnavailableException(
                                                "npm was not found on the PATH: the dynoxide and"
                                                        + " dynalite backends need Node.js 20 or"
                                                        + " later with npm (the kit installs the"
                                                        + " pinned servers itself on first use);"
                                                        + " install Node.js, or "
                                                        + manualInstructions(dir)));
        Files.createDirectories(dir);
        Files.write(dir.resolve("package.json"), packageJson);
        Files.write(dir.resolve("package-lock.json"), packageLock);
        Path log = dir.resolve("npm-install.log");
        List<String> command =
                List.of(npm.toString(), "ci", "--no-audit", "--no-fund", "--ignore-scripts");
        LOG.info("installing the test servers ({}) into {}", pinned(), dir);
        Process process =
                new ProcessBuilder(command)
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        boolean finished;
        try {
            finished = process.waitFor(NPM_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new BackendUnavailableException(
                    "interrupted while installing the test servers into " + dir, e);
        }
        if (!finished) {
            process.destroyForcibly();
            throw new BackendUnavailableException(
                    "'npm ci' did not finish within "
                            + NPM_TIMEOUT.toMinutes()
                            + " minutes in "
                            + dir
                            + " (log: "
                            + log
                            + "); "
                            + manualInstructions(dir));
        }
        if (process.exitValue() != 0) {
            throw new BackendUnavailableException(
                    "'npm ci' failed with exit code "
                            + process.exitValue()
                            + " in "
                            + dir
                            + " (log: "
                            + log
                            + "): "
                            + tail(log)
                            + "; "
                            + manualInstructions(dir));
        }
        Files.writeString(
                dir.resolve("node_modules").resolve(STAMP), digest(), StandardCharsets.UTF_8);
    }

    /** What to run by hand, with the exact pinned versions. */
    String manualInstructions(Path dir) {
        return "install them by hand: mkdir -p "
                + dir
                + " && cd "
                + dir
                + " && npm install --no-save --ignore-scripts "
                + pinned()
                + ", then run the tests with -D"
                + Settings.SERVERS
                + "="
                + dir;
    }

    /**
     * The pinned packages as npm arguments, e.g. {@code dynalite@4.0.0 @dynoxide/linux-x64@1.2.1}.
     */
    String pinned() {
        String json = new String(packageJson, StandardCharsets.UTF_8);
        Matcher m =
                Pattern.compile("\"((?:@[\\w.-]+/)?[\\w.-]+)\"\\s*:\\s*\"(\\d[^\"]*)\"")
                        .matcher(json);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (m.group(1).equals("version")) {
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(m.group(1)).append('@').append(m.group(2));
        }
        return out.toString();
    }

    private String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(packageJson);
            sha.update(packageLock);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8).strip();
            return text.length() <= LOG_TAIL_CHARS
                    ? text
                    : "..." + text.substring(text.length() - LOG_TAIL_CHARS);
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static byte[] resource(String name) throws BackendUnavailableException {
        try (InputStream in = ServerInstaller.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new BackendUnavailableException(
                        "the kit's pinned " + name + " is missing from dynamorm-test's jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new BackendUnavailableException("cannot read the kit's pinned " + name, e);
        }
    }

    private static boolean windows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
