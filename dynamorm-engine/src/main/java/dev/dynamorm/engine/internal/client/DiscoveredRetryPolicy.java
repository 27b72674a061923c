package dev.dynamorm.engine.internal.client;

import dev.dynamorm.DynamORMException;
import dev.dynamorm.RetryPolicy;
import dev.dynamorm.engine.internal.plugin.LazyService;
import dev.dynamorm.engine.internal.plugin.Services;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The retry policy of an engine built without one: the first found with {@link
 * java.util.ServiceLoader}, else {@link DefaultRetryPolicy#STANDARD}. The lookup is made at the
 * first failure rather than while DynamORM is built (a service scan costs about a millisecond in a
 * cold JVM and a call that succeeds never consults the policy), through the context class loader
 * the engine was built under, as an eager lookup would. Thread-safe.
 */
public final class DiscoveredRetryPolicy extends LazyService<RetryPolicy> implements RetryPolicy {

    /** What {@link #toString()} says before the lookup (a constant: naming it loads no class). */
    public static final String UNRESOLVED =
            "standard unless one is discovered (looked up at the first failure)";

    /** A policy looked up through the current thread's context class loader when first needed. */
    public DiscoveredRetryPolicy() {
        super();
    }

    /**
     * A policy looked up through {@code contextLoader} when first needed.
     *
     * @param contextLoader the context class loader when the engine was built
     */
    public DiscoveredRetryPolicy(ClassLoader contextLoader) {
        super(contextLoader);
    }

    /**
     * A policy looked up through {@code contextLoader} when first needed, typed as the interface:
     * an engine class that stores it verifies without loading {@link RetryPolicy} (an upcast from
     * this class would load it).
     *
     * @param contextLoader the context class loader when the engine was built
     * @return the policy
     */
    public static RetryPolicy of(ClassLoader contextLoader) {
        return new DiscoveredRetryPolicy(contextLoader);
    }

    @Override
    public Optional<Duration> nextDelay(int attempts, Duration elapsed, DynamORMException failure) {
        return get().nextDelay(attempts, elapsed, failure);
    }

    /** The first policy found, else the standard one. */
    @Override
    protected RetryPolicy find(ClassLoader contextLoader) {
        List<RetryPolicy> found = Services.load(RetryPolicy.class, contextLoader);
        return found.isEmpty() ? DefaultRetryPolicy.STANDARD : found.get(0);
    }

    @Override
    public String toString() {
        return resolved() ? get().toString() : UNRESOLVED;
    }
}
