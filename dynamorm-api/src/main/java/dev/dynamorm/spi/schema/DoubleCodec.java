package dev.dynamorm.spi.schema;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The primitive path of a {@link dev.dynamorm.Converter} for {@code double} values: generated
 * schemas read and write primitive fields through it without boxing.
 *
 * <p>Both methods must agree with the converter's own {@code toAttributeValue} and {@code
 * fromAttributeValue} (the engine uses either); a failure is an {@link IllegalArgumentException},
 * as for the converter.
 */
public interface DoubleCodec {

    /**
     * Converts a value to an attribute.
     *
     * @param value the value
     * @return the attribute, never null
     */
    AttributeValue encodeDouble(double value);

    /**
     * Converts a present, non-NULL attribute to a value.
     *
     * @param attribute the attribute
     * @return the value
     * @throws IllegalArgumentException if the attribute does not hold such a value
     */
    double decodeDouble(AttributeValue attribute);
}
