package dev.dynamorm.converters.internal;

import dev.dynamorm.Converter;
import java.util.OptionalDouble;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link OptionalDouble} as {@code N}, with the rules of {@link DoubleConverter}; empty omits the
 * attribute and is the absent value.
 */
final class OptionalDoubleConverter implements Converter<OptionalDouble> {

    static final OptionalDoubleConverter INSTANCE = new OptionalDoubleConverter();
    private static final String TARGET = "java.util.OptionalDouble";

    private OptionalDoubleConverter() {}

    @Override
    public AttributeValue toAttributeValue(OptionalDouble value) {
        return value.isPresent()
                ? AttributeValue.createN(Numbers.format(value.getAsDouble(), TARGET))
                : null;
    }

    @Override
    public OptionalDouble fromAttributeValue(AttributeValue attribute) {
        Attributes.require(attribute, AttributeValue.Type.N, TARGET);
        return OptionalDouble.of(Numbers.parseDouble(attribute.n(), TARGET));
    }

    @Override
    public AttributeValue.Type attributeType() {
        return AttributeValue.Type.N;
    }

    @Override
    public OptionalDouble absentValue() {
        return OptionalDouble.empty();
    }
}
