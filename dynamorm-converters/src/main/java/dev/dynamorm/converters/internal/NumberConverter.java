package dev.dynamorm.converters.internal;

import dev.dynamorm.Converter;
import java.math.BigDecimal;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Fields declared as {@link Number}: any number is written as {@code N}, read back as a {@link
 * BigDecimal}.
 */
final class NumberConverter implements Converter<Number> {

    static final NumberConverter INSTANCE = new NumberConverter();

    private NumberConverter() {}

    @Override
    public AttributeValue toAttributeValue(Number value) {
        return AttributeValue.createN(Numbers.format(value));
    }

    @Override
    public Number fromAttributeValue(AttributeValue attribute) {
        Attributes.require(attribute, AttributeValue.Type.N, "java.lang.Number");
        return Numbers.parseDecimal(attribute.n(), "java.lang.Number");
    }

    @Override
    public AttributeValue.Type attributeType() {
        return AttributeValue.Type.N;
    }
}
