package dev.dynamorm.plugin.encryption.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.packages.PackageGraph;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin's packages point one way: the implementation depends on the exported configuration,
 * which depends only on the AES-GCM primitive below both.
 */
final class PackageCyclesTest {

    @Test
    void pluginPackages_haveNoCycle(@TempDir Path copy) throws IOException {
        Map<String, Set<String>> graph = PackageGraph.of("dev.dynamorm.plugin.encryption", copy);
        assertThat(graph.get("dev.dynamorm.plugin.encryption"))
                .as("the exported configuration depends on")
                .containsExactly("dev.dynamorm.plugin.encryption.internal.crypto");
        assertThat(PackageGraph.cycles(graph)).as("package cycles (a -> ... -> a)").isEmpty();
    }
}
