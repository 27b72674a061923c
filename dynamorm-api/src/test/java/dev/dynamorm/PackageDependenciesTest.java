package dev.dynamorm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API's packages depend on each other as {@code dev.dynamorm.spi}'s package-info says: the user
 * package and the SPI need each other (public types on both sides), and that is the only cycle;
 * {@code annotations}, {@code spi.schema} and {@code internal} are in none.
 */
final class PackageDependenciesTest {

    private static final Path CLASSES = Paths.get("target", "classes");

    @Test
    void onlyTheUserPackageAndTheSpiDependOnEachOther(@TempDir Path copy) throws IOException {
        Map<String, Set<String>> graph = dependencies(copy);
        assertThat(graph).as("jdeps found no package dependencies").isNotEmpty();
        assertThat(graph.get("dev.dynamorm.annotations"))
                .as("annotations depends on")
                .doesNotContain("dev.dynamorm");
        assertThat(graph.get("dev.dynamorm.spi"))
                .as("spi depends on")
                .doesNotContain("dev.dynamorm.annotations");
        Set<String> inCycles = new TreeSet<>();
        for (String a : graph.keySet()) {
            for (String b : reachable(graph, a)) {
                if (!a.equals(b) && reachable(graph, b).contains(a)) {
                    inCycles.add(a);
                }
            }
        }
        assertThat(inCycles)
                .as("packages in a dependency cycle")
                .containsExactly("dev.dynamorm", "dev.dynamorm.spi");
    }

    private static Set<String> reachable(Map<String, Set<String>> graph, String from) {
        Set<String> seen = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(graph.getOrDefault(from, Set.of()));
        while (!todo.isEmpty()) {
            String n = todo.poll();
            if (seen.add(n)) {
                todo.addAll(graph.getOrDefault(n, Set.of()));
            }
        }
        return seen;
    }

    /** Package to the other API packages its classes use, from jdeps over the compiled classes. */
    private static Map<String, Set<String>> dependencies(Path copy) throws IOException {
        Optional<ToolProvider> jdeps = ToolProvider.findFirst("jdeps");
        assumeTrue(jdeps.isPresent(), "this JDK has no jdeps tool");
        assumeTrue(
                Files.isDirectory(CLASSES), "no compiled classes in " + CLASSES.toAbsolutePath());
        // without module-info.class jdeps needs none of the API's modules to resolve
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(CLASSES.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (f.toString().endsWith(".class")
                        && !f.getFileName().toString().equals("module-info.class")) {
                    Files.copy(f, target);
                }
            }
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc =
                jdeps.get()
                        .run(
                                new PrintWriter(out),
                                new PrintWriter(err),
                                "-verbose:package",
                                "-filter:none",
                                "--ignore-missing-deps",
                                copy.toString());
        assertThat(rc).as("jdeps failed: %s", err).isZero();
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String line : out.toString().split("\\R")) {
            String[] p = line.trim().split("\\s+");
            if (line.startsWith("   ")
                    && p.length >= 3
                    && p[1].equals("->")
                    && p[0].startsWith("dev.dynamorm")
                    && p[2].startsWith("dev.dynamorm")
                    && !p[0].equals(p[2])) {
                graph.computeIfAbsent(p[0], k -> new TreeSet<>()).add(p[2]);
            }
        }
        return graph;
    }
}
