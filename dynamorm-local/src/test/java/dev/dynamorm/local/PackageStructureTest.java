package dev.dynamorm.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packages of dynamorm-local point one way (issue 13): checked with {@code jdeps}. */
final class PackageStructureTest {
    private static final String ROOT = "dev.dynamorm.local";

    @Test
    void packagesFormNoCycle(@TempDir Path copy) throws IOException {
        Map<String, Set<String>> deps = packageDependencies(copy);
        assertThat(deps).containsKey(ROOT + ".internal.engine");
        for (String from : deps.keySet()) {
            assertThat(reachable(deps, from))
                    .as("packages reachable from " + from)
                    .doesNotContain(from);
        }
    }

    @Test
    void errorsAndValuesAreBottomLayers(@TempDir Path copy) throws IOException {
        Map<String, Set<String>> deps = packageDependencies(copy);
        assertThat(deps.getOrDefault(ROOT + ".internal.error", Set.of())).isEmpty();
        assertThat(deps.getOrDefault(ROOT + ".internal.value", Set.of())).isEmpty();
        assertThat(deps.get(ROOT + ".internal.expr")).doesNotContain(ROOT + ".internal.engine");
        assertThat(deps.get(ROOT + ".internal.wire"))
                .doesNotContain(ROOT + ".internal.engine", ROOT + ".internal.expr");
    }

    private static Set<String> reachable(Map<String, Set<String>> deps, String from) {
        Set<String> seen = new HashSet<>();
        List<String> todo = new java.util.ArrayList<>(deps.getOrDefault(from, Set.of()));
        while (!todo.isEmpty()) {
            String p = todo.remove(todo.size() - 1);
            if (seen.add(p)) {
                todo.addAll(deps.getOrDefault(p, Set.of()));
            }
        }
        return seen;
    }

    /** Runs jdeps over a copy of the main classes without module-info (no module path needed). */
    private static Map<String, Set<String>> packageDependencies(Path copy) throws IOException {
        Path classes =
                Paths.get(
                        LocalDynamoDb.class
                                .getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .getPath());
        try (Stream<Path> files = Files.walk(classes.resolve("dev"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(classes.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int rc =
                jdeps.run(
                        new PrintWriter(out),
                        new PrintWriter(out),
                        "-verbose:package",
                        "-e",
                        "dev\\.dynamorm\\.local.*",
                        copy.toString());
        assertThat(rc).as(out.toString()).isZero();
        Map<String, Set<String>> deps = new HashMap<>();
        for (String line : out.toString().split("\\R")) {
            String[] t = line.trim().split("\\s+");
            if (t.length >= 3
                    && t[0].startsWith(ROOT)
                    && t[1].equals("->")
                    && t[2].startsWith(ROOT)
                    && !t[0].equals(t[2])) {
                deps.computeIfAbsent(t[0], k -> new HashSet<>()).add(t[2]);
            }
        }
        return deps;
    }
}
