package dev.dynamorm.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.packages.PackageGraph;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's packages depend on each other one way only: {@code jdeps} over the compiled classes
 * finds no package cycle.
 */
final class PackageCyclesTest {

    @Test
    void enginePackages_haveNoCycle(@TempDir Path copy) throws IOException {
        assertThat(PackageGraph.cycles(PackageGraph.of("dev.dynamorm.engine", copy)))
                .as("package cycles (a -> ... -> a)")
                .isEmpty();
    }
}
