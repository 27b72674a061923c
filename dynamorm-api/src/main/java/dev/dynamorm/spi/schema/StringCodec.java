package dev.dynamorm.spi.schema;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The direct path of a {@link dev.dynamorm.Converter} for {@code String} values: generated schemas
 * read and write {@code String} fields through it, so that the call reaches one converter class
 * (and can be inlined) instead of dispatching over every converter of the model.
 *
 * <p>Both methods must agree with the converter's own {@code toAttributeValue} and {@code
 * fromAttributeValue} (the engine uses either); a failure is an {@link IllegalArgumentException},
 * as for the converter.
 */
public interface StringCodec {

    /**
     * Converts a value to an attribute.
     *
     * @param value the value, not null
     * @return the attribute, never null
     */
    AttributeValue encodeString(String value);

    /**
     * Converts a present, non-NULL attribute to a value.
     *
     * @param attribute the attribute
     * @return the value
     * @throws IllegalArgumentException if the attribute does not hold such a value
     */
    String decodeString(AttributeValue attribute);
}
