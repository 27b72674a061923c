package dev.dynamorm;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts one Java type to and from a DynamoDB {@link AttributeValue}.
 *
 * <p>Implementations are immutable and thread-safe; one instance serves every field of its type.
 *
 * @param <T> the Java type
 */
public interface Converter<T> {

    /**
     * Converts a value to its attribute.
     *
     * @param value the value, never {@code null}
     * @return the attribute, or {@code null} to omit the attribute from the item (for example an
     *     empty {@code Optional})
     */
    @Nullable AttributeValue toAttributeValue(T value);

    /**
     * Converts an attribute back to a value.
     *
     * @param attribute the attribute, never {@code null} and never of type NULL
     * @return the value
     * @throws IllegalArgumentException if the attribute has a type this converter cannot read
     */
    T fromAttributeValue(AttributeValue attribute);

    /**
     * The attribute type this converter writes; keys must be {@code S}, {@code N} or {@code B}.
     *
     * @return the attribute type
     */
    AttributeValue.Type attributeType();

    /**
     * The value of a field whose attribute is absent or NULL.
     *
     * @return {@code null} by default; zero for primitives, {@code Optional.empty()} for optionals
     */
    default @Nullable T absentValue() {
        return null;
    }
}
