package dev.dynamorm.spi.schema;

/**
 * Receives the field values of one instance from {@link ModelSchema#write(Object, FieldWriter)}.
 * Implemented by the engine; the {@code field} argument is the index of the field in {@link
 * ModelSchema#fields()}. Primitive fields arrive through the primitive methods, unboxed ({@code
 * byte}, {@code short} and {@code int} widened to {@code long}; {@code char} boxed), and {@code
 * String} fields through {@link #writeString(int, String)}.
 */
public interface FieldWriter {

    /**
     * Receives a reference-typed (or {@code char}) field.
     *
     * @param field the index of the field
     * @param value the value, possibly null
     */
    void write(int field, Object value);

    /**
     * Receives a {@code String} field.
     *
     * @param field the index of the field
     * @param value the value, possibly null
     */
    void writeString(int field, String value);

    /**
     * Receives a {@code long}, {@code int}, {@code short} or {@code byte} field.
     *
     * @param field the index of the field
     * @param value the value
     */
    void writeLong(int field, long value);

    /**
     * Receives a {@code double} field.
     *
     * @param field the index of the field
     * @param value the value
     */
    void writeDouble(int field, double value);

    /**
     * Receives a {@code float} field.
     *
     * @param field the index of the field
     * @param value the value
     */
    void writeFloat(int field, float value);

    /**
     * Receives a {@code boolean} field.
     *
     * @param field the index of the field
     * @param value the value
     */
    void writeBoolean(int field, boolean value);
}
