package dev.dynamorm.test;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed JSON or YAML value with the line and column where it starts, so every error can point
 * into the file.
 */
final class FixtureNode {

    /** The kind of a node. */
    enum Kind {
        OBJECT,
        LIST,
        STRING,
        NUMBER,
        BOOLEAN,
        NULL
    }

    private final Kind kind;
    private final Object value;
    private final int line;
    private final int column;

    private FixtureNode(Kind kind, Object value, int line, int column) {
        this.kind = kind;
        this.value = value;
        this.line = line;
        this.column = column;
    }

    static FixtureNode object(Map<String, Entry> entries, int line, int column) {
        return new FixtureNode(
                Kind.OBJECT,
                Collections.unmodifiableMap(new LinkedHashMap<>(entries)),
                line,
                column);
    }

    static FixtureNode list(List<FixtureNode> elements, int line, int column) {
        return new FixtureNode(Kind.LIST, List.copyOf(elements), line, column);
    }

    static FixtureNode string(String text, int line, int column) {
        return new FixtureNode(Kind.STRING, text, line, column);
    }

    /** A number, kept as its text so no precision is lost before the target type is known. */
    static FixtureNode number(String text, int line, int column) {
        return new FixtureNode(Kind.NUMBER, text, line, column);
    }

    static FixtureNode bool(boolean b, int line, int column) {
        return new FixtureNode(Kind.BOOLEAN, b, line, column);
    }

    static FixtureNode nul(int line, int column) {
        return new FixtureNode(Kind.NULL, null, line, column);
    }

    Kind kind() {
        return kind;
    }

    int line() {
        return line;
    }

    int column() {
        return column;
    }

    /** The entries of an object, in file order. */
    @SuppressWarnings("unchecked")
    Map<String, Entry> entries() {
        return (Map<String, Entry>) value;
    }

    /** The elements of a list. */
    @SuppressWarnings("unchecked")
    List<FixtureNode> elements() {
        return (List<FixtureNode>) value;
    }

    /** The text of a string or number. */
    String text() {
        return (String) value;
    }

    boolean booleanValue() {
        return (Boolean) value;
    }

    /** How the node reads in messages: {@code the string "abc"}, {@code a list}, ... */
    String describe() {
        switch (kind) {
            case OBJECT:
                return "an object";
            case LIST:
                return "a list";
            case STRING:
                String s = text();
                return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
            case NUMBER:
                return "the number " + text();
            case BOOLEAN:
                return "the boolean " + value;
            default:
                return "null";
        }
    }

    /**
     * A key of an object with its position and value.
     *
     * @param key the key
     * @param line the key's line
     * @param column the key's column
     * @param value the value
     */
    record Entry(String key, int line, int column, FixtureNode value) {}
}
