package dev.dynamorm.engine.internal.expr;

import dev.dynamorm.Converter;
import dev.dynamorm.ConverterLookup;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Operation;
import dev.dynamorm.engine.internal.model.FieldMetadata;
import dev.dynamorm.internal.FieldValues;
import dev.dynamorm.internal.NumberText;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns the Java values given in conditions and key lookups into attributes, through the same
 * converters as writes. Numbers fit any numeric field and strings any string field, so {@code
 * where("total", ">", 5)} works on a {@code long} field; anything else that does not fit the
 * field's type is rejected before sending, naming the field and both types.
 */
public final class ValueBinder {

    private final ConverterLookup converters;

    public ValueBinder(ConverterLookup converters) {
        this.converters = converters;
    }

    /** Converts a value compared with a whole field. */
    public AttributeValue bind(
            Class<?> model, Operation op, String javaPath, FieldMetadata field, Object value) {
        if (value == null) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "null value for field '%s' of model %s: use EXISTS or NOT_EXISTS to test for absence",
                            javaPath,
                            model.getName()),
                    op,
                    model,
                    null);
        }
        if (fits(field.rawType(), value)) {
            AttributeValue av = convert(model, op, javaPath, field.converter(), value);
            if (av != null) {
                return av;
            }
        } else {
            AttributeValue av = throughConverter(model, op, javaPath, field, value);
            if (av != null) {
                return av;
            }
        }
        throw doesNotFit(model, op, value, "field '" + javaPath + "'", field);
    }

    /**
     * A number or text given for a field of another type (an {@code Instant}, an enum, a {@code
     * UUID}, a {@code long}...) is read by the field's converter as if it were stored, and written
     * back in the field's stored form: {@code "2026-01-01T00:00:00Z"} for an {@code Instant}
     * becomes the stored {@code "2026-01-01T00:00:00.000000000Z"}, {@code 2} for a {@code long}
     * stays a number. A value the converter cannot read ({@code "yesterday"}, an unknown enum
     * constant, {@code 1.5} for a {@code long}) gives null: it does not fit, and nothing is sent.
     */
    private static AttributeValue throughConverter(
            Class<?> model, Operation op, String javaPath, FieldMetadata field, Object value) {
        Object read = readAsStored(field.converter(), field.rawType(), value);
        return read == null ? null : convert(model, op, javaPath, field.converter(), read);
    }

    /**
     * Reads a number or text with a converter as if DynamoDB had stored it, giving a value of the
     * converter's type, or null when the converter cannot read it or stores another attribute type.
     */
    private static Object readAsStored(Converter<Object> c, Class<?> type, Object value) {
        return FieldValues.readAsStored(c, type, value);
    }

    /**
     * Binds a value for one element of a list field: through the element type's converter when the
     * list's element type is known (so an unknown enum constant is refused), by the value's own
     * type otherwise.
     */
    public AttributeValue bindListElement(
            Class<?> model, Operation op, String javaPath, FieldMetadata list, Object value) {
        Class<?> element = list.listElementClass();
        Optional<Converter<?>> found =
                element == null || value == null ? Optional.empty() : converters.find(element);
        if (found.isEmpty()) {
            return bindElement(model, op, javaPath, value);
        }
        @SuppressWarnings("unchecked")
        Converter<Object> c = (Converter<Object>) found.get();
        if (fits(element, value)) {
            return convert(model, op, javaPath, c, value);
        }
        Object read = readAsStored(c, element, value);
        if (read != null) {
            return convert(model, op, javaPath, c, read);
        }
        throw doesNotFit(model, op, value, "list element '" + javaPath + "'", list);
    }

    private static InvalidRequestException doesNotFit(
            Class<?> model, Operation op, Object value, String what, FieldMetadata field) {
        return FieldValues.doesNotFit(model, op, value, what, field.genericType());
    }

    /** Converts a value by its own type: list elements, set members, substrings. */
    public AttributeValue bindElement(Class<?> model, Operation op, String javaPath, Object value) {
        if (value == null) {
            return AttributeValue.createNul(true);
        }
        if (value instanceof Number n) {
            return AttributeValue.createN(numberText(n));
        }
        Optional<Converter<?>> converter = converters.find(value.getClass());
        if (converter.isEmpty()) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "no converter for value %s (%s) used with field '%s' of model %s",
                            describe(value),
                            value.getClass().getName(),
                            javaPath,
                            model.getName()),
                    op,
                    model,
                    null);
        }
        @SuppressWarnings("unchecked")
        Converter<Object> c = (Converter<Object>) converter.get();
        return convert(model, op, javaPath, c, value);
    }

    private static AttributeValue convert(
            Class<?> model, Operation op, String path, Converter<Object> c, Object v) {
        try {
            return c.toAttributeValue(v);
        } catch (ClassCastException e) {
            // a collection or map whose elements the field's converter cannot take: say which
            // types it holds rather than the JVM's cast message
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "value %s does not fit field '%s' of model %s: it holds %s, which the"
                                    + " field's element type does not",
                            describe(v),
                            path,
                            model.getName(),
                            heldTypes(v)),
                    op,
                    model,
                    null);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "cannot convert value %s for field '%s' of model %s: %s",
                            describe(v),
                            path,
                            model.getName(),
                            e.getMessage()),
                    op,
                    model,
                    null);
        }
    }

    /** The classes a collection's elements or a map's keys and values have, for messages. */
    private static String heldTypes(Object v) {
        if (v instanceof java.util.Map<?, ?> m) {
            return "keys of " + classes(m.keySet()) + " and values of " + classes(m.values());
        }
        if (v instanceof java.util.Collection<?> c) {
            return "elements of " + classes(c);
        }
        return "a " + v.getClass().getSimpleName();
    }

    private static String classes(java.util.Collection<?> values) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (Object o : values) {
            out.add(o == null ? "null" : o.getClass().getSimpleName());
        }
        return String.join("/", out);
    }

    /**
     * {@link FieldValues#fits}, written out: the first key lookup of a cold engine then loads no
     * class for it.
     */
    private static boolean fits(Class<?> type, Object value) {
        return wrap(type).isInstance(value);
    }

    /**
     * Whether a value cannot be a key: an empty string or empty binary (DynamoDB: "The
     * AttributeValue for a key attribute cannot contain an empty string value"). Here rather than
     * in {@link AttributeValues}: the first get checks its key, and this class is loaded already.
     */
    public static boolean isEmptyKeyValue(AttributeValue value) {
        return (value.s() != null && value.s().isEmpty())
                || (value.b() != null && value.b().asByteArrayUnsafe().length == 0);
    }

    public static Class<?> wrap(Class<?> type) {
        return java.lang.invoke.MethodType.methodType(type).wrap().returnType();
    }

    /** The N text of a number: see {@link NumberText#of(Number)}. */
    public static String numberText(Number n) {
        return NumberText.of(n);
    }

    private static String describe(Object value) {
        return FieldValues.describe(value);
    }
}
