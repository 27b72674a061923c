package dev.dynamorm.spi.schema;

import dev.dynamorm.internal.PlainText;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The per-field reads of generated {@link ModelSchema#read} methods: a field marked in {@link
 * FieldReader#plainFields()} whose attribute is present and of the expected type is read here (what
 * a {@link PlainCodec} would return); anything else goes to the reader's typed method, which
 * converts or refuses it as it always does. Small static methods, so that the JIT compiler inlines
 * them into the generated code and the bit test folds to a constant per field.
 */
public final class PlainReads {

    private PlainReads() {}

    private static boolean plain(long plainFields, int field) {
        return field < 64 && (plainFields & (1L << field)) != 0;
    }

    /**
     * Reads a {@code String} field.
     *
     * @param attribute the field's attribute ({@code item.get(in.attributeName(field))}), or null
     * @param in the reader
     * @param field the index of the field
     * @param plainFields what {@link FieldReader#plainFields()} returned
     * @return the value, possibly null
     */
    public static String readString(
            AttributeValue attribute, FieldReader in, int field, long plainFields) {
        return plain(plainFields, field)
                ? readString(attribute, in, field)
                : in.readString(attribute, field);
    }

    /**
     * Reads a {@code long} field.
     *
     * @param attribute the field's attribute ({@code item.get(in.attributeName(field))}), or null
     * @param in the reader
     * @param field the index of the field
     * @param plainFields what {@link FieldReader#plainFields()} returned
     * @return the value
     */
    public static long readLong(
            AttributeValue attribute, FieldReader in, int field, long plainFields) {
        return plain(plainFields, field)
                ? readLong(attribute, in, field)
                : in.readLong(attribute, field);
    }

    /**
     * Reads an {@code int} field.
     *
     * @param attribute the field's attribute ({@code item.get(in.attributeName(field))}), or null
     * @param in the reader
     * @param field the index of the field
     * @param plainFields what {@link FieldReader#plainFields()} returned
     * @return the value
     */
    public static int readInt(
            AttributeValue attribute, FieldReader in, int field, long plainFields) {
        return plain(plainFields, field)
                ? readInt(attribute, in, field)
                : (int) in.readLong(attribute, field);
    }

    /**
     * Reads a {@code boolean} field.
     *
     * @param attribute the field's attribute ({@code item.get(in.attributeName(field))}), or null
     * @param in the reader
     * @param field the index of the field
     * @param plainFields what {@link FieldReader#plainFields()} returned
     * @return the value
     */
    public static boolean readBoolean(
            AttributeValue attribute, FieldReader in, int field, long plainFields) {
        return plain(plainFields, field)
                ? readBoolean(attribute, in, field)
                : in.readBoolean(attribute, field);
    }

    /**
     * Reads a {@code String} field known to be plain ({@link FieldReader#plainFields(String[])} or
     * the bit of {@link FieldReader#plainFields()}).
     *
     * @param attribute the field's attribute, or null
     * @param in the reader
     * @param field the index of the field
     * @return the value, possibly null
     */
    public static String readString(AttributeValue attribute, FieldReader in, int field) {
        if (attribute != null && attribute.type() == AttributeValue.Type.S) {
            return attribute.s();
        }
        return in.readString(attribute, field);
    }

    /**
     * Reads a {@code long} field known to be plain ({@link FieldReader#plainFields(String[])} or
     * the bit of {@link FieldReader#plainFields()}).
     *
     * @param attribute the field's attribute, or null
     * @param in the reader
     * @param field the index of the field
     * @return the value
     */
    public static long readLong(AttributeValue attribute, FieldReader in, int field) {
        if (attribute != null && attribute.type() == AttributeValue.Type.N) {
            String n = attribute.n();
            long v = PlainText.decimal(n, 18);
            return v != PlainText.NOT_SHORT ? v : parseLong(n, attribute, in, field);
        }
        return in.readLong(attribute, field);
    }

    // out of line: what decimal leaves (long numbers, a sign '+', other digits, not a number)
    private static long parseLong(String n, AttributeValue attribute, FieldReader in, int field) {
        try {
            return Long.parseLong(n);
        } catch (NumberFormatException e) {
            // not a plain decimal long (an exponent, a fraction, out of range): the codec's way
            return in.readLong(attribute, field);
        }
    }

    /**
     * Reads an {@code int} field known to be plain ({@link FieldReader#plainFields(String[])} or
     * the bit of {@link FieldReader#plainFields()}).
     *
     * @param attribute the field's attribute, or null
     * @param in the reader
     * @param field the index of the field
     * @return the value
     */
    public static int readInt(AttributeValue attribute, FieldReader in, int field) {
        if (attribute != null && attribute.type() == AttributeValue.Type.N) {
            String n = attribute.n();
            long v = PlainText.decimal(n, 9);
            return v != PlainText.NOT_SHORT ? (int) v : parseInt(n, attribute, in, field);
        }
        return (int) in.readLong(attribute, field);
    }

    // out of line: what decimal leaves (long numbers, a sign '+', other digits, not a number)
    private static int parseInt(String n, AttributeValue attribute, FieldReader in, int field) {
        try {
            return Integer.parseInt(n);
        } catch (NumberFormatException e) {
            // not a plain decimal int (an exponent, a fraction, out of range): the codec's way
            return (int) in.readLong(attribute, field);
        }
    }

    /**
     * Reads a {@code boolean} field known to be plain ({@link FieldReader#plainFields(String[])} or
     * the bit of {@link FieldReader#plainFields()}).
     *
     * @param attribute the field's attribute, or null
     * @param in the reader
     * @param field the index of the field
     * @return the value
     */
    public static boolean readBoolean(AttributeValue attribute, FieldReader in, int field) {
        if (attribute != null && attribute.type() == AttributeValue.Type.BOOL) {
            return attribute.bool();
        }
        return in.readBoolean(attribute, field);
    }
}
