package dev.dynamorm.spi.schema;

/**
 * Supplies the field values of one instance to {@link ModelSchema#read(FieldReader)}. Implemented
 * by the engine; the {@code field} argument is the index of the field in {@link
 * ModelSchema#fields()}. Each method converts the stored attribute of that field; an absent
 * attribute gives the converter's absent value ({@code null}, or zero or false for a primitive).
 */
public interface FieldReader {

    /**
     * Reads a reference-typed (or {@code char}) field.
     *
     * @param field the index of the field
     * @return the value, possibly null (for {@code char}, a {@link Character})
     */
    Object read(int field);

    /**
     * Reads a {@code String} field.
     *
     * @param field the index of the field
     * @return the value, possibly null
     */
    String readString(int field);

    /**
     * Reads a {@code long}, {@code int}, {@code short} or {@code byte} field; a stored number
     * outside the field's own type is refused, so narrowing the result is safe.
     *
     * @param field the index of the field
     * @return the value
     */
    long readLong(int field);

    /**
     * Reads a {@code double} field.
     *
     * @param field the index of the field
     * @return the value
     */
    double readDouble(int field);

    /**
     * Reads a {@code float} field.
     *
     * @param field the index of the field
     * @return the value
     */
    float readFloat(int field);

    /**
     * Reads a {@code boolean} field.
     *
     * @param field the index of the field
     * @return the value
     */
    boolean readBoolean(int field);
}
