package dev.dynamorm.converters.internal;

import dev.dynamorm.Converter;
import java.math.BigDecimal;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link BigDecimal} as {@code N}, written with {@link BigDecimal#toPlainString()}. Values with
 * more than 38 significant digits or outside DynamoDB's range fail. The numeric value round-trips
 * exactly; the scale does so only through this converter (DynamoDB returns {@code 1.50} as {@code
 * 1.5}), so compare read values with {@code compareTo}.
 */
final class BigDecimalConverter implements Converter<BigDecimal> {

    static final BigDecimalConverter INSTANCE = new BigDecimalConverter();

    private BigDecimalConverter() {}

    @Override
    public AttributeValue toAttributeValue(BigDecimal value) {
        return AttributeValue.createN(Numbers.format(value));
    }

    @Override
    public BigDecimal fromAttributeValue(AttributeValue attribute) {
        Attributes.require(attribute, AttributeValue.Type.N, "java.math.BigDecimal");
        return Numbers.parseDecimal(attribute.n(), "java.math.BigDecimal");
    }

    @Override
    public AttributeValue.Type attributeType() {
        return AttributeValue.Type.N;
    }
}
