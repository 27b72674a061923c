package dev.dynamorm.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A strict JSON parser (RFC 8259) that keeps the line and column of every value, so fixture
 * errors can point into the file. No dependency: the kit needs none for JSON fixtures.
 */
final class JsonFixtureParser {

    private final String file;
    private final String text;
    private int pos;
    private int line = 1;
    private int lineStart;

    private JsonFixtureParser(String file, String text) {
        this.file = file;
        this.text = text;
    }

    /**
     * Parses one JSON document.
     *
     * @throws FixtureException at the position of the first syntax error
     */
    static FixtureNode parse(String file, String text) {
        JsonFixtureParser parser = new JsonFixtureParser(file, text);
        if (text.startsWith("\uFEFF")) {
            parser.pos = 1;
        }
        parser.skipWhitespace();
        if (parser.pos >= text.length()) {
            throw parser.error("the file is empty: a fixture is an object whose keys name models or tables");
        }
        FixtureNode root = parser.value();
        parser.skipWhitespace();
        if (parser.pos < text.length()) {
            throw parser.error("unexpected " + parser.describeNext() + " after the end of the JSON document");
        }
        return root;
    }

    private int column() {
        return pos - lineStart + 1;
    }

    private FixtureException error(String problem) {
        return new FixtureException(file, line, column(), "invalid JSON: " + problem);
    }

    private String describeNext() {
        if (pos >= text.length()) {
            return "end of file";
        }
        char c = text.charAt(pos);
        return c < ' ' ? String.format(Locale.ROOT, "character U+%04X", (int) c) : "'" + c + "'";
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else {
                return;
            }
        }
    }

    private FixtureNode value() {
        if (pos >= text.length()) {
            throw error("unexpected end of file: a value is missing");
        }
        int l = line;
        int c = column();
        char ch = text.charAt(pos);
        switch (ch) {
            case '{':
                return object(l, c);
            case '[':
                return list(l, c);
            case '"':
                return FixtureNode.string(string(), l, c);
            case 't':
                literal("true");
                return FixtureNode.bool(true, l, c);
            case 'f':
                literal("false");
                return FixtureNode.bool(false, l, c);
            case 'n':
                literal("null");
                return FixtureNode.nul(l, c);
            default:
                if (ch == '-' || (ch >= '0' && ch <= '9')) {
                    return FixtureNode.number(number(), l, c);
                }
                throw error("unexpected " + describeNext() + ": expected a value (object, list, string, number,"
                        + " true, false or null)" + (ch == '\'' ? "; JSON strings use double quotes" : ""));
        }
    }

    private FixtureNode object(int l, int c) {
        pos++; // {
        Map<String, FixtureNode.Entry> entries = new LinkedHashMap<>();
        skipWhitespace();
        if (peek('}')) {
            pos++;
            return FixtureNode.object(entries, l, c);
        }
        while (true) {
            skipWhitespace();
            if (!peek('"')) {
                throw error("unexpected " + describeNext() + ": expected a key in double quotes"
                        + (peek('}') ? " (no comma before '}')" : ""));
            }
            int keyLine = line;
            int keyColumn = column();
            String key = string();
            if (entries.containsKey(key)) {
                FixtureNode.Entry first = entries.get(key);
                throw new FixtureException(file, keyLine, keyColumn, "duplicate key \"" + key
                        + "\" (first at line " + first.line() + "): each key may appear once in an object");
            }
            skipWhitespace();
            expect(':', "':' after the key \"" + key + "\"");
            skipWhitespace();
            entries.put(key, new FixtureNode.Entry(key, keyLine, keyColumn, value()));
            skipWhitespace();
            if (peek(',')) {
                pos++;
                continue;
            }
            if (peek('}')) {
                pos++;
                return FixtureNode.object(entries, l, c);
            }
            throw error("unexpected " + describeNext() + ": expected ',' or '}' in the object starting at line " + l);
        }
    }

    private FixtureNode list(int l, int c) {
        pos++; // [
        List<FixtureNode> elements = new ArrayList<>();
        skipWhitespace();
        if (peek(']')) {
            pos++;
            return FixtureNode.list(elements, l, c);
        }
        while (true) {
            skipWhitespace();
            if (peek(']')) {
                throw error("unexpected ']': no comma before the end of a list");
            }
            elements.add(value());
            skipWhitespace();
            if (peek(',')) {
                pos++;
                continue;
            }
            if (peek(']')) {
                pos++;
                return FixtureNode.list(elements, l, c);
            }
            throw error("unexpected " + describeNext() + ": expected ',' or ']' in the list starting at line " + l);
        }
    }

    private String string() {
        pos++; // opening quote
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unexpected end of file in a string");
            }
            char ch = text.charAt(pos);
            if (ch == '"') {
                pos++;
                return out.toString();
            }
            if (ch == '\n') {
                throw error("line break in a string: write it as \\n");
            }
            if (ch < ' ') {
                throw error(String.format(Locale.ROOT, "control character U+%04X in a string: escape it", (int) ch));
            }
            if (ch != '\\') {
                out.append(ch);
                pos++;
                continue;
            }
            pos++;
            if (pos >= text.length()) {
                throw error("unexpected end of file in a string");
            }
            char esc = text.charAt(pos);
            switch (esc) {
                case '"', '\\', '/' -> out.append(esc);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (pos + 4 >= text.length()) {
                        throw error("unexpected end of file in a \\u escape");
                    }
                    String hex = text.substring(pos + 1, pos + 5);
                    try {
                        out.append((char) Integer.parseInt(hex, 16));
                    } catch (NumberFormatException e) {
                        throw error("invalid \\u escape \\u" + hex + ": use four hexadecimal digits");
                    }
                    pos += 4;
                }
                default -> throw error("invalid escape \\" + esc + " in a string");
            }
            pos++;
        }
    }

    private String number() {
        int start = pos;
        if (peek('-')) {
            pos++;
        }
        if (peek('0')) {
            pos++;
        } else if (digit()) {
            while (digit()) {
                pos++;
            }
        } else {
            throw error("invalid number: a digit must follow '-'");
        }
        if (peek('.')) {
            pos++;
            if (!digit()) {
                throw error("invalid number: a digit must follow '.'");
            }
            while (digit()) {
                pos++;
            }
        }
        if (peek('e') || peek('E')) {
            pos++;
            if (peek('+') || peek('-')) {
                pos++;
            }
            if (!digit()) {
                throw error("invalid number: a digit must follow the exponent");
            }
            while (digit()) {
                pos++;
            }
        }
        if (digit()) {
            throw error("invalid number: no leading zeros");
        }
        return text.substring(start, pos);
    }

    private boolean digit() {
        return pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9';
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void expect(char c, String what) {
        if (!peek(c)) {
            throw error("unexpected " + describeNext() + ": expected " + what);
        }
        pos++;
    }

    private void literal(String word) {
        if (!text.startsWith(word, pos)) {
            int end = pos;
            while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
                end++;
            }
            throw error("unexpected '" + text.substring(pos, Math.max(end, pos + 1))
                    + "': expected a value; strings are in double quotes");
        }
        pos += word.length();
    }
}
