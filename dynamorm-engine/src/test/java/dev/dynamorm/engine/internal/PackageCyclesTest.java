package dev.dynamorm.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
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
 * The engine's packages depend on each other one way only: {@code jdeps} over the compiled classes
 * finds no package cycle.
 */
final class PackageCyclesTest {

    private static final Path CLASSES = Paths.get("target", "classes");

    @Test
    void enginePackages_haveNoCycle(@TempDir Path copy) throws IOException {
        Optional<ToolProvider> jdeps = ToolProvider.findFirst("jdeps");
        assumeTrue(jdeps.isPresent(), "this JDK has no jdeps tool");
        assumeTrue(
                Files.isDirectory(CLASSES), "no compiled classes in " + CLASSES.toAbsolutePath());
        // without module-info.class jdeps needs none of the engine's modules to resolve
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
                    && p[2].startsWith("dev.dynamorm.engine")
                    && !p[0].equals(p[2])) {
                graph.computeIfAbsent(p[0], k -> new TreeSet<>()).add(p[2]);
            }
        }
        assertThat(graph).as("jdeps found no engine package dependencies").isNotEmpty();
        assertThat(cycles(graph)).as("package cycles (a -> ... -> a)").isEmpty();
    }

    @Test
    void cycles_areFoundWithTheirPath() {
        Map<String, Set<String>> graph = new TreeMap<>();
        graph.put("a", Set.of("b"));
        graph.put("b", Set.of("c"));
        graph.put("c", Set.of("a"));
        graph.put("d", Set.of("a"));
        assertThat(cycles(graph))
                .containsExactly("a -> b -> c -> a", "b -> c -> a -> b", "c -> a -> b -> c");
    }

    /** Each package that reaches itself again, with the path back. */
    private static List<String> cycles(Map<String, Set<String>> graph) {
        List<String> out = new ArrayList<>();
        for (String start : graph.keySet()) {
            Map<String, String> parent = new HashMap<>();
            Deque<String> todo = new ArrayDeque<>(graph.get(start));
            graph.get(start).forEach(n -> parent.put(n, start));
            while (!todo.isEmpty()) {
                String n = todo.poll();
                if (n.equals(start)) {
                    List<String> path = new ArrayList<>();
                    String at = parent.get(start);
                    path.add(start);
                    while (!at.equals(start)) {
                        path.add(0, at);
                        at = parent.get(at);
                    }
                    path.add(0, start);
                    out.add(String.join(" -> ", path));
                    break;
                }
                for (String next : graph.getOrDefault(n, Set.of())) {
                    if (!parent.containsKey(next)) {
                        parent.put(next, n);
                        todo.add(next);
                    }
                }
            }
        }
        return out;
    }
}
