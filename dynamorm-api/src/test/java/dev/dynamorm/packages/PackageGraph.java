package dev.dynamorm.packages;

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

/**
 * The package dependencies of a module's compiled main classes, from {@code jdeps}: shared by the
 * package tests of every module (the dynamorm-api test jar).
 */
public final class PackageGraph {

    private PackageGraph() {}

    /**
     * Package to the packages of the same prefix its classes use, from jdeps over {@code
     * target/classes} of the module under test.
     *
     * @param prefix the packages to keep on both sides, e.g. {@code dev.dynamorm}
     * @param copy an empty scratch directory
     * @return the graph, without self edges
     * @throws IOException if the classes cannot be copied
     */
    public static Map<String, Set<String>> of(String prefix, Path copy) throws IOException {
        Path classes = Paths.get("target", "classes");
        Optional<ToolProvider> jdeps = ToolProvider.findFirst("jdeps");
        assumeTrue(jdeps.isPresent(), "this JDK has no jdeps tool");
        assumeTrue(
                Files.isDirectory(classes), "no compiled classes in " + classes.toAbsolutePath());
        // without module-info.class jdeps needs none of the module's dependencies to resolve
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(classes.relativize(f).toString());
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
                    && p[0].startsWith(prefix)
                    && p[2].startsWith(prefix)
                    && !p[0].equals(p[2])) {
                graph.computeIfAbsent(p[0], k -> new TreeSet<>()).add(p[2]);
            }
        }
        assertThat(graph).as("jdeps found no %s package dependencies", prefix).isNotEmpty();
        return graph;
    }

    /**
     * Each package that reaches itself again, with the path back ({@code a -> b -> a}).
     *
     * @param graph package to the packages it depends on
     * @return the cycles, empty when the packages point one way
     */
    public static List<String> cycles(Map<String, Set<String>> graph) {
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
