package dev.dynamorm.converters.internal;

import dev.dynamorm.Converter;
import dev.dynamorm.spi.schema.DoubleCodec;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code double} and {@link Double} as {@code N}, written as the shortest decimal that reads back
 * as the same double. NaN and the infinities cannot be stored, nor magnitudes outside DynamoDB's
 * range (below 1E-130 or above 9.99..E+125, e.g. {@link Double#MIN_VALUE} and {@link
 * Double#MAX_VALUE}); {@code -0.0} is written as {@code 0} and reads back as {@code 0.0}.
 */
final class DoubleConverter implements Converter<Double>, DoubleCodec {

    static final DoubleConverter PRIMITIVE = new DoubleConverter("double", 0.0);
    static final DoubleConverter BOXED = new DoubleConverter("java.lang.Double", null);

    private final String target;
    private final Double absent;

    private DoubleConverter(String target, Double absent) {
        this.target = target;
        this.absent = absent;
    }

    @Override
    public AttributeValue toAttributeValue(Double value) {
        return AttributeValue.createN(Numbers.format(value.doubleValue(), target));
    }

    @Override
    public Double fromAttributeValue(AttributeValue attribute) {
        Attributes.require(attribute, AttributeValue.Type.N, target);
        return Numbers.parseDouble(attribute.n(), target);
    }

    @Override
    public AttributeValue.Type attributeType() {
        return AttributeValue.Type.N;
    }

    @Override
    public Double absentValue() {
        return absent;
    }

    @Override
    public AttributeValue encodeDouble(double value) {
        return AttributeValue.createN(Numbers.format(value, target));
    }

    @Override
    public double decodeDouble(AttributeValue attribute) {
        Attributes.require(attribute, AttributeValue.Type.N, target);
        return Numbers.parseDouble(attribute.n(), target);
    }
}
