package dev.dynamorm.test;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a JSON fixture (strict RFC 8259, through Jackson's streaming parser) into a {@link
 * FixtureNode} tree that keeps the line and column (both from 1) of every value, so fixture errors
 * can point into the file. Syntax errors are reported in the kit's own words, at the position
 * Jackson reports, saying what was expected there.
 */
final class JsonFixtureParser {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final String file;
    private final String text;
    private final JsonParser parser;

    /** The containers being read, innermost last, for messages about what was expected. */
    private final List<Container> open = new ArrayList<>();

    private boolean documentEnded;

    private JsonFixtureParser(String file, String text, JsonParser parser) {
        this.file = file;
        this.text = text;
        this.parser = parser;
    }

    /** A container being read: an object or a list, with its first line and its current key. */
    private static final class Container {
        final boolean object;
        final int line;
        String key;

        Container(boolean object, int line) {
            this.object = object;
            this.line = line;
        }
    }

    /**
     * Parses one JSON document.
     *
     * @throws FixtureException at the position of the first syntax error
     */
    static FixtureNode parse(String file, String text) {
        // a byte order mark becomes a space, so columns on the first line stay those of the file
        String source = text.startsWith("\uFEFF") ? " " + text.substring(1) : text;
        try (JsonParser jp = FACTORY.createParser(source)) {
            return new JsonFixtureParser(file, source, jp).document();
        } catch (IOException e) {
            // createParser and close on a String do no I/O; syntax errors are handled in document()
            throw new FixtureException(file, "could not read the JSON: " + e.getMessage(), e);
        }
    }

    private FixtureNode document() throws IOException {
        try {
            JsonToken first = parser.nextToken();
            if (first == null) {
                JsonLocation end = parser.currentLocation();
                throw new FixtureException(
                        file,
                        end.getLineNr(),
                        end.getColumnNr(),
                        "invalid JSON: the file is empty: a fixture is an object whose keys name models or tables");
            }
            FixtureNode root = value(first);
            documentEnded = true;
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw error(
                        at,
                        "unexpected "
                                + describe((int) at.getCharOffset())
                                + " after the end of the JSON document");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw translate(e);
        }
    }

