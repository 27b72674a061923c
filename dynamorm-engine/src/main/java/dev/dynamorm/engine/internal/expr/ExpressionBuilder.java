package dev.dynamorm.engine.internal.expr;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Collects expression placeholders for one request: every attribute name becomes {@code #nK} and
 * every value {@code :vK}, so no user string ever enters an expression text. Names are
 * de-duplicated; values are not (two equal values may still mean different things to a reader). Not
 * thread-safe: one builder per request.
 */
public final class ExpressionBuilder {

    private final String namePrefix;
    private final String valuePrefix;
    private final Map<String, String> nameToPlaceholder = new HashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, AttributeValue> values = new LinkedHashMap<>();

    /** A builder of {@code #nK} and {@code :vK} placeholders. */
    public ExpressionBuilder() {
        this("#n", ":v");
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
    }

    /** Returns the placeholder for an attribute name, creating it on first use. */
    public String name(String attributeName) {
        String existing = nameToPlaceholder.get(attributeName);
        if (existing != null) {
            return existing;
        }
        String placeholder = namePrefix + names.size();
        nameToPlaceholder.put(attributeName, placeholder);
        names.put(placeholder, attributeName);
        return placeholder;
    }

    /** Returns a new placeholder bound to a value. */
    public String value(AttributeValue value) {
        String placeholder = valuePrefix + values.size();
        values.put(placeholder, value);
        return placeholder;
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
    }

    /** The value placeholders, or null when none. */
    public Map<String, AttributeValue> values() {
        return values.isEmpty() ? null : values;
    }
}
