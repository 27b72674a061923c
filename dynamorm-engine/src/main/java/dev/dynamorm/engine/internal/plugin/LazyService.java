package dev.dynamorm.engine.internal.plugin;

/**
 * A value found with {@link java.util.ServiceLoader} (through {@link Services#load(Class,
 * ClassLoader)}) when first asked for rather than when created (a service scan costs about a
 * millisecond in a cold JVM), then kept. The lookup uses the thread context class loader current at
 * creation, as an eager lookup would. Thread-safe: {@link #find} runs at most once (again only if
 * it threw).
 *
 * @param <R> the value (may be null)
 */
public abstract class LazyService<R> {

    private final ClassLoader contextLoader;
    private volatile boolean resolved;
    private R value;

    /** Remembers the current thread's context class loader for a later lookup. */
    protected LazyService() {
        this.contextLoader = Thread.currentThread().getContextClassLoader();
    }

    /**
     * Remembers {@code contextLoader} for a later lookup (an object made after the moment whose
     * context class loader counts).
     *
     * @param contextLoader the loader to look the value up through
     */
    protected LazyService(ClassLoader contextLoader) {
        this.contextLoader = contextLoader;
    }

    /** A value known now: nothing is looked up. */
    protected LazyService(R value) {
        this.contextLoader = null;
        this.value = value;
        this.resolved = true;
    }

    /**
     * Looks the value up (called once, under this object's lock), typically with {@code
     * Services.load(TheService.class, contextLoader)}: the service class is named here rather than
     * given to the constructor, so that it is loaded only when looked up.
     *
     * @param contextLoader the thread context class loader when this object was created
     */
    protected abstract R find(ClassLoader contextLoader);

    /**
     * The chosen value; the lookup runs at the first call.
     *
     * @throws java.util.ServiceConfigurationError if a provider cannot be loaded
     */
    public final R get() {
        if (resolved) {
            return value;
        }
        synchronized (this) {
            if (!resolved) {
                value = find(contextLoader);
                resolved = true;
            }
            return value;
        }
    }

    /** Whether the value is known (given, or looked up). */
    public final boolean resolved() {
        return resolved;
    }
}
