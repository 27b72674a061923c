package dev.dynamorm.local.internal.expr;

import dev.dynamorm.local.internal.error.DynamoException;
import dev.dynamorm.local.internal.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * ExpressionAttributeNames and ExpressionAttributeValues of one request, with DynamoDB's checks
 * that every placeholder used is defined and every one defined is used.
 */
public final class Bindings {
    private final Map<String, String> names;
    private final Map<String, Value> values;
    private final TreeSet<String> usedNames = new TreeSet<>();
    private final TreeSet<String> usedValues = new TreeSet<>();

    public Bindings(Map<String, String> names, Map<String, Value> values) {
        this.names = names;
        this.values = values;
        if (names != null && names.isEmpty()) {
            throw DynamoException.validation("ExpressionAttributeNames must not be empty");
        }
        if (values != null && values.isEmpty()) {
            throw DynamoException.validation("ExpressionAttributeValues must not be empty");
        }
        checkKeys(names == null ? null : names.keySet(), '#', "ExpressionAttributeNames");
        checkKeys(values == null ? null : values.keySet(), ':', "ExpressionAttributeValues");
    }

    private static void checkKeys(Iterable<String> keys, char prefix, String parameter) {
        if (keys == null) {
            return;
        }
        for (String k : keys) {
            boolean ok = k.length() > 1 && k.charAt(0) == prefix;
            for (int i = 1; ok && i < k.length(); i++) {
                char c = k.charAt(i);
                ok = Character.isLetterOrDigit(c) || c == '_';
            }
            if (!ok) {
                throw DynamoException.validation(
                        parameter + " contains invalid key: Syntax error; key: \"" + k + "\"");
            }
        }
    }

    public static Bindings none() {
        return new Bindings(null, null);
    }

    /** Records and checks the placeholders of a parsed expression. */
    public <T> T use(Parsed<T> parsed) {
        for (String n : new TreeSet<>(parsed.names())) {
            if (names == null || !names.containsKey(n)) {
                throw ExpressionException.invalid(
                        parsed.kind(),
                        "An expression attribute name used in the document path is not defined; attribute name: "
                                + n);
            }
            usedNames.add(n);
        }
        for (String v : new TreeSet<>(parsed.values())) {
            if (values == null || !values.containsKey(v)) {
                throw ExpressionException.invalid(
                        parsed.kind(),
                        "An expression attribute value used in expression is not defined; attribute value: "
                                + v);
            }
            usedValues.add(v);
        }
        return parsed.ast();
    }

    /**
     * Throws if some provided placeholder was never used. Call after all expressions were {@link
     * #use}d.
     */
    public void checkAllUsed() {
        if (names != null) {
            List<String> unused = new ArrayList<>();
            for (String k : new TreeSet<>(names.keySet())) {
                if (!usedNames.contains(k)) {
                    unused.add(k);
                }
            }
            if (!unused.isEmpty()) {
                throw DynamoException.validation(
                        "Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                                + String.join(", ", unused)
                                + "}");
            }
        }
        if (values != null) {
            List<String> unused = new ArrayList<>();
            for (String k : new TreeSet<>(values.keySet())) {
                if (!usedValues.contains(k)) {
                    unused.add(k);
                }
            }
            if (!unused.isEmpty()) {
                throw DynamoException.validation(
                        "Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                                + String.join(", ", unused)
                                + "}");
            }
        }
    }

    /** Marks every provided placeholder used (legacy translations introduce only used ones). */
    void markAllUsed() {
        if (names != null) {
            usedNames.addAll(names.keySet());
        }
        if (values != null) {
            usedValues.addAll(values.keySet());
        }
    }

    public boolean hasNames() {
        return names != null;
    }

    public boolean hasValues() {
        return values != null;
    }

    String name(Path.Elem e) {
        String n = e.name();
        return n.startsWith("#") ? names.get(n) : n;
    }

    Value value(String placeholder) {
        return values.get(placeholder);
    }

    /**
     * Resolves a path to a list of String (map keys / attribute names) and Integer (list indexes).
     */
    public List<Object> resolve(Path path) {
        List<Object> out = new ArrayList<>(path.elems().size());
        for (Path.Elem e : path.elems()) {
            out.add(e.isIndex() ? (Object) e.index() : name(e));
        }
        return out;
    }
}
