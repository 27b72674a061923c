package dev.dynamorm.spi.schema;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts the field values of an instance into an item for {@link ModelSchema#write(Object, Map,
 * FieldWriter)}. Implemented by the engine, one stateless instance per model and operation (so that
 * nothing is allocated per call); the {@code field} argument is the index of the field in {@link
 * ModelSchema#fields()}. Primitive fields arrive through the primitive methods, unboxed ({@code
 * byte}, {@code short} and {@code int} widened to {@code long}; {@code char} boxed), and {@code
 * String} fields through {@link #writeString(Map, int, String)}.
 */
public interface FieldWriter {

    /**
     * Receives a reference-typed (or {@code char}) field.
     *
     * @param item the item being built
     * @param field the index of the field
     * @param value the value, possibly null
     */
    void write(Map<String, AttributeValue> item, int field, Object value);

    /**
     * Receives a {@code String} field.
     *
     * @param item the item being built
     * @param field the index of the field
     * @param value the value, possibly null
     */
    void writeString(Map<String, AttributeValue> item, int field, String value);

    /**
     * Receives a {@code long}, {@code int}, {@code short} or {@code byte} field.
     *
     * @param item the item being built
     * @param field the index of the field
     * @param value the value
     */
    void writeLong(Map<String, AttributeValue> item, int field, long value);

    /**
     * Receives a {@code double} field.
     *
     * @param item the item being built
     * @param field the index of the field
     * @param value the value
     */
    void writeDouble(Map<String, AttributeValue> item, int field, double value);

    /**
     * Receives a {@code float} field.
     *
     * @param item the item being built
     * @param field the index of the field
     * @param value the value
     */
    void writeFloat(Map<String, AttributeValue> item, int field, float value);

    /**
     * Receives a {@code boolean} field.
     *
     * @param item the item being built
     * @param field the index of the field
     * @param value the value
     */
    void writeBoolean(Map<String, AttributeValue> item, int field, boolean value);
}
