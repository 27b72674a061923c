package dev.dynamorm.converters.internal;

import static dev.dynamorm.converters.internal.RecursiveLookup.converter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.Converter;
import java.nio.ByteBuffer;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

final class BinaryConvertersTest {

    private final Converter<byte[]> arrays = converter(byte[].class);
    private final Converter<ByteBuffer> buffers = converter(ByteBuffer.class);

    @Provide
    Arbitrary<byte[]> bytes() {
        return Generators.bytes();
    }

    @Property
    void byteArray_roundTripsAsB(@ForAll("bytes") byte[] value) {
        AttributeValue attribute = arrays.toAttributeValue(value);

        assertThat(attribute.type()).isEqualTo(AttributeValue.Type.B);
        assertThat(arrays.fromAttributeValue(attribute)).isEqualTo(value);
    }

    @Property
    void byteBuffer_roundTripsTheRemainingBytes(@ForAll("bytes") byte[] value) {
        ByteBuffer buffer = ByteBuffer.allocate(value.length + 3);
        buffer.put((byte) 9).put(value).put((byte) 9).flip().position(1).limit(value.length + 1);

        ByteBuffer read = buffers.fromAttributeValue(buffers.toAttributeValue(buffer));

        assertThat(read).isEqualTo(ByteBuffer.wrap(value));
        assertThat(read.position()).isZero();
        assertThat(buffer.position()).isEqualTo(1);
        assertThat(buffer.limit()).isEqualTo(value.length + 1);
    }

    @Example
    void byteArray_isCopiedOnWriteAndRead() {
        byte[] value = {1, 2, 3};
        AttributeValue attribute = arrays.toAttributeValue(value);
        value[0] = 42;
        byte[] read = arrays.fromAttributeValue(attribute);
        read[1] = 42;

        assertThat(attribute.b().asByteArray()).containsExactly(1, 2, 3);
    }

    @Example
    void byteBuffer_direct_isReadWithoutMovingPosition() {
        ByteBuffer direct = ByteBuffer.allocateDirect(4).put(new byte[] {5, 6, 7, 8}).flip();

        AttributeValue attribute = buffers.toAttributeValue(direct);

        assertThat(attribute.b()).isEqualTo(SdkBytes.fromByteArray(new byte[] {5, 6, 7, 8}));
        assertThat(direct.position()).isZero();
    }

    @Example
    void byteArray_empty_isWrittenAsEmptyB() {
        assertThat(arrays.toAttributeValue(new byte[0]).b().asByteArray()).isEmpty();
    }

    @Example
    void byteArray_readFromS_isRejected() {
        assertThatThrownBy(() -> arrays.fromAttributeValue(AttributeValue.fromS("AQID")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected attribute of type B for byte[] but got S");
        assertThatThrownBy(() -> buffers.fromAttributeValue(AttributeValue.fromS("AQID")))
                .hasMessage("expected attribute of type B for java.nio.ByteBuffer but got S");
    }
}
