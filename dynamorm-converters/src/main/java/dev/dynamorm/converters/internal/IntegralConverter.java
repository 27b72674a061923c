package dev.dynamorm.converters.internal;

import dev.dynamorm.spi.Converter;
import java.util.function.LongFunction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code byte}, {@code short}, {@code int}, {@code long} and their boxes as {@code N}; reading a
 * number that does not fit the type, or has a fraction, fails.
 *
 * @param <T> the boxed type
 */
final class IntegralConverter<T extends Number> implements Converter<T> {

    static final IntegralConverter<Byte> BYTE =
        new IntegralConverter<>("byte", Byte.MIN_VALUE, Byte.MAX_VALUE, v -> (byte) v, (byte) 0);
    static final IntegralConverter<Byte> BYTE_BOXED =
        new IntegralConverter<>("java.lang.Byte", Byte.MIN_VALUE, Byte.MAX_VALUE, v -> (byte) v, null);
    static final IntegralConverter<Short> SHORT =
        new IntegralConverter<>("short", Short.MIN_VALUE, Short.MAX_VALUE, v -> (short) v, (short) 0);
    static final IntegralConverter<Short> SHORT_BOXED =
        new IntegralConverter<>("java.lang.Short", Short.MIN_VALUE, Short.MAX_VALUE, v -> (short) v, null);
    static final IntegralConverter<Integer> INT =
        new IntegralConverter<>("int", Integer.MIN_VALUE, Integer.MAX_VALUE, v -> (int) v, 0);
    static final IntegralConverter<Integer> INT_BOXED =
        new IntegralConverter<>("java.lang.Integer", Integer.MIN_VALUE, Integer.MAX_VALUE, v -> (int) v, null);
    static final IntegralConverter<Long> LONG =
        new IntegralConverter<>("long", Long.MIN_VALUE, Long.MAX_VALUE, v -> v, 0L);
    static final IntegralConverter<Long> LONG_BOXED =
        new IntegralConverter<>("java.lang.Long", Long.MIN_VALUE, Long.MAX_VALUE, v -> v, null);

    private final String target;
    private final long min;
    private final long max;
    private final LongFunction<T> narrow;
    private final T absent;

    private IntegralConverter(String target, long min, long max, LongFunction<T> narrow, T absent) {
        this.target = target;
        this.min = min;
        this.max = max;
        this.narrow = narrow;
        this.absent = absent;
    }

    @Override
    public AttributeValue toAttributeValue(T value) {
        return AttributeValue.fromN(Long.toString(value.longValue()));
    }

    @Override
    public T fromAttributeValue(AttributeValue attribute) {
        Attributes.require(attribute, AttributeValue.Type.N, target);
        return narrow.apply(Numbers.parseLong(attribute.n(), target, min, max));
    }

    @Override
    public AttributeValue.Type attributeType() {
        return AttributeValue.Type.N;
    }

    @Override
    public T absentValue() {
        return absent;
    }
}
