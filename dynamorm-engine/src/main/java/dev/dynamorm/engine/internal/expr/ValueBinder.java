package dev.dynamorm.engine.internal.expr;

import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Operation;
import dev.dynamorm.engine.internal.model.FieldMetadata;
import dev.dynamorm.spi.Converter;
import dev.dynamorm.spi.ConverterLookup;
import java.math.BigDecimal;
import java.math.BigInteger;
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
        AttributeValue asStored;
        if (value instanceof Number n && c.attributeType() == AttributeValue.Type.N) {
            asStored = AttributeValue.createN(numberText(n));
        } else if (value instanceof CharSequence text
                && c.attributeType() == AttributeValue.Type.S) {
            asStored = AttributeValue.createS(text.toString());
        } else {
            return null;
        }
        try {
            Object read = c.fromAttributeValue(asStored);
            return read != null && fits(type, read) ? read : null;
        } catch (RuntimeException notReadable) {
            return null;
        }
    }

    /**
     * Binds a value for one element of a list field: through the element type's converter when the
     * list's element type is known (so an unknown enum constant is refused), by the value's own
     * type otherwise.
     */
    public AttributeValue bindListElement(
            Class<?> model, Operation op, String javaPath, FieldMetadata list, Object value) {
        Class<?> element = elementClass(list.genericType());
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
        return new InvalidRequestException(
                String.format(
                        Locale.ROOT,
                        "value %s (%s) does not fit %s of model %s, which is %s",
                        describe(value),
                        value.getClass().getSimpleName(),
                        what,
                        model.getName(),
                        field.genericType().getTypeName()),
                op,
                model,
                null);
    }

    private static Class<?> elementClass(java.lang.reflect.Type type) {
        if (type instanceof java.lang.reflect.ParameterizedType p
                && p.getRawType() instanceof Class<?> raw
                && java.util.List.class.isAssignableFrom(raw)
                && p.getActualTypeArguments().length == 1
                && p.getActualTypeArguments()[0] instanceof Class<?> e) {
            return e;
        }
        return null;
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
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "cannot convert value %s for field '%s' of " + "model %s: %s",
                            describe(v),
                            path,
                            model.getName(),
                            e.getMessage()),
                    op,
                    model,
                    null);
        }
    }

    private static boolean fits(Class<?> type, Object value) {
        return wrap(type).isInstance(value);
    }

    public static Class<?> wrap(Class<?> type) {
        return java.lang.invoke.MethodType.methodType(type).wrap().returnType();
    }

    public static String numberText(Number n) {
        if (n instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("DynamoDB cannot store " + d);
            }
            return BigDecimal.valueOf(d).toPlainString();
        }
        if (n instanceof BigInteger
                || n instanceof Long
                || n instanceof Integer
                || n instanceof Short
                || n instanceof Byte) {
            return n.toString();
        }
        return new BigDecimal(n.toString()).toPlainString();
    }

    private static String describe(Object value) {
        String s = value instanceof CharSequence ? "'" + value + "'" : String.valueOf(value);
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
