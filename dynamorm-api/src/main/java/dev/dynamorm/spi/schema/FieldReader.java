package dev.dynamorm.spi.schema;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts the attributes of an item into field values for {@link ModelSchema#read(Map,
 * FieldReader)}. Implemented by the engine, one stateless instance per model and operation (so that
 * nothing is allocated per call); the {@code field} argument is the index of the field in {@link
 * ModelSchema#fields()}. Each method converts the stored attribute of that field; an absent
 * attribute gives the converter's absent value ({@code null}, or zero or false for a primitive).
 *
 * <p>The typed methods ({@code readString}, {@code readLong}, …) take the attribute, which the
 * generated code looks up itself ({@code item.get(in.attributeName(field))}) rather than the item:
 * the lookup is then a call site of its own in each generated method (with the receiver type of
 * that model's items), and each typed conversion a small method, so that the JIT compiler inlines
 * both into a generated {@code read} method (a shared method that looks up and converts grows, once
 * compiled on its own, past the size the compiler inlines).
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
     * The name of a field's attribute in stored items; for a property the model does not map, a
     * name that the typed methods ignore.
     *
     * @param field the index of the field
     * @return the attribute name, never null
     */
    String attributeName(int field);

    /**
     * The fields that {@link PlainReads} may read without this reader: bit {@code i} (for {@code i
     * < 64}) is set when field {@code i} is a {@code String}, {@code long}, {@code int} or {@code
     * boolean} whose converter is a {@link PlainCodec}, with nothing else between the attribute and
     * the value. Generated code asks once per item and hands every field to {@code PlainReads},
     * which takes a present attribute of the expected type itself and passes anything else (absent,
     * NULL, another type, an unparsable or out-of-range number) to the typed method here.
     *
     * @return the bit set of plain fields, 0 for none
     * @throws UnsupportedOperationException if the reader offers no plain reads (the default)
     */
    default long plainFields() {
        throw new UnsupportedOperationException("plainFields");
    }

    /**
     * Like {@link #plainFields()}, for generated code that looks attributes up by the names it was
     * generated with: the bit set of plain fields when every name in {@code attributeNames} is the
     * attribute name of the field at that index in stored items, 0 otherwise (so that such code
     * falls back to {@link #attributeName(int)} and the typed methods). Generated code passes the
     * same array on every call, which the reader may use to check the names once.
     *
     * @param attributeNames the attribute name the generated code assumes for each field, by index
     * @return the bit set of plain fields, 0 for none or when a name differs
     * @throws UnsupportedOperationException if the reader offers no plain reads (the default)
     */
    default long plainFields(String[] attributeNames) {
        throw new UnsupportedOperationException("plainFields");
    }

    /**
     * Reads a {@code String} field.
     *
     * @param attribute the field's attribute ({@code item.get(attributeName(field))}), or null
     * @param field the index of the field
     * @return the value, possibly null
     */
    String readString(AttributeValue attribute, int field);

    /**
     * Reads a {@code long}, {@code int}, {@code short} or {@code byte} field; a stored number
     * outside the field's own type is refused, so narrowing the result is safe.
     *
     * @param attribute the field's attribute ({@code item.get(attributeName(field))}), or null
     * @param field the index of the field
     * @return the value
     */
    long readLong(AttributeValue attribute, int field);

    /**
     * Reads a {@code double} field.
     *
     * @param attribute the field's attribute ({@code item.get(attributeName(field))}), or null
     * @param field the index of the field
     * @return the value
     */
    double readDouble(AttributeValue attribute, int field);

    /**
     * Reads a {@code float} field.
     *
     * @param attribute the field's attribute ({@code item.get(attributeName(field))}), or null
     * @param field the index of the field
     * @return the value
     */
    float readFloat(AttributeValue attribute, int field);

    /**
     * Reads a {@code boolean} field.
     *
     * @param attribute the field's attribute ({@code item.get(attributeName(field))}), or null
     * @param field the index of the field
     * @return the value
     */
    boolean readBoolean(AttributeValue attribute, int field);

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
