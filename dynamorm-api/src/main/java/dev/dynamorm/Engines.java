package dev.dynamorm;

import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/** Finds the engine {@link DynamORM.Builder#build()} hands its configuration to. */
final class Engines {
    private Engines() {}

    /**
     * The {@link EngineProvider} of the highest priority, found with {@link ServiceLoader} through
     * the context class loader, then through this module's own loader if that one is different.
     *
     * @throws IllegalStateException if no engine is found
     */
    static EngineProvider best() {
        // loops, not lambdas: each lambda spins a hidden class in a cold JVM
        @Nullable EngineProvider best = null;
        for (EngineProvider e : ServiceLoader.load(EngineProvider.class)) {
            best = higher(best, e);
        }
        ClassLoader own = DynamORM.class.getClassLoader();
        if (best == null && own != Thread.currentThread().getContextClassLoader()) {
            for (EngineProvider e : ServiceLoader.load(EngineProvider.class, own)) {
                best = higher(best, e);
            }
        }
        if (best == null) {
            throw new IllegalStateException(
                    "no DynamORM engine found: add dev.dynamorm:dynamorm-engine to the module path"
                            + " or class path");
        }
        return best;
    }

    private static EngineProvider higher(@Nullable EngineProvider best, EngineProvider candidate) {
        return best == null || candidate.priority() > best.priority() ? candidate : best;
    }
}
