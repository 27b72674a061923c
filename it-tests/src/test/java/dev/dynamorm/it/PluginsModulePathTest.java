package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs the plugins demo in fresh JVMs with and without plugin jars on the module path (and once on
 * the class path): a plugin jar present is installed and acts, with no code change; absent, it is
 * not.
 */
final class PluginsModulePathTest {

    private static final String DEMO = "dev.dynamorm.examples/dev.dynamorm.examples.PluginsDemo";
    private static final String CACHE_ORDERS =
            "-Ddynamorm.plugin.cache.models=dev.dynamorm.examples.Order";

    private static String basePath() throws IOException {
        return Files.readString(
                        Path.of("target", "quickstart-runtime-path.txt"), StandardCharsets.UTF_8)
                .trim();
    }

    /** The base path plus the jars of the named plugins. */
    private static String pathWith(String... plugins) throws IOException {
        List<String> jars =
                Arrays.stream(
                                Files.readString(
                                                Path.of("target", "plugins-path.txt"),
                                                StandardCharsets.UTF_8)
                                        .trim()
                                        .split(File.pathSeparator))
                        .toList();
        List<String> chosen = new ArrayList<>();
        for (String plugin : plugins) {
            String jar =
                    jars.stream()
                            .filter(
                                    j ->
                                            Path.of(j)
                                                    .getFileName()
                                                    .toString()
                                                    .startsWith("dynamorm-plugin-" + plugin + "-"))
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            new AssertionError(
                                                    "no jar of plugin " + plugin + " in " + jars));
            chosen.add(jar);
        }
        return chosen.isEmpty()
                ? basePath()
                : basePath()
                        + File.pathSeparator
                        + chosen.stream().collect(Collectors.joining(File.pathSeparator));
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
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("demo finished in time").isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        assertThat(text).contains("plugins demo finished");
        return text;
    }

    @Test
    void modulePath_withoutPluginJars_hasNoPlugins() throws Exception {
        String out = run(List.of(CACHE_ORDERS, "--module-path", pathWith(), "--module", DEMO));
        assertThat(out)
                .contains("running in module dev.dynamorm.examples")
                .contains("plugins: []")
                .doesNotContain("statistic dynamorm.cache");
    }

    @Test
    void modulePath_withAllPluginJars_installsThemInOrder_andTheCacheServesConfiguredModel()
            throws Exception {
        String out =
                run(
                        List.of(
                                CACHE_ORDERS,
                                "--module-path",
                                pathWith("cache", "audit", "metrics", "tracing"),
                                "--module",
                                DEMO));
        assertThat(out)
                .contains("plugins: [tracing, metrics, audit, cache]")
                .contains("installed plugin cache")
                .contains("statistic dynamorm.cache.hits{model=Order} = 1.0")
                .contains("statistic dynamorm.cache.misses{model=Order} = 2.0")
                .contains("status after update: PAID")
                .contains("\"operation\":\"UPDATE\"")
                .contains("\"changedFields\":[\"status\"]");
    }

    @Test
    void modulePath_withOnePluginJar_installsOnlyThatPlugin() throws Exception {
        for (String plugin : List.of("cache", "audit", "metrics", "tracing")) {
            String out =
                    run(List.of(CACHE_ORDERS, "--module-path", pathWith(plugin), "--module", DEMO));
            assertThat(out).as(plugin).contains("plugins: [" + plugin + "]");
        }
    }

    @Test
    void modulePath_pluginsCanBeDisabledByNameOrAll() throws Exception {
        String all = pathWith("cache", "audit", "metrics", "tracing");
        assertThat(
                        run(
                                List.of(
                                        "-Ddynamorm.plugins.disabled=audit,tracing",
                                        "--module-path",
                                        all,
                                        "--module",
                                        DEMO)))
                .contains("plugins: [metrics, cache]");
        assertThat(
                        run(
                                List.of(
                                        "-Ddynamorm.plugins.discover=false",
                                        "--module-path",
                                        all,
                                        "--module",
                                        DEMO)))
                .contains("plugins: []");
    }

    @Test
    void classPath_withPluginJars_installsThemToo() throws Exception {
        String out =
                run(
                        List.of(
                                CACHE_ORDERS,
                                "-cp",
                                pathWith("cache", "metrics"),
                                "dev.dynamorm.examples.PluginsDemo"));
        assertThat(out)
                .contains("running in unnamed module")
                .contains("plugins: [metrics, cache]")
                .contains("statistic dynamorm.cache.hits{model=Order} = 1.0");
    }
}
