package dev.dynamorm.converters.internal;

import dev.dynamorm.Converter;
import java.nio.ByteBuffer;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link ByteBuffer} as {@code B}: writes the bytes between position and limit without moving the
 * caller's position; reads into a new heap buffer positioned at zero.
 */
final class ByteBufferConverter implements Converter<ByteBuffer> {

    static final ByteBufferConverter INSTANCE = new ByteBufferConverter();

    private ByteBufferConverter() {}

    @Override
    public AttributeValue toAttributeValue(ByteBuffer value) {
        ByteBuffer view = value.duplicate();
        byte[] copy = new byte[view.remaining()];
        view.get(copy);
        return AttributeValue.createB(SdkBytes.fromByteArrayUnsafe(copy));
    }

    @Override
    public ByteBuffer fromAttributeValue(AttributeValue attribute) {
        Attributes.require(attribute, AttributeValue.Type.B, "java.nio.ByteBuffer");
        return ByteBuffer.wrap(attribute.b().asByteArray());
    }

    @Override
    public AttributeValue.Type attributeType() {
        return AttributeValue.Type.B;
    }
}
