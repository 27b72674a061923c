package dev.dynamorm.converters.internal;

import dev.dynamorm.Converter;
import dev.dynamorm.spi.schema.LongCodec;
import dev.dynamorm.spi.schema.PlainCodec;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code byte}, {@code short}, {@code int}, {@code long} and their boxes as {@code N}; reading a
 * number that does not fit the type, or has a fraction, fails.
 *
 * @param <T> the boxed type
 */
final class IntegralConverter<T extends Number> implements Converter<T>, LongCodec, PlainCodec {

    static final IntegralConverter<Byte> BYTE =
            new IntegralConverter<>("byte", Byte.MIN_VALUE, Byte.MAX_VALUE, Byte.class, (byte) 0);
    static final IntegralConverter<Byte> BYTE_BOXED =
            new IntegralConverter<>(
                    "java.lang.Byte", Byte.MIN_VALUE, Byte.MAX_VALUE, Byte.class, null);
    static final IntegralConverter<Short> SHORT =
            new IntegralConverter<>(
                    "short", Short.MIN_VALUE, Short.MAX_VALUE, Short.class, (short) 0);
    static final IntegralConverter<Short> SHORT_BOXED =
            new IntegralConverter<>(
                    "java.lang.Short", Short.MIN_VALUE, Short.MAX_VALUE, Short.class, null);
    static final IntegralConverter<Integer> INT =
            new IntegralConverter<>("int", Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.class, 0);
    static final IntegralConverter<Integer> INT_BOXED =
            new IntegralConverter<>(
                    "java.lang.Integer", Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.class, null);
    static final IntegralConverter<Long> LONG =
            new IntegralConverter<>("long", Long.MIN_VALUE, Long.MAX_VALUE, Long.class, 0L);
    static final IntegralConverter<Long> LONG_BOXED =
            new IntegralConverter<>(
                    "java.lang.Long", Long.MIN_VALUE, Long.MAX_VALUE, Long.class, null);

    private final String target;
    private final long min;
    private final long max;

    /**
     * The boxed type; narrowing switches on it rather than calling a function per type (one call
     * site for all).
     */
    private final Class<T> boxed;

    private final T absent;

    private IntegralConverter(String target, long min, long max, Class<T> boxed, T absent) {
        this.target = target;
        this.min = min;
        this.max = max;
        this.boxed = boxed;
        this.absent = absent;
    }

    @Override
    public AttributeValue toAttributeValue(T value) {
        return AttributeValue.createN(Long.toString(value.longValue()));
    }

    @Override
    public T fromAttributeValue(AttributeValue attribute) {
        Attributes.require(attribute, AttributeValue.Type.N, target);
        long value = Numbers.parseLong(attribute.n(), target, min, max);
        Object result;
        if (boxed == Long.class) {
            result = value;
        } else if (boxed == Integer.class) {
            result = (int) value;
        } else if (boxed == Short.class) {
            result = (short) value;
        } else {
            result = (byte) value;
        }
        @SuppressWarnings("unchecked")
        T narrowed = (T) result;
        return narrowed;
    }

    @Override
    public AttributeValue.Type attributeType() {
        return AttributeValue.Type.N;
    }

    @Override
    public T absentValue() {
        return absent;
    }

    @Override
    public AttributeValue encodeLong(long value) {
        return AttributeValue.createN(Long.toString(value));
    }

    @Override
    public long decodeLong(AttributeValue attribute) {
        Attributes.require(attribute, AttributeValue.Type.N, target);
        return Numbers.parseLong(attribute.n(), target, min, max);
    }
}
