package dev.dynamorm;

import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * A named value a plugin publishes through {@link PluginContext#publish(Statistic)} for other
 * plugins (e.g. metrics) to export. Immutable; the value is read on demand.
 */
public final class Statistic {

    /** How the value behaves. */
    public enum Kind {
        /** Only ever grows (hits, evictions). */
        COUNTER,
        /** Goes up and down (entries). */
        GAUGE
    }

    private final String name;
    private final Kind kind;
    private final String description;
    private final Map<String, String> tags;
    private final DoubleSupplier value;

    private Statistic(
            String name,
            Kind kind,
            String description,
            Map<String, String> tags,
            DoubleSupplier value) {
        this.name = Objects.requireNonNull(name, "name");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.description = Objects.requireNonNull(description, "description");
        this.tags = Map.copyOf(Objects.requireNonNull(tags, "tags"));
        this.value = Objects.requireNonNull(value, "value");
        if (name.isBlank()) {
            throw new IllegalArgumentException("statistic name must not be blank");
        }
    }

    /**
     * A counter.
     *
     * @param name dotted lower-case name, e.g. {@code dynamorm.cache.hits}
     * @param description what it counts
     * @param tags dimensions, e.g. {@code model=Order}
     * @param value reads the current count
     * @return the statistic
     */
    public static Statistic counter(
            String name, String description, Map<String, String> tags, DoubleSupplier value) {
        return new Statistic(name, Kind.COUNTER, description, tags, value);
    }

    /**
     * A gauge.
     *
     * @param name dotted lower-case name, e.g. {@code dynamorm.cache.size}
     * @param description what it measures
     * @param tags dimensions
     * @param value reads the current value
     * @return the statistic
     */
    public static Statistic gauge(
            String name, String description, Map<String, String> tags, DoubleSupplier value) {
        return new Statistic(name, Kind.GAUGE, description, tags, value);
    }

    /**
     * The name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The kind.
     *
     * @return counter or gauge
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The description.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * The dimensions.
     *
     * @return the tags
     */
    public Map<String, String> tags() {
        return tags;
    }

    /**
     * Reads the current value.
     *
     * @return the value
     */
    public double value() {
        return value.getAsDouble();
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + name + tags;
    }
}
