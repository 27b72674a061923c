package dev.dynamorm;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What code outside the plugins sees of the plugins installed in a {@link DynamORM}: their names,
 * the statistics they publish, and two ways in for code that is not a plugin (a stream consumer):
 * publishing a statistic and running work as an operation the plugins' hooks observe. Every {@link
 * DynamORM} is one.
 */
public interface PluginAccess {

    /**
     * The names of the installed plugins, in installation order.
     *
     * @return the plugin names
     */
    List<String> plugins();

    /**
     * The statistics installed plugins publish (e.g. the cache plugin's hits, misses, evictions and
     * size per model), read at call time.
     *
     * @return the statistics, in publication order; empty when no plugin publishes any
     */
    default List<Statistic> statistics() {
        throw new UnsupportedOperationException();
    }

    /**
     * Publishes a statistic of code that uses this instance without being a plugin (a stream
     * consumer's records handled, lag and iterator age), exactly as a plugin does with {@link
     * dev.dynamorm.PluginContext#publish}: listening plugins receive it (the metrics plugin exports
     * it as a meter) and {@link #statistics()} lists it from then on. A statistic stays published
     * until this instance is closed; give it tags that tell its publisher apart (e.g. a worker id),
     * since an exporter may keep the first of two statistics with one name and tags.
     *
     * @param statistic the statistic
     */
    default void publish(Statistic statistic) {
        throw new UnsupportedOperationException("publish");
    }

    /**
     * Runs work that sends no request of its own but that installed hooks should see as one
     * operation: their {@code before} runs first (in plugin order), then {@code work}, then their
     * {@code after} with its outcome (its duration, and what it threw). The tracing plugin opens a
     * span around it (current while it runs, so the requests {@code work} sends nest under it), the
     * metrics plugin times it and counts its failures. Only {@link Operation#STREAM_READ} is such
     * an operation: a stream consumer handling one batch of change records. Without hooks, {@code
     * work} simply runs.
     *
     * @param operation {@link Operation#STREAM_READ}
     * @param modelType the model the work is about (hooks see its table)
     * @param attributes values hooks read with {@link dev.dynamorm.HookContext#attribute(String)}
     *     (e.g. {@code dynamorm.stream.records}, the batch's record count)
     * @param work the work
     * @param <R> what the work returns
     * @return what {@code work} returned
     * @throws IllegalArgumentException if the operation is not {@link Operation#STREAM_READ}
     * @throws RuntimeException what {@code work} threw, or what a before-hook threw to veto it
     *     (then {@code work} did not run)
     */
    default <R> R observe(
            Operation operation,
            Class<?> modelType,
            Map<String, Object> attributes,
            Supplier<R> work) {
        throw new UnsupportedOperationException("observe");
    }
}
