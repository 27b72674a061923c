package dev.dynamorm.converters.internal;

import dev.dynamorm.Converter;
import java.math.BigInteger;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link BigInteger} as {@code N}. Values with more than 38 significant digits (trailing zeros do
 * not count) or above 9.99..E+125 fail.
 */
final class BigIntegerConverter implements Converter<BigInteger> {

    static final BigIntegerConverter INSTANCE = new BigIntegerConverter();

    private BigIntegerConverter() {}

    @Override
    public AttributeValue toAttributeValue(BigInteger value) {
        return AttributeValue.createN(Numbers.format(value));
    }

    @Override
    public BigInteger fromAttributeValue(AttributeValue attribute) {
        Attributes.require(attribute, AttributeValue.Type.N, "java.math.BigInteger");
        return Numbers.parseBigInteger(attribute.n(), "java.math.BigInteger");
    }

    @Override
    public AttributeValue.Type attributeType() {
        return AttributeValue.Type.N;
    }
}
