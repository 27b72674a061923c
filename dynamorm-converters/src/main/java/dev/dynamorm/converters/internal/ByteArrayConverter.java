package dev.dynamorm.converters.internal;

import dev.dynamorm.Converter;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code byte[]} as {@code B}; copies on write and on read, so neither side shares the array. */
final class ByteArrayConverter implements Converter<byte[]> {

    static final ByteArrayConverter INSTANCE = new ByteArrayConverter();

    private ByteArrayConverter() {}

    @Override
    public AttributeValue toAttributeValue(byte[] value) {
        return AttributeValue.createB(SdkBytes.fromByteArray(value));
    }

    @Override
    public byte[] fromAttributeValue(AttributeValue attribute) {
        Attributes.require(attribute, AttributeValue.Type.B, "byte[]");
        return attribute.b().asByteArray();
    }

    @Override
    public AttributeValue.Type attributeType() {
        return AttributeValue.Type.B;
    }
}
