package dev.dynamorm.converters.internal;

import dev.dynamorm.Converter;
import dev.dynamorm.spi.schema.BooleanCodec;
import dev.dynamorm.spi.schema.PlainCodec;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code boolean} and {@link Boolean} as {@code BOOL}. */
final class BooleanConverter implements Converter<Boolean>, BooleanCodec, PlainCodec {

    static final BooleanConverter PRIMITIVE = new BooleanConverter("boolean", Boolean.FALSE);
    static final BooleanConverter BOXED = new BooleanConverter("java.lang.Boolean", null);

    private final String target;
    private final Boolean absent;

    private BooleanConverter(String target, Boolean absent) {
        this.target = target;
        this.absent = absent;
    }

    @Override
    public AttributeValue toAttributeValue(Boolean value) {
        return AttributeValue.createBool(value);
    }

    @Override
    public Boolean fromAttributeValue(AttributeValue attribute) {
        Attributes.require(attribute, AttributeValue.Type.BOOL, target);
        return attribute.bool();
    }

    @Override
    public AttributeValue.Type attributeType() {
        return AttributeValue.Type.BOOL;
    }

    @Override
    public Boolean absentValue() {
        return absent;
    }

    @Override
    public AttributeValue encodeBoolean(boolean value) {
        return AttributeValue.createBool(value);
    }

    @Override
    public boolean decodeBoolean(AttributeValue attribute) {
        Attributes.require(attribute, AttributeValue.Type.BOOL, target);
        return attribute.bool();
    }
}
