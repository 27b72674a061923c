package dev.dynamorm.converters.internal;

import dev.dynamorm.Converter;
import java.util.OptionalInt;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@link OptionalInt} as {@code N}; empty omits the attribute and is the absent value. */
final class OptionalIntConverter implements Converter<OptionalInt> {

    static final OptionalIntConverter INSTANCE = new OptionalIntConverter();
    private static final String TARGET = "java.util.OptionalInt";

    private OptionalIntConverter() {}

    @Override
    public AttributeValue toAttributeValue(OptionalInt value) {
        return value.isPresent()
                ? AttributeValue.createN(Integer.toString(value.getAsInt()))
                : null;
    }

    @Override
    public OptionalInt fromAttributeValue(AttributeValue attribute) {
        Attributes.require(attribute, AttributeValue.Type.N, TARGET);
        return OptionalInt.of(
                (int)
                        Numbers.parseLong(
                                attribute.n(), TARGET, Integer.MIN_VALUE, Integer.MAX_VALUE));
    }

    @Override
    public AttributeValue.Type attributeType() {
        return AttributeValue.Type.N;
    }

    @Override
    public OptionalInt absentValue() {
        return OptionalInt.empty();
    }
}
