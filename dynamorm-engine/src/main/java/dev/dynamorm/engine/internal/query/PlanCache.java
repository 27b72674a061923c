package dev.dynamorm.engine.internal.query;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A bounded least-recently-used cache of compiled plans, keyed by query shape. One per table;
 * thread-safe. Compilation runs outside the lock, so two threads compiling the same new shape may
 * both compile it (the results are equal; the later one is kept).
 */
public final class PlanCache {

    private final int capacity;
    private final Map<Object, CompiledPlan> plans;
    private long hits;
    private long misses;
    private long evictions;

    /**
     * Creates a cache.
     *
     * @param capacity the most plans kept, at least 1
     */
    public PlanCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException(
                    "plan cache capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.plans =
                new LinkedHashMap<>(Math.min(capacity, 64) * 2, 0.75f, true) {
                    private static final long serialVersionUID = 1L;

                    @Override
                    protected boolean removeEldestEntry(Map.Entry<Object, CompiledPlan> eldest) {
                        boolean evict = size() > PlanCache.this.capacity;
                        if (evict) {
                            evictions++;
                        }
                        return evict;
                    }
                };
    }

    /** The plan for a shape, compiled on a miss. Compilation failures are not cached. */
    CompiledPlan get(Object shape, Supplier<CompiledPlan> compile) {
        synchronized (plans) {
            CompiledPlan cached = plans.get(shape);
            if (cached != null) {
                hits++;
                return cached;
            }
            misses++;
        }
        CompiledPlan compiled = compile.get();
        synchronized (plans) {
            plans.put(shape, compiled);
        }
        return compiled;
    }

    /** The capacity. */
    public int capacity() {
        return capacity;
    }

    /** How many plans are cached. */
    public int size() {
        synchronized (plans) {
            return plans.size();
        }
    }

    /** Lookups answered from the cache. */
    public long hits() {
        synchronized (plans) {
            return hits;
        }
    }

    /** Lookups that compiled a plan. */
    public long misses() {
        synchronized (plans) {
            return misses;
        }
    }

    /** Plans dropped to stay within the capacity. */
    public long evictions() {
        synchronized (plans) {
            return evictions;
        }
    }
}
