package dev.dynamorm.converters.internal;

import dev.dynamorm.Converter;
import dev.dynamorm.spi.schema.FloatCodec;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code float} and {@link Float} as {@code N}, written as the shortest decimal that reads back as
 * the same float. NaN and the infinities cannot be stored; {@code -0.0f} is written as {@code 0}.
 * Reading a number too large or too small (non-zero but rounding to zero) for a float fails.
 */
final class FloatConverter implements Converter<Float>, FloatCodec {

    static final FloatConverter PRIMITIVE = new FloatConverter("float", 0.0f);
    static final FloatConverter BOXED = new FloatConverter("java.lang.Float", null);

    private final String target;
    private final Float absent;

    private FloatConverter(String target, Float absent) {
        this.target = target;
        this.absent = absent;
    }

    @Override
    public AttributeValue toAttributeValue(Float value) {
        return AttributeValue.createN(Numbers.format(value.floatValue(), target));
    }

    @Override
    public Float fromAttributeValue(AttributeValue attribute) {
        Attributes.require(attribute, AttributeValue.Type.N, target);
        return Numbers.parseFloat(attribute.n(), target);
    }

    @Override
    public AttributeValue.Type attributeType() {
        return AttributeValue.Type.N;
    }

    @Override
    public Float absentValue() {
        return absent;
    }

    @Override
    public AttributeValue encodeFloat(float value) {
        return AttributeValue.createN(Numbers.format(value, target));
    }

    @Override
    public float decodeFloat(AttributeValue attribute) {
        Attributes.require(attribute, AttributeValue.Type.N, target);
        return Numbers.parseFloat(attribute.n(), target);
    }
}