    private FixtureNode value(JsonToken token) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int l = at.getLineNr();
        int c = at.getColumnNr();
        switch (token) {
            case START_OBJECT:
                return object(l, c);
            case START_ARRAY:
                return list(l, c);
            case VALUE_STRING:
                return FixtureNode.string(parser.getText(), l, c);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                // the text as written: full precision, converted once the target type is known
                return FixtureNode.number(parser.getText(), l, c);
            case VALUE_TRUE:
                return FixtureNode.bool(true, l, c);
            case VALUE_FALSE:
                return FixtureNode.bool(false, l, c);
            case VALUE_NULL:
                return FixtureNode.nul(l, c);
            default:
                throw error(
                        at,
                        "unexpected " + describe((int) at.getCharOffset()) + ": expected a value");
        }
    }

    private FixtureNode object(int l, int c) throws IOException {
        Container container = new Container(true, l);
        open.add(container);
        Map<String, FixtureNode.Entry> entries = new LinkedHashMap<>();
        while (true) {
            container.key = null;
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_OBJECT) {
                open.remove(open.size() - 1);
                return FixtureNode.object(entries, l, c);
            }
            // Jackson reports anything else (missing quotes, commas) as a syntax error
            JsonLocation keyAt = parser.currentTokenLocation();
            String key = parser.currentName();
            FixtureNode.Entry first = entries.get(key);
            if (first != null) {
                throw new FixtureException(
                        file,
                        keyAt.getLineNr(),
                        keyAt.getColumnNr(),
                        "duplicate key \""
                                + key
                                + "\" (first at line "
                                + first.line()
                                + "): each key may appear once in an object");
            }
            container.key = key;
            FixtureNode value = value(parser.nextToken());
            entries.put(
                    key, new FixtureNode.Entry(key, keyAt.getLineNr(), keyAt.getColumnNr(), value));
        }
    }

    private FixtureNode list(int l, int c) throws IOException {
        open.add(new Container(false, l));
        List<FixtureNode> elements = new ArrayList<>();
        while (true) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                open.remove(open.size() - 1);
                return FixtureNode.list(elements, l, c);
            }
            elements.add(value(token));
        }
    }

    private FixtureException error(JsonLocation at, String problem) {
        return new FixtureException(
                file, at.getLineNr(), at.getColumnNr(), "invalid JSON: " + problem);
    }

    /** Turns Jackson's syntax error into a message saying what was found and what was expected. */
    private FixtureException translate(JsonProcessingException e) {
        JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        int offset = (int) Math.max(0, Math.min(at.getCharOffset(), text.length()));
        String jackson = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            return error(at, "the document exceeds a parser limit (" + jackson + ")");
        }
        if (e instanceof JsonEOFException eof) {
            JsonToken decoding = eof.getTokenBeingDecoded();
            if (decoding == JsonToken.VALUE_STRING
                    || decoding == JsonToken.FIELD_NAME
                    || jackson.contains("escape")) {
                return error(at, "unexpected end of file in a string");
            }
            return error(at, "unexpected end of file: " + expected(offset, ' ', jackson));
        }
        char ch = offset < text.length() ? text.charAt(offset) : '\0';
        if (documentEnded) {
            return error(
                    at, "unexpected " + describe(offset) + " after the end of the JSON document");
        }
        if (jackson.startsWith("Invalid numeric value: Leading zeroes")) {
            return error(at, "invalid number: no leading zeros");
        }
        if (jackson.contains("in numeric value")) {
            if (jackson.contains("minus sign")) {
                return error(at, "invalid number: a digit must follow '-'");
            }
            if (jackson.contains("Decimal point")) {
                return error(at, "invalid number: a digit must follow '.'");
            }
            if (jackson.contains("Exponent")) {
                return error(at, "invalid number: a digit must follow the exponent");
            }
            if (jackson.contains("plus sign")) {
                return error(at, "invalid number: JSON numbers do not start with '+'");
            }
            return error(at, "invalid number: unexpected " + describe(offset));
        }
        if (jackson.startsWith("Illegal unquoted character")) {
            return error(
                    at,
                    ch == '\n' || ch == '\r'
                            ? "line break in a string: write it as \\n"
                            : String.format(
                                    Locale.ROOT,
                                    "control character U+%04X in a string: escape it",
                                    (int) ch));
        }
        if (jackson.startsWith("Unrecognized character escape")) {
            return error(at, "invalid escape \\" + ch + " in a string");
        }
        if (jackson.contains("hex-digit for character escape")) {
            return error(
                    at,
                    "invalid \\u escape: "
                            + describe(offset)
                            + " is not a hexadecimal digit; use four hexadecimal digits");
        }
        if (jackson.startsWith("Unrecognized token") || jackson.startsWith("Non-standard token")) {
            int quote = jackson.indexOf('\'');
            int close = jackson.indexOf('\'', quote + 1);
            String word =
                    quote >= 0 && close > quote
                            ? jackson.substring(quote + 1, close)
                            : String.valueOf(ch);
            if (jackson.startsWith("Non-standard")) {
                // Jackson reports NaN and Infinity just after the word: point at its start
                return new FixtureException(
                        file,
                        at.getLineNr(),
                        Math.max(1, at.getColumnNr() - word.length()),
                        "invalid JSON: unexpected '"
                                + word
                                + "': expected a value; strings are in double quotes"
                                + " and numbers are finite decimals");
            }
            return error(
                    at,
                    "unexpected '" + word + "': expected a value; strings are in double quotes");
        }
        return error(at, "unexpected " + describe(offset) + ": " + expected(offset, ch, jackson));
    }

    /**
     * What the reader expected at {@code offset}: found from the innermost open container and the
     * last character before the offset that is not whitespace.
     */
    private String expected(int offset, char found, String jackson) {
        if (documentEnded || open.isEmpty() && offset > 0 && !previous(offset).isEmpty()) {
            return "expected nothing after the end of the JSON document";
        }
        if (open.isEmpty()) {
            return valueExpected(found);
        }
        Container in = open.get(open.size() - 1);
        String before = previous(offset);
        if (in.object) {
            if (in.key == null
                    && jackson.contains("colon")
                    && parser.getParsingContext().getCurrentName() != null) {
                return "expected ':' after the key \""
                        + parser.getParsingContext().getCurrentName()
                        + "\"";
            }
            if (before.equals(":")) {
                return valueExpected(found);
            }
            if (in.key == null) {
                if (before.equals("{") || before.equals(",")) {
                    return "expected a key in double quotes"
                            + (found == '}' && before.equals(",") ? " (no comma before '}')" : "");
                }
                return "expected ',' or '}' in the object starting at line " + in.line;
            }
            return "expected ':' after the key \"" + in.key + "\"";
        }
        if (before.equals("[") || before.equals(",")) {
            if (found == ']' && before.equals(",")) {
                return "no comma before the end of a list";
            }
            return valueExpected(found);
        }
        return "expected ',' or ']' in the list starting at line " + in.line;
    }

    private static String valueExpected(char found) {
        return "expected a value (object, list, string, number, true, false or null)"
                + (found == '\'' ? "; JSON strings use double quotes" : "");
    }

    /** The last character before {@code offset} that is not whitespace, or "" at the start. */
    private String previous(int offset) {
        for (int i = Math.min(offset, text.length()) - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return String.valueOf(c);
            }
        }
        return "";
    }

    private String describe(int offset) {
        if (offset >= text.length()) {
            return "end of file";
        }
        char c = text.charAt(offset);
        return c < ' ' ? String.format(Locale.ROOT, "character U+%04X", (int) c) : "'" + c + "'";
    }
}
