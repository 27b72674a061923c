package dev.dynamorm.converters.internal;

import dev.dynamorm.Converter;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@link OptionalLong} as {@code N}; empty omits the attribute and is the absent value. */
final class OptionalLongConverter implements Converter<OptionalLong> {

    static final OptionalLongConverter INSTANCE = new OptionalLongConverter();
    private static final String TARGET = "java.util.OptionalLong";

    private OptionalLongConverter() {}

    @Override
    public AttributeValue toAttributeValue(OptionalLong value) {
        return value.isPresent() ? AttributeValue.createN(Long.toString(value.getAsLong())) : null;
    }

    @Override
    public OptionalLong fromAttributeValue(AttributeValue attribute) {
        Attributes.require(attribute, AttributeValue.Type.N, TARGET);
        return OptionalLong.of(
                Numbers.parseLong(attribute.n(), TARGET, Long.MIN_VALUE, Long.MAX_VALUE));
    }

    @Override
    public AttributeValue.Type attributeType() {
        return AttributeValue.Type.N;
    }

    @Override
    public OptionalLong absentValue() {
        return OptionalLong.empty();
    }
}
