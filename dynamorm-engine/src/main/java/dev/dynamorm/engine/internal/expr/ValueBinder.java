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
        } else if (value instanceof Number n && field.attributeType() == AttributeValue.Type.N) {
            return AttributeValue.createN(numberText(n));
        } else if (value instanceof CharSequence s
                && field.attributeType() == AttributeValue.Type.S) {
            return AttributeValue.createS(s.toString());
        }
        throw new InvalidRequestException(
                String.format(
                        Locale.ROOT,
                        "value %s (%s) does not fit field '%s' of model %s, which is %s",
                        describe(value),
                        value.getClass().getSimpleName(),
                        javaPath,
                        model.getName(),
                        field.genericType().getTypeName()),
                op,
                model,
                null);
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
