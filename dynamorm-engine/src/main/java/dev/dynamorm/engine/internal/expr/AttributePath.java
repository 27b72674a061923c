package dev.dynamorm.engine.internal.expr;

import dev.dynamorm.Operation;
import dev.dynamorm.UnknownFieldException;
import dev.dynamorm.engine.internal.model.FieldMetadata;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import dev.dynamorm.spi.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A field path in Java names ({@code address.city}, {@code tags[0]}) resolved against a model: the
 * attribute names on the wire and the field the path ends at.
 *
 * @param segments attribute-name segments; list indexes are segments of the form {@code [n]}
 * @param leaf the field the path ends at (the list field itself when the path ends in an index)
 * @param indexed true when the path ends with a list index
 */
public record AttributePath(List<String> segments, FieldMetadata leaf, boolean indexed) {

    /** The expression text with name placeholders, e.g. {@code #n0.#n1[2]}. */
    public String render(ExpressionBuilder expr) {
        // a top-level attribute (an index is never first): its placeholder is the whole text
        return segments.size() == 1 ? expr.name(segments.get(0)) : render(expr::name);
    }

    /** The expression text with name placeholders from a condition's placeholders. */
    public String render(Placeholders placeholders) {
        return segments.size() == 1
                ? placeholders.name(segments.get(0))
                : render(placeholders::name);
    }

    private String render(java.util.function.UnaryOperator<String> names) {
        StringBuilder out = new StringBuilder();
        for (String segment : segments) {
            if (segment.startsWith("[")) {
                out.append(segment);
            } else {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(names.apply(segment));
            }
        }
        return out.toString();
    }

    /**
     * True when the path is an {@code @Encrypted} field or lies inside one (its stored value is
     * ciphertext, so no expression can look into it).
     */
    public boolean encrypted(ModelMetadata<?> model) {
        if (leaf.isEncrypted()) {
            return true;
        }
        FieldMetadata top = model.fieldByAttribute(segments.get(0));
        return top != null && top.isEncrypted();
    }

    /** True when the path is a single top-level attribute. */
    public boolean isTopLevel() {
        return segments.size() == 1;
    }

    /**
     * Resolves a Java path against a model.
     *
     * @throws UnknownFieldException naming the model, the path and the nearest field
     */
    public static AttributePath resolve(
            ModelMetadata<?> model, String javaPath, Operation operation) {
        if (javaPath.indexOf('.') < 0 && javaPath.indexOf('[') < 0 && !javaPath.isEmpty()) {
            // the common case, a top-level field: no splitting
            FieldMetadata f = model.field(javaPath);
            if (f != null) {
                return new AttributePath(List.of(f.attributeName()), f, false);
            }
        }
        List<String> segments = new ArrayList<>();
        ModelMetadata<?> current = model;
        FieldMetadata field = null;
        boolean indexed = false;
        for (String part : javaPath.split("\\.", -1)) {
            if (part.isEmpty() || part.startsWith("[")) {
                throw unknown(
                        model,
                        javaPath,
                        operation,
                        "a path is field names joined by '.', each optionally followed by list indexes"
                                + " like [0]; this one has an empty name");
            }
            String name = part;
            List<String> indexes = new ArrayList<>();
            int bracket = part.indexOf('[');
            if (bracket >= 0) {
                name = part.substring(0, bracket);
                String rest = part.substring(bracket);
                if (!rest.matches("(\\[\\d+\\])+")) {
                    throw unknown(model, javaPath, operation, "list index must look like name[0]");
                }
                for (String idx : rest.substring(1, rest.length() - 1).split("\\]\\[", -1)) {
                    if (idx.length() > 9) {
                        // DynamoDB lists hold at most 400 KB, far below a ten-digit index
                        throw unknown(
                                model,
                                javaPath,
                                operation,
                                "list index " + idx + " is out of range");
                    }
                    indexes.add("[" + Integer.parseInt(idx) + "]");
                }
            }
            if (current == null) {
                throw unknown(
                        model,
                        javaPath,
                        operation,
                        "'"
                                + field.name()
                                + "' is not a nested record or bean, so it has no field '"
                                + name
                                + "'");
            }
            FieldMetadata next = current.field(name);
            if (next == null) {
                throw unknown(model, javaPath, operation, suggestion(current, name));
            }
            if (!indexes.isEmpty() && next.attributeType() != AttributeValue.Type.L) {
                throw unknown(
                        model,
                        javaPath,
                        operation,
                        "'"
                                + next.name()
                                + "' is "
                                + next.genericType().getTypeName()
                                + ", not a list, so it has no element "
                                + indexes.get(0));
            }
            field = next;
            segments.add(field.attributeName());
            segments.addAll(indexes);
            indexed = !indexes.isEmpty();
            current = indexed ? null : field.nestedModel().orElse(null);
        }
        return new AttributePath(List.copyOf(segments), field, indexed);
    }

    private static UnknownFieldException unknown(
            ModelMetadata<?> model, String path, Operation op, String hint) {
        return new UnknownFieldException(
                String.format(
                        Locale.ROOT,
                        "unknown field '%s' in model %s: %s",
                        path,
                        model.type().getName(),
                        hint),
                op,
                model.type(),
                path);
    }

    private static String suggestion(ModelMetadata<?> model, String name) {
        List<String> all = new ArrayList<>();
        for (FieldMetadata f : model.fields()) {
            all.add(f.name());
        }
        return Suggestions.didYouMean(name, all) + "fields are " + all;
    }
}
