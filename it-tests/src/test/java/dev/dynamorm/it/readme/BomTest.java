package dev.dynamorm.it.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dependencies the READMEs tell a user to add resolve with {@code dynamorm-bom} alone, and the
 * third-party versions the BOM manages for the test kit are the ones the build uses.
 */
final class BomTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Pattern DEPENDENCY =
            Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
    private static final Pattern GROUP = Pattern.compile("<groupId>([^<]+)</groupId>");
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");
    private static final Pattern XML_BLOCK = Pattern.compile("```xml\\n(.*?)```", Pattern.DOTALL);

    private static String read(String path) throws IOException {
        return Files.readString(ROOT.resolve(path), StandardCharsets.UTF_8);
    }

    private static String property(String pom, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]+)</" + name + ">").matcher(pom);
        assertThat(m.find()).as("property %s", name).isTrue();
        return m.group(1).trim();
    }

    /** groupId:artifactId of every dependency without a version in the READMEs' xml blocks. */
    private static Set<String> unversionedReadmeDependencies() throws IOException {
        Set<String> found = new LinkedHashSet<>();
        for (Path readme : ReadmeCompileTest.readmes()) {
            Matcher block = XML_BLOCK.matcher(Files.readString(readme, StandardCharsets.UTF_8));
            while (block.find()) {
                Matcher dep = DEPENDENCY.matcher(block.group(1));
                while (dep.find()) {
                    String body = dep.group(1);
                    Matcher g = GROUP.matcher(body);
                    Matcher a = ARTIFACT.matcher(body);
                    if (!body.contains("<version>") && g.find() && a.find()) {
                        found.add(g.group(1) + ":" + a.group(1));
                    }
                }
            }
        }
        return found;
    }

    @Test
    void everyDependencyTheReadmesShowWithoutVersion_isManagedByTheBom() throws IOException {
        String bom = read("dynamorm-bom/pom.xml");
        Set<String> managed = new LinkedHashSet<>();
        Matcher dep = DEPENDENCY.matcher(bom);
        while (dep.find()) {
            Matcher g = GROUP.matcher(dep.group(1));
            Matcher a = ARTIFACT.matcher(dep.group(1));
            if (g.find() && a.find()) {
                managed.add(g.group(1) + ":" + a.group(1));
            }
        }
        List<String> unmanaged = new ArrayList<>();
        for (String coordinate : unversionedReadmeDependencies()) {
            boolean byJunitBom =
                    coordinate.startsWith("org.junit.jupiter:")
                            || coordinate.startsWith("org.junit.platform:");
            if (byJunitBom
                    ? !managed.contains("org.junit:junit-bom")
                    : !managed.contains(coordinate)) {
                unmanaged.add(coordinate);
            }
        }
        assertThat(unversionedReadmeDependencies())
                .contains(
                        "dev.dynamorm:dynamorm-test",
                        "org.junit.jupiter:junit-jupiter",
                        "org.yaml:snakeyaml",
                        "org.testcontainers:localstack");
        assertThat(unmanaged).as("README dependencies dynamorm-bom does not manage").isEmpty();
    }

    @Test
    void theBomsTestKitVersions_areTheBuildsVersions() throws IOException {
        String root = read("pom.xml");
        String bom = read("dynamorm-bom/pom.xml");
        for (String name :
                List.of("junit.version", "snakeyaml.version", "testcontainers.version")) {
            assertThat(property(bom, name)).as(name).isEqualTo(property(root, name));
        }
    }
}
