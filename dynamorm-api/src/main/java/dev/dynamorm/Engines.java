package dev.dynamorm;

import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/**
 * Finds the engine {@link DynamORM.Builder#build()} hands its configuration to: DynamORM's own
 * engine ({@code dynamorm-engine}) when it is present, else the {@link EngineProvider} of the
 * highest priority.
 *
 * <p>On the class path the own engine is looked up by name: a {@link ServiceLoader} scan reads
 * every jar's {@code META-INF/services} entry and asks the JDK's modules too, several million
 * interpreted instructions in a cold JVM. On the module path (where the engine's package is not
 * open to this module) the scan finds it among the module layer's providers, which come before the
 * class path's, and stops there.
 */
final class Engines {
    /** The provider {@code dynamorm-engine} declares. */
    static final String OWN_ENGINE = "dev.dynamorm.engine.internal.DefaultEngineProvider";

    private Engines() {}

    /**
     * DynamORM's own engine if it is visible to the context class loader or to this module's own
     * loader; else the {@link EngineProvider} of the highest priority, found with {@link
     * ServiceLoader} through the context class loader, then through this module's own loader if
     * that one is different.
     *
     * @throws IllegalStateException if no engine is found
     */
    static EngineProvider best() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader own = DynamORM.class.getClassLoader();
        EngineProvider found = byName(context);
        if (found == null && own != context) {
            found = byName(own);
        }
        if (found == null) {
            found = scan(context);
        }
        if (found == null && own != context) {
            found = scan(own);
        }
        if (found == null) {
            throw new IllegalStateException(
                    "no DynamORM engine found: add dev.dynamorm:dynamorm-engine to the module path"
                            + " or class path");
        }
        return found;
    }

    /** The own engine on the class path of {@code loader}, or null: the scan decides. */
    private static @Nullable EngineProvider byName(@Nullable ClassLoader loader) {
        if (loader == null) {
            return null;
        }
        Class<?> type;
        try {
            type = Class.forName(OWN_ENGINE, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        // a named module: its provider is created by ServiceLoader alone (the package is not
        // exported), and another loader's copy of the API would not match
        if (type.getModule().isNamed() || !EngineProvider.class.isAssignableFrom(type)) {
            return null;
        }
        try {
            return (EngineProvider) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // the scan instantiates it again and reports its own error
            return null;
        }
    }

    /**
     * The own engine among the providers {@code loader} finds, else the one of the highest
     * priority, or null. Loops, not lambdas: each lambda spins a hidden class in a cold JVM.
     */
    private static @Nullable EngineProvider scan(@Nullable ClassLoader loader) {
        @Nullable EngineProvider best = null;
        for (EngineProvider e : ServiceLoader.load(EngineProvider.class, loader)) {
            if (e.getClass().getName().equals(OWN_ENGINE)) {
                return e;
            }
            best = higher(best, e);
        }
        return best;
    }

    private static EngineProvider higher(@Nullable EngineProvider best, EngineProvider candidate) {
        return best == null || candidate.priority() > best.priority() ? candidate : best;
    }
}
