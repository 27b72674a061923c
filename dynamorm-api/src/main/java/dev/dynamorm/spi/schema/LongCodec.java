package dev.dynamorm.spi.schema;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The primitive path of a {@link dev.dynamorm.Converter} for {@code long} values: generated schemas
 * read and write primitive fields through it without boxing. Converters of {@code byte}, {@code
 * short} and {@code int} implement it too: they refuse, when reading, a number outside their own
 * type's range.
 *
 * <p>Both methods must agree with the converter's own {@code toAttributeValue} and {@code
 * fromAttributeValue} (the engine uses either); a failure is an {@link IllegalArgumentException},
 * as for the converter.
 */
public interface LongCodec {

    /**
     * Converts a value to an attribute.
     *
     * @param value the value
     * @return the attribute, never null
     */
    AttributeValue encodeLong(long value);

    /**
     * Converts a present, non-NULL attribute to a value.
     *
     * @param attribute the attribute
     * @return the value
     * @throws IllegalArgumentException if the attribute does not hold such a value
     */
    long decodeLong(AttributeValue attribute);
}
