package dev.dynamorm.spi.schema;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts the attributes of an item into field values for {@link ModelSchema#read(Map,
 * FieldReader)}. Implemented by the engine, one stateless instance per model and operation (so that
 * nothing is allocated per call); the {@code field} argument is the index of the field in {@link
 * ModelSchema#fields()}. Each method converts the stored attribute of that field; an absent
 * attribute gives the converter's absent value ({@code null}, or zero or false for a primitive).
 */
public interface FieldReader {

    /**
     * Reads a reference-typed (or {@code char}) field.
     *
     * @param item the stored item
     * @param field the index of the field
     * @return the value, possibly null (for {@code char}, a {@link Character})
     */
    Object read(Map<String, AttributeValue> item, int field);

    /**
     * Reads a {@code String} field.
     *
     * @param item the stored item
     * @param field the index of the field
     * @return the value, possibly null
     */
    String readString(Map<String, AttributeValue> item, int field);

    /**
     * Reads a {@code long}, {@code int}, {@code short} or {@code byte} field; a stored number
     * outside the field's own type is refused, so narrowing the result is safe.
     *
     * @param item the stored item
     * @param field the index of the field
     * @return the value
     */
    long readLong(Map<String, AttributeValue> item, int field);

    /**
     * Reads a {@code double} field.
     *
     * @param item the stored item
     * @param field the index of the field
     * @return the value
     */
    double readDouble(Map<String, AttributeValue> item, int field);

    /**
     * Reads a {@code float} field.
     *
     * @param item the stored item
     * @param field the index of the field
     * @return the value
     */
    float readFloat(Map<String, AttributeValue> item, int field);

    /**
     * Reads a {@code boolean} field.
     *
     * @param item the stored item
     * @param field the index of the field
     * @return the value
     */
    boolean readBoolean(Map<String, AttributeValue> item, int field);

    /**
     * The exception to throw when a bean's setter threw: generated code calls each setter in a
     * {@code try} and throws what this returns, so the failure names the field.
     *
     * @param field the index of the field whose setter threw
     * @param failure what the setter threw
     * @return the exception to throw
     */
    RuntimeException setterFailed(int field, RuntimeException failure);
}
