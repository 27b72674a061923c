package dev.dynamorm.engine.internal.model;

import dev.dynamorm.ModelDefinitionException;
import dev.dynamorm.Operation;
import dev.dynamorm.spi.Suggestions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A compiled key template such as {@code ORDER#{createdAt}#{orderId}}: parts separated by {@code
 * #}, each a literal or exactly one field. Rendering writes each field through its converter and
 * escapes {@code #} and {@code \} in the value with a backslash, so a value can never add a part;
 * parsing splits on unescaped {@code #} only. Immutable.
 */
public final class KeyTemplate {

    static final char SEPARATOR = '#';
    static final char ESCAPE = '\\';

    /** A literal part ({@code field} null) or a field part. */
    record Part(String literal, FieldMetadata field) {}

    private final String text;
    private final List<Part> parts;
    private final List<FieldMetadata> fields;

    private KeyTemplate(String text, List<Part> parts, List<FieldMetadata> fields) {
        this.text = text;
        this.parts = List.copyOf(parts);
        this.fields = List.copyOf(fields);
    }

    /**
     * Compiles a template against a model's fields.
     *
     * @param owner the model type, for messages
     * @param declared how the template was declared, for messages (e.g. {@code @SortKey})
     * @param text the template
     * @param model the model whose fields the template names
     * @throws ModelDefinitionException if a part mixes text and a field, a part is empty, a field
     *     is unknown, repeated, or does not write a string or number
     */
    static KeyTemplate compile(
            Class<?> owner, String declared, String text, ModelMetadata<?> model) {
        if (text.isEmpty()) {
            throw fail(owner, "%s has an empty template: give the template text", declared);
        }
        List<Part> parts = new ArrayList<>();
        List<FieldMetadata> fields = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String part : split(text)) {
            if (part.isEmpty()) {
                throw fail(
                        owner,
                        "%s template '%s' has an empty part: '#' separates non-empty parts",
                        declared,
                        text);
            }
            boolean braces = part.indexOf('{') >= 0 || part.indexOf('}') >= 0;
            if (!braces) {
                if (part.indexOf(ESCAPE) >= 0) {
                    throw fail(
                            owner,
                            "%s template '%s': literal part '%s' contains '\\': use letters, digits and "
                                    + "punctuation other than '#', '\\', '{' and '}'",
                            declared,
                            text,
                            part);
                }
                parts.add(new Part(part, null));
                continue;
            }
            String name = part.length() > 2 ? part.substring(1, part.length() - 1) : "";
            if (!part.startsWith("{")
                    || !part.endsWith("}")
                    || name.isEmpty()
                    || name.indexOf('{') >= 0
                    || name.indexOf('}') >= 0) {
                throw fail(
                        owner,
                        "%s template '%s': part '%s' mixes text and a field, so the key could not be "
                                + "parsed back unambiguously: a field must fill a whole '#'-separated part, "
                                + "as in 'ORDER#{orderId}'",
                        declared,
                        text,
                        part);
            }
            FieldMetadata field = model.field(name);
            if (field == null) {
                List<String> names = new ArrayList<>();
                for (FieldMetadata f : model.fields()) {
                    names.add(f.name());
                }
                throw fail(
                        owner,
                        "%s template '%s' names unknown field '%s': %sfields are %s",
                        declared,
                        text,
                        name,
                        Suggestions.didYouMean(name, names),
                        names);
            }
            if (!seen.add(name)) {
                throw fail(
                        owner,
                        "%s template '%s' names field '%s' twice: name each field once",
                        declared,
                        text,
                        name);
            }
            if (field.isEncrypted()) {
                throw fail(
                        owner,
                        "%s template '%s': field '%s' is @Encrypted, and a key stores its value in plain "
                                + "text: leave it out of the template",
                        declared,
                        text,
                        name);
            }
            AttributeValue.Type type = field.attributeType();
            if (type != AttributeValue.Type.S && type != AttributeValue.Type.N) {
                throw fail(
                        owner,
                        "%s template '%s': field '%s' is written as attribute type %s; a template field "
                                + "must be written as a string (S) or number (N)",
                        declared,
                        text,
                        name,
                        type);
            }
            parts.add(new Part(null, field));
            fields.add(field);
        }
        return new KeyTemplate(text, parts, fields);
    }

    /**
     * The template text.
     *
     * @return the text as declared
     */
    public String text() {
        return text;
    }

    /**
     * The fields the template names, in order.
     *
     * @return the fields
     */
    public List<FieldMetadata> fields() {
        return fields;
    }

    /** The parts, in order. */
    List<Part> parts() {
        return parts;
    }

    /**
     * Renders the key of an instance; null when a field is null (or converts to null).
     *
     * @param instance the model instance
     * @param operation the operation, for converter failures
     * @return the key text, or null
     */
    String render(Object instance, Operation operation) {
        Map<FieldMetadata, Object> values = new LinkedHashMap<>();
        for (FieldMetadata f : fields) {
            values.put(f, f.get(instance));
        }
        return render(values, fields.size(), operation);
    }

    /**
     * Renders the parts up to the {@code bound}-th field (exclusive) from Java values: all parts
     * when every field is bound, else the prefix ending with the separator before the first unbound
     * field. Null when a bound value is null.
     *
     * @param values Java values by field
     * @param bound how many leading fields to render
     * @param operation the operation, for converter failures
     * @return the key or key prefix, or null
     */
    public String render(Map<FieldMetadata, Object> values, int bound, Operation operation) {
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (Part p : parts) {
            if (p.field() != null) {
                if (used == bound) {
                    return out.toString();
                }
                used++;
                String value = text(p.field(), values.get(p.field()), operation);
                if (value == null) {
                    return null;
                }
                escape(value, out);
            } else {
                out.append(p.literal());
            }
            out.append(SEPARATOR);
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    /**
     * Parses a stored key back into the attribute values of the template's fields.
     *
     * @param key the stored key text
     * @return the values by field, or null when the key does not match the template
     */
    Map<FieldMetadata, AttributeValue> parse(String key) {
        List<String> tokens = splitEscaped(key);
        if (tokens.size() != parts.size()) {
            return null;
        }
        Map<FieldMetadata, AttributeValue> out = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            String token = tokens.get(i);
            if (p.field() == null) {
                if (!p.literal().equals(token)) {
                    return null;
                }
                continue;
            }
            String value = unescape(token);
            out.put(
                    p.field(),
                    p.field().attributeType() == AttributeValue.Type.N
                            ? AttributeValue.fromN(value)
                            : AttributeValue.fromS(value));
        }
        return out;
    }

    private static String text(FieldMetadata field, Object value, Operation operation) {
        if (value == null) {
            return null;
        }
        AttributeValue av = field.toAttributeValue(value, operation);
        if (av == null) {
            return null;
        }
        return field.attributeType() == AttributeValue.Type.N ? av.n() : av.s();
    }

    static void escape(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == SEPARATOR || c == ESCAPE) {
                out.append(ESCAPE);
            }
            out.append(c);
        }
    }

    private static String unescape(String token) {
        if (token.indexOf(ESCAPE) < 0) {
            return token;
        }
        StringBuilder out = new StringBuilder(token.length());
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == ESCAPE && i + 1 < token.length()) {
                i++;
                c = token.charAt(i);
            }
            out.append(c);
        }
        return out.toString();
    }

    private static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == SEPARATOR) {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        return out;
    }

    private static List<String> splitEscaped(String key) {
        List<String> out = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == ESCAPE && i + 1 < key.length()) {
                token.append(c).append(key.charAt(i + 1));
                i++;
            } else if (c == SEPARATOR) {
                out.add(token.toString());
                token.setLength(0);
            } else {
                token.append(c);
            }
        }
        out.add(token.toString());
        return out;
    }

    static ModelDefinitionException fail(Class<?> owner, String format, Object... args) {
        return new ModelDefinitionException(
                "model " + owner.getName() + ": " + String.format(Locale.ROOT, format, args),
                owner);
    }

    @Override
    public String toString() {
        return text;
    }
}
