package dev.dynamorm.engine.internal.expr;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Collects expression placeholders for one request: every attribute name becomes {@code #nK} and
 * every value {@code :vK}, so no user string ever enters an expression text. Names are
 * de-duplicated; values are not (two equal values may still mean different things to a reader).
 * Each expression of the request (condition, update) is closed with {@link #build}, which gives the
 * immutable {@link Expression}: its text, the placeholders it used and the attributes it reads. Not
 * thread-safe: one builder per request.
 */
public final class ExpressionBuilder {

    private static final String NAME_PREFIX = "#n";
    private static final String VALUE_PREFIX = ":v";

    /** How many placeholders of the default prefixes are made once (most requests use a few). */
    private static final int CACHED = 32;

    private static final String[] NAMES = placeholders(NAME_PREFIX);
    private static final String[] VALUES = placeholders(VALUE_PREFIX);

    private final String namePrefix;
    private final String valuePrefix;
    // the made-once placeholders of this builder's prefixes, or null for other prefixes
    private final String[] cachedNames;
    private final String[] cachedValues;
    private final Map<String, String> nameToPlaceholder = new HashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, AttributeValue> values = new LinkedHashMap<>();

    // what the expression being built uses, since the last build(); handed over to the
    // expression it builds, not copied, and started afresh on first use (null until then)
    private Map<String, String> usedNames;
    private Map<String, AttributeValue> usedValues;
    private Set<String> reads;

    /** A builder of {@code #nK} and {@code :vK} placeholders. */
    public ExpressionBuilder() {
        this(NAME_PREFIX, VALUE_PREFIX);
    }

    /**
     * A builder whose placeholders cannot clash with those of another builder (e.g. conditions a
     * hook adds to a request the engine built).
     *
     * @param namePrefix starts every name placeholder, e.g. {@code #hk}
     * @param valuePrefix starts every value placeholder, e.g. {@code :hk}
     */
    public ExpressionBuilder(String namePrefix, String valuePrefix) {
        this.namePrefix = namePrefix;
        this.valuePrefix = valuePrefix;
        this.cachedNames = NAME_PREFIX.equals(namePrefix) ? NAMES : null;
        this.cachedValues = VALUE_PREFIX.equals(valuePrefix) ? VALUES : null;
    }

    private static String[] placeholders(String prefix) {
        String[] out = new String[CACHED];
        for (int i = 0; i < CACHED; i++) {
            out[i] = prefix + i;
        }
        return out;
    }

    /** The placeholder number {@code i} of a prefix, made once for the default prefixes. */
    private static String placeholder(String[] cached, String prefix, int i) {
        return cached != null && i < CACHED ? cached[i] : prefix + i;
    }

    /** Returns the placeholder for an attribute name, creating it on first use. */
    public String name(String attributeName) {
        String placeholder = nameToPlaceholder.get(attributeName);
        if (placeholder == null) {
            placeholder = placeholder(cachedNames, namePrefix, names.size());
            nameToPlaceholder.put(attributeName, placeholder);
            names.put(placeholder, attributeName);
        }
        if (usedNames == null) {
            usedNames = new LinkedHashMap<>();
        }
        usedNames.put(placeholder, attributeName);
        return placeholder;
    }

    /**
     * Returns the text of a path the expression reads, e.g. {@code #n0.#n1[2]}, noting its
     * top-level attribute as read.
     */
    public String path(AttributePath path) {
        if (reads == null) {
            reads = new LinkedHashSet<>();
        }
        reads.add(path.segments().get(0));
        return path.render(this);
    }

    /** Returns a new placeholder bound to a value. */
    public String value(AttributeValue value) {
        String placeholder = placeholder(cachedValues, valuePrefix, values.size());
        values.put(placeholder, value);
        if (usedValues == null) {
            usedValues = new LinkedHashMap<>();
        }
        usedValues.put(placeholder, value);
        return placeholder;
    }

    /**
     * Closes one expression of the request: its text with the placeholders and read attributes used
     * since the previous {@code build} (a name both expressions use keeps one placeholder and
     * appears in both). The values are those bound now: a later {@link #replaceValue} is not seen
     * by an expression built before it.
     *
     * @param text the expression text
     * @param writes what an update expression writes, or null for other expressions
     * @return the expression
     */
    public Expression build(String text, UpdateWrites writes) {
        Expression out =
                Expression.owned(
                        text,
                        usedNames == null ? Map.of() : usedNames,
                        usedValues == null ? Map.of() : usedValues,
                        reads == null ? Set.of() : reads,
                        writes);
        usedNames = null;
        usedValues = null;
        reads = null;
        return out;
    }

    /**
     * Closes a condition of the request (see {@link #build}).
     *
     * @param condition the condition's parts, possibly none
     * @return the condition, or null when it has no part
     */
    public Expression condition(Conjunction condition) {
        return condition.isEmpty() ? null : build(condition.text(), null);
    }

    /**
     * Closes the update expression of the request (see {@link #build}), its text laid out from its
     * clauses.
     *
     * @param writes what the update writes, with its clauses
     * @return the update expression
     */
    public Expression update(UpdateWrites writes) {
        return build(writes.text(), writes);
    }

    /** The name placeholders, or null when none (the SDK rejects empty maps). */
    public Map<String, String> names() {
        return names.isEmpty() ? null : names;
    }

    /**
     * Rebinds a value placeholder created by {@link #value(AttributeValue)} (for values plugins
     * transform).
     */
    public void replaceValue(String placeholder, AttributeValue value) {
        if (!values.containsKey(placeholder)) {
            throw new IllegalArgumentException("no value placeholder " + placeholder);
        }
        values.put(placeholder, value);
        if (usedValues != null) {
            usedValues.replace(placeholder, value);
        }
    }

    /** The value placeholders, or null when none. */
    public Map<String, AttributeValue> values() {
        return values.isEmpty() ? null : values;
    }
}
