package dev.dynamorm.plugin.metrics.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The {@code dynamorm.instance} tag values in use per registry, so two {@code DynamORM} instances
 * recording into one registry never share (and lose) each other's meters. Registries are held
 * weakly; a name is released when its instance shuts down. Thread-safe.
 */
final class InstanceNames {

    /** The tag key naming the DynamORM instance on every meter. */
    static final String TAG = "dynamorm.instance";

    private static final Map<MeterRegistry, Set<String>> LIVE = new WeakHashMap<>();

    private InstanceNames() {}

    /**
     * Claims a name on a registry: {@code requested}, or the lowest free {@code dynamorm-N} when
     * null.
     *
     * @throws IllegalStateException when the requested name is in use on the registry
     */
    static synchronized String claim(MeterRegistry registry, String requested) {
        Set<String> live = LIVE.computeIfAbsent(registry, r -> new HashSet<>());
        if (requested != null) {
            if (!live.add(requested)) {
                throw new IllegalStateException(
                        String.format(
                                Locale.ROOT,
                                "metrics instance name '%s' is already used by another DynamORM instance on this "
                                        + "registry; give each instance its own with MetricsConfig.withInstance(...) "
                                        + "or the property dynamorm.plugin.metrics.instance",
                                requested));
            }
            return requested;
        }
        for (int n = 1; ; n++) {
            String name = "dynamorm-" + n;
            if (live.add(name)) {
                return name;
            }
        }
    }

    static synchronized void release(MeterRegistry registry, String name) {
        Set<String> live = LIVE.get(registry);
        if (live != null) {
            live.remove(name);
        }
    }
}
