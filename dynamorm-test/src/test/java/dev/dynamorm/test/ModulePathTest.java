package dev.dynamorm.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kit as a module: it resolves on the module path with only its required dependencies (no
 * SnakeYAML, no Testcontainers, no engine), exports one package per concept, and its optional YAML
 * support reports what is missing.
 */
final class ModulePathTest {

    /**
     * Jars the kit does not need on the module path: optional, test-only, or reached reflectively
     * (jackson-core is needed: JSON fixtures are read with it).
     */
    private static final List<String> NOT_NEEDED =
            List.of(
                    "snakeyaml",
                    "testcontainers",
                    "localstack",
                    "docker",
                    "jna",
                    "duct-tape",
                    "commons-compress",
                    "dynamorm-local",
                    "dynamorm-engine",
                    "dynamorm-converters",
                    "junit-jupiter-engine",
                    "junit-jupiter-params",
                    "junit-platform-engine",
                    "junit-platform-launcher",
                    "junit-platform-testkit",
                    "junit-jupiter-5",
                    "slf4j-simple",
                    "third-party-jackson",
                    "jackson-annotations",
                    "surefire",
                    "byte-buddy");

    private static ModuleLayer kitLayer() {
        List<Path> path = new ArrayList<>();
        path.add(Path.of("target", "classes"));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            String name = p.getFileName().toString();
            if (name.endsWith(".jar") && NOT_NEEDED.stream().noneMatch(name::contains)) {
                path.add(p);
            }
        }
        ModuleFinder finder = ModuleFinder.of(path.toArray(new Path[0]));
        Configuration configuration =
                ModuleLayer.boot()
                        .configuration()
                        .resolve(finder, ModuleFinder.of(), Set.of("dev.dynamorm.test"));
        return ModuleLayer.boot()
                .defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
    }

    @Test
    void resolvesWithoutItsOptionalDependencies_andExportsOnePackage() {
        ModuleLayer layer = kitLayer();
        Module kit = layer.findModule("dev.dynamorm.test").orElseThrow();
        ModuleDescriptor descriptor = kit.getDescriptor();

        assertThat(descriptor.isAutomatic()).isFalse();
        assertThat(descriptor.exports())
                .extracting(ModuleDescriptor.Exports::source)
                .containsExactlyInAnyOrder(
                        "dev.dynamorm.test",
                        "dev.dynamorm.test.fixtures",
                        "dev.dynamorm.test.assertions",
                        "dev.dynamorm.test.mock");
        assertThat(descriptor.requires())
                .filteredOn(r -> r.name().equals("org.yaml.snakeyaml"))
                .singleElement()
                .satisfies(
                        r ->
                                assertThat(r.modifiers())
                                        .contains(ModuleDescriptor.Requires.Modifier.STATIC));
        assertThat(
                        descriptor.requires().stream()
                                .filter(
                                        r ->
                                                r.modifiers()
                                                        .contains(
                                                                ModuleDescriptor.Requires.Modifier
                                                                        .TRANSITIVE))
                                .map(ModuleDescriptor.Requires::name)
                                .collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(
                        "dev.dynamorm.api",
                        "org.junit.jupiter.api",
                        "org.assertj.core",
                        // assertThatChanges takes and gives dynamorm-streams' ChangeEvent
                        "dev.dynamorm.streams");
        assertThat(descriptor.requires())
                .extracting(ModuleDescriptor.Requires::name)
                .as("the kit's clients use Apache5HttpClient, which needs jdk.net")
                .contains("jdk.net");
        assertThat(layer.findModule("org.yaml.snakeyaml")).isEmpty();
    }

    @Test
    void mockDbWorksOnTheModulePath_andYamlFixturesSayWhatIsMissing(@TempDir Path dir)
            throws Exception {
        ClassLoader loader = kitLayer().findLoader("dev.dynamorm.test");
        Class<?> mockDb = loader.loadClass("dev.dynamorm.test.mock.MockDB");
        assertThat(mockDb.getModule().getName()).isEqualTo("dev.dynamorm.test");
        Object db = mockDb.getMethod("create").invoke(null);
        assertThat(mockDb.getMethod("plugins").invoke(db)).isEqualTo(List.of());

        Class<?> fixtures = loader.loadClass("dev.dynamorm.test.fixtures.Fixtures");
        Object loaderOfDb =
                fixtures.getMethod("of", loader.loadClass("dev.dynamorm.DynamORM"))
                        .invoke(null, db);
        Method load = fixtures.getMethod("load", Path.class);
        Path json = Files.writeString(dir.resolve("empty.json"), "{}");
        assertThat(load.invoke(loaderOfDb, json)).isEqualTo(0);
        Path yaml = Files.writeString(dir.resolve("orders.yaml"), "{}");
        InvocationTargetException e =
                org.junit.jupiter.api.Assertions.assertThrows(
                        InvocationTargetException.class, () -> load.invoke(loaderOfDb, yaml));
        assertThat(e.getCause())
                .hasMessage(
                        yaml
                                + ": YAML fixtures need SnakeYAML: add org.yaml:snakeyaml (test"
                                + " scope) to the build, or write the fixture as JSON");
    }
}
