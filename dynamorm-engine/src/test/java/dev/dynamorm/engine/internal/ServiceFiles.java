package dev.dynamorm.engine.internal;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/** Class loaders that list one service provider, for tests of {@code ServiceLoader} lookups. */
final class ServiceFiles {

    private ServiceFiles() {}

    /**
     * Writes {@code META-INF/services/<service>} naming {@code provider} under {@code dir} and
     * returns a loader over {@code dir} whose parent is the current thread's context class loader.
     */
    static URLClassLoader loaderListing(Path dir, Class<?> service, Class<?> provider)
            throws IOException {
        Path file = dir.resolve("META-INF/services/" + service.getName());
        Files.createDirectories(file.getParent());
        Files.writeString(file, provider.getName() + "\n");
        return new URLClassLoader(
                new URL[] {dir.toUri().toURL()}, Thread.currentThread().getContextClassLoader());
    }
}
