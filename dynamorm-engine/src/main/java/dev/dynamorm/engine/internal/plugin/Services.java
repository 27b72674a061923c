package dev.dynamorm.engine.internal.plugin;

import dev.dynamorm.Operation;
import dev.dynamorm.Plugin;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Service discovery as the engine does it everywhere: the providers visible to the thread context
 * class loader, else those visible to the engine's own loader. Lives in the engine module because
 * {@link ServiceLoader#load(Class)} checks the caller's module {@code uses} declarations.
 */
public final class Services {
    private Services() {}

    /**
     * The providers of {@code service}; the second scan is skipped when both loaders are the same
     * (each scan reads every jar's {@code META-INF/services} entry). Loops, not streams: no hidden
     * class is spun while DynamORM is built.
     *
     * @throws java.util.ServiceConfigurationError if a provider cannot be loaded
     */
    public static <S> List<S> load(Class<S> service) {
        return load(service, Thread.currentThread().getContextClassLoader());
    }

    /**
     * The plugins found on the path, as {@link #load(Class)} finds them.
     *
     * @return the plugins, in the order found
     * @throws RuntimeException a plugin failure naming the provider that cannot be loaded
     */
    public static List<Plugin> plugins() {
        try {
            return load(Plugin.class);
        } catch (ServiceConfigurationError e) {
            throw PluginFailures.of(
                    "a plugin found on the path cannot be loaded: "
                            + e.getMessage()
                            + "; remove its jar or fix its provider declaration",
                    null,
                    Operation.REGISTER,
                    null,
                    e);
        }
    }

    /**
     * {@link #load(Class)} as if {@code contextLoader} were the thread context class loader: for a
     * lookup made later than the moment it stands for.
     *
     * @throws java.util.ServiceConfigurationError if a provider cannot be loaded
     */
    public static <S> List<S> load(Class<S> service, ClassLoader contextLoader) {
        List<S> found = new ArrayList<>();
        for (S s : ServiceLoader.load(service, contextLoader)) {
            found.add(s);
        }
        ClassLoader own = Services.class.getClassLoader();
        if (found.isEmpty() && own != contextLoader) {
            for (S s : ServiceLoader.load(service, own)) {
                found.add(s);
            }
        }
        return found;
    }
}
