package dev.dynamorm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.packages.PackageGraph;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API's packages point one way, as {@code dev.dynamorm.spi}'s package-info says: the user
 * package {@code dev.dynamorm} needs no other DynamORM package, and no package is in a cycle.
 */
final class PackageDependenciesTest {

    @Test
    void apiPackages_pointOneWay_toTheUserPackage(@TempDir Path copy) throws IOException {
        Map<String, Set<String>> graph = PackageGraph.of("dev.dynamorm", copy);
        assertThat(graph.getOrDefault("dev.dynamorm", Set.of()))
                .as("the user package depends on")
                .isEmpty();
        assertThat(graph.get("dev.dynamorm.spi.schema"))
                .as("spi.schema depends on")
                .contains("dev.dynamorm");
        assertThat(PackageGraph.cycles(graph)).as("package cycles (a -> ... -> a)").isEmpty();
    }

    @Test
    void cycles_areFoundWithTheirPath() {
        Map<String, Set<String>> graph = new TreeMap<>();
        graph.put("a", Set.of("b"));
        graph.put("b", Set.of("c"));
        graph.put("c", Set.of("a"));
        graph.put("d", Set.of("a"));
        assertThat(PackageGraph.cycles(graph))
                .containsExactly("a -> b -> c -> a", "b -> c -> a -> b", "c -> a -> b -> c");
    }
}
