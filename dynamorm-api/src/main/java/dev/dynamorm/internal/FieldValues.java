package dev.dynamorm.internal;

import dev.dynamorm.Converter;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Operation;
import java.lang.invoke.MethodType;
import java.lang.reflect.Type;
import java.util.Locale;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The rule for values given for a typed field (in conditions, keys and updates), shared by the
 * engine and the test kit's MockDB so that both accept and refuse the same values with the same
 * message: a value of the field's type fits; a number or text given for a field of another type is
 * read by the field's converter as if DynamoDB had stored it; anything else does not fit. Not API
 * (see the package documentation).
 */
public final class FieldValues {

    private FieldValues() {}

    /**
     * Whether a value is of a type, primitives counting as their wrappers.
     *
     * @param type the field's class
     * @param value the value, not null
     * @return true when the value is an instance of the (wrapped) type
     */
    public static boolean fits(Class<?> type, Object value) {
        return MethodType.methodType(type).wrap().returnType().isInstance(value);
    }

    /**
     * Reads a number or text with a converter as if DynamoDB had stored it: {@code
     * "2026-01-01T00:00:00Z"} with an {@code Instant} converter gives that {@code Instant}, {@code
     * 2} with a {@code long} converter gives {@code 2L}.
     *
     * @param converter the field's converter
     * @param type the field's class
     * @param value the value given
     * @return a value of {@code type}, or null when the converter cannot read the value ({@code
     *     "yesterday"}, an unknown enum constant, {@code 1.5} for a {@code long}) or stores another
     *     attribute type
     */
    public static Object readAsStored(Converter<Object> converter, Class<?> type, Object value) {
        AttributeValue asStored;
        if (value instanceof Number n && converter.attributeType() == AttributeValue.Type.N) {
            try {
                asStored = AttributeValue.fromN(NumberText.of(n));
            } catch (IllegalArgumentException notStorable) {
                return null;
            }
        } else if (value instanceof CharSequence text
                && converter.attributeType() == AttributeValue.Type.S) {
            asStored = AttributeValue.fromS(text.toString());
        } else {
            return null;
        }
        try {
            Object read = converter.fromAttributeValue(asStored);
            return read != null && fits(type, read) ? read : null;
        } catch (RuntimeException notReadable) {
            return null;
        }
    }

    /**
     * The refusal of a value that does not fit: {@code value 'yesterday' (String) does not fit
     * field 'createdAt' of model com.example.Order, which is java.time.Instant}.
     *
     * @param model the model
     * @param op the operation
     * @param value the value, not null
     * @param what the target, e.g. {@code field 'createdAt'} or {@code list element 'tags[0]'}
     * @param fieldType the declared type of the field
     * @return the exception, to throw
     */
    public static InvalidRequestException doesNotFit(
            Class<?> model, Operation op, Object value, String what, Type fieldType) {
        return new InvalidRequestException(
                String.format(
                        Locale.ROOT,
                        "value %s (%s) does not fit %s of model %s, which is %s",
                        describe(value),
                        value.getClass().getSimpleName(),
                        what,
                        model.getName(),
                        fieldType.getTypeName()),
                op,
                model,
                null);
    }

    /**
     * A value as messages show it: text in single quotes, anything else by {@code toString}, cut to
     * 80 characters.
     *
     * @param value the value
     * @return the text
     */
    public static String describe(Object value) {
        String s = value instanceof CharSequence ? "'" + value + "'" : String.valueOf(value);
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
