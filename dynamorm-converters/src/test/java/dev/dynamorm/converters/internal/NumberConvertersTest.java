package dev.dynamorm.converters.internal;

import static dev.dynamorm.converters.internal.RecursiveLookup.converter;
import static dev.dynamorm.converters.internal.RecursiveLookup.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.Converter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

final class NumberConvertersTest {

    private static final String RANGE = "1E-130 to 9.9999999999999999999999999999999999999E+125";

    private final Converter<Byte> bytes = converter(byte.class);
    private final Converter<Short> shorts = converter(short.class);
    private final Converter<Integer> ints = converter(int.class);
    private final Converter<Integer> boxedInts = converter(Integer.class);
    private final Converter<Long> longs = converter(long.class);
    private final Converter<Long> boxedLongs = converter(Long.class);
    private final Converter<Float> floats = converter(float.class);
    private final Converter<Double> doubles = converter(double.class);
    private final Converter<Double> boxedDoubles = converter(Double.class);
    private final Converter<BigDecimal> decimals = converter(BigDecimal.class);
    private final Converter<BigInteger> bigIntegers = converter(BigInteger.class);
    private final Converter<Number> numbers = converter(Number.class);

    @Provide
    Arbitrary<Double> finiteDoubles() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite),
                Arbitraries.doubles(),
                Arbitraries.of(
                        0.0,
                        -0.0,
                        0.1,
                        1.0 / 3,
                        1e125,
                        9.999999999999999E125,
                        1e-130,
                        -1e-130,
                        Double.MIN_VALUE,
                        Double.MAX_VALUE,
                        -Double.MAX_VALUE,
                        Double.MIN_NORMAL,
                        1e126));
    }

    @Provide
    Arbitrary<Float> finiteFloats() {
        return Arbitraries.oneOf(
                Arbitraries.integers().map(Float::intBitsToFloat).filter(Float::isFinite),
                Arbitraries.of(
                        0.0f,
                        -0.0f,
                        0.1f,
                        Float.MIN_VALUE,
                        Float.MAX_VALUE,
                        -Float.MAX_VALUE,
                        Float.MIN_NORMAL));
    }

    @Provide
    Arbitrary<BigDecimal> decimals() {
        return Generators.storableDecimals();
    }

    @Provide
    Arbitrary<BigInteger> bigIntegers() {
        return Arbitraries.oneOf(
                Arbitraries.bigIntegers()
                        .between(
                                BigInteger.TEN.pow(38).negate().add(BigInteger.ONE),
                                BigInteger.TEN.pow(38).subtract(BigInteger.ONE)),
                Arbitraries.integers()
                        .between(0, 87)
                        .map(zeros -> BigInteger.valueOf(123).multiply(BigInteger.TEN.pow(zeros))),
                Arbitraries.of(
                        BigInteger.ZERO,
                        BigInteger.TEN.pow(38).subtract(BigInteger.ONE),
                        BigInteger.TEN.pow(38).subtract(BigInteger.ONE).negate(),
                        BigInteger.TEN.pow(125),
                        BigInteger.valueOf(Long.MIN_VALUE),
                        BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE)));
    }

    @Property
    void byte_roundTrips(@ForAll byte value) {
        assertThat(bytes.toAttributeValue(value))
                .isEqualTo(AttributeValue.fromN(Byte.toString(value)));
        assertThat(roundTrip(bytes, value)).isEqualTo(value);
        assertThat(roundTrip(converter(Byte.class), value)).isEqualTo(value);
    }

    @Property
    void short_roundTrips(@ForAll short value) {
        assertThat(roundTrip(shorts, value)).isEqualTo(value);
        assertThat(roundTrip(converter(Short.class), value)).isEqualTo(value);
    }

    @Property
    void int_roundTrips(@ForAll int value) {
        assertThat(ints.toAttributeValue(value))
                .isEqualTo(AttributeValue.fromN(Integer.toString(value)));
        assertThat(roundTrip(ints, value)).isEqualTo(value);
        assertThat(roundTrip(boxedInts, value)).isEqualTo(value);
    }

    @Property
    void long_roundTrips(@ForAll long value) {
        assertThat(longs.toAttributeValue(value))
                .isEqualTo(AttributeValue.fromN(Long.toString(value)));
        assertThat(roundTrip(longs, value)).isEqualTo(value);
        assertThat(roundTrip(boxedLongs, value)).isEqualTo(value);
    }

    @Example
    void integral_extremes_roundTrip() {
        assertThat(roundTrip(ints, Integer.MIN_VALUE)).isEqualTo(Integer.MIN_VALUE);
        assertThat(roundTrip(ints, Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
        assertThat(roundTrip(longs, Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
        assertThat(roundTrip(longs, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
        assertThat(longs.toAttributeValue(Long.MIN_VALUE).n()).isEqualTo("-9223372036854775808");
    }

    @Property
    void float_roundTripsExactly(@ForAll("finiteFloats") float value) {
        AttributeValue attribute = floats.toAttributeValue(value);

        assertThat(attribute.n()).doesNotContain("E");
        assertThat(floats.fromAttributeValue(attribute)).isEqualTo(value == 0 ? 0.0f : value);
        assertThat(roundTrip(converter(Float.class), value)).isEqualTo(value == 0 ? 0.0f : value);
    }

    /**
     * Doubles outside DynamoDB's range are rejected; all others round-trip exactly (-0.0 as 0.0).
     */
    @Property
    void double_roundTripsExactlyWithinDynamoRange(@ForAll("finiteDoubles") double value) {
        double magnitude = Math.abs(value);
        if (value != 0 && (magnitude < 1e-130 || magnitude >= 1e126)) {
            assertThatThrownBy(() -> doubles.toAttributeValue(value))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("number ")
                    .hasMessageEndingWith(
                            " is out of range; DynamoDB stores magnitudes from " + RANGE);
            return;
        }
        AttributeValue attribute = doubles.toAttributeValue(value);

        assertThat(attribute.n()).doesNotContain("E");
        assertThat(doubles.fromAttributeValue(attribute)).isEqualTo(value == 0 ? 0.0 : value);
        assertThat(roundTrip(boxedDoubles, value)).isEqualTo(value == 0 ? 0.0 : value);
    }

    @Example
    void double_writtenForm_isShortestPlainDecimal() {
        assertThat(doubles.toAttributeValue(0.1).n()).isEqualTo("0.1");
        assertThat(doubles.toAttributeValue(1.0).n()).isEqualTo("1");
        assertThat(doubles.toAttributeValue(1e10).n()).isEqualTo("10000000000");
        assertThat(doubles.toAttributeValue(-2.5e-7).n()).isEqualTo("-0.00000025");
        assertThat(floats.toAttributeValue(0.1f).n()).isEqualTo("0.1");
    }

    /** DynamoDB has no negative zero: -0.0 is written as 0 and reads back as +0.0. */
    @Example
    void negativeZero_isWrittenAsZero() {
        assertThat(doubles.toAttributeValue(-0.0).n()).isEqualTo("0");
        assertThat(Double.doubleToRawLongBits(roundTrip(doubles, -0.0)))
                .isEqualTo(Double.doubleToRawLongBits(0.0));
        assertThat(floats.toAttributeValue(-0.0f).n()).isEqualTo("0");
    }

    @Example
    void double_minAndMaxValue_areOutOfDynamoRange() {
        assertThatThrownBy(() -> doubles.toAttributeValue(Double.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "number 1.7976931348623157E+308 is out of range; DynamoDB stores magnitudes from "
                                + RANGE);
        assertThatThrownBy(() -> doubles.toAttributeValue(Double.MIN_VALUE))
                .hasMessage(
                        "number 4.9E-324 is out of range; DynamoDB stores magnitudes from "
                                + RANGE);
    }

    @Example
    void float_extremes_roundTrip() {
        assertThat(roundTrip(floats, Float.MAX_VALUE)).isEqualTo(Float.MAX_VALUE);
        assertThat(roundTrip(floats, Float.MIN_VALUE)).isEqualTo(Float.MIN_VALUE);
    }

    @Example
    void nanAndInfinity_areRejected() {
        assertThatThrownBy(() -> doubles.toAttributeValue(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("double value NaN is not a finite number; DynamoDB cannot store it");
        assertThatThrownBy(() -> boxedDoubles.toAttributeValue(Double.NEGATIVE_INFINITY))
                .hasMessage(
                        "java.lang.Double value -Infinity is not a finite number; DynamoDB cannot store it");
        assertThatThrownBy(() -> floats.toAttributeValue(Float.POSITIVE_INFINITY))
                .hasMessage(
                        "float value Infinity is not a finite number; DynamoDB cannot store it");
    }

    @Property
    void bigDecimal_roundTripsByValueAndKeepsNonNegativeScale(
            @ForAll("decimals") BigDecimal value) {
        AttributeValue attribute = decimals.toAttributeValue(value);
        BigDecimal read = decimals.fromAttributeValue(attribute);

        assertThat(attribute.n()).doesNotContain("E");
        assertThat(read).isEqualByComparingTo(value);
        if (value.signum() != 0 && value.scale() >= 0) {
            assertThat(read).isEqualTo(value);
        }
    }

    @Example
    void bigDecimal_writtenForm_isPlain() {
        assertThat(decimals.toAttributeValue(new BigDecimal("1.50")).n()).isEqualTo("1.50");
        assertThat(decimals.toAttributeValue(new BigDecimal("1E+3")).n()).isEqualTo("1000");
        assertThat(decimals.toAttributeValue(new BigDecimal("0.00")).n()).isEqualTo("0");
        assertThat(decimals.toAttributeValue(new BigDecimal("-1E-5")).n()).isEqualTo("-0.00001");
    }

    @Example
    void bigDecimal_with38Digits_isAcceptedAnd39Rejected() {
        BigDecimal digits38 = new BigDecimal("1234567890123456789012345678901234567.8");
        BigDecimal digits39 = new BigDecimal("1234567890123456789012345678901234567.89");

        assertThat(roundTrip(decimals, digits38)).isEqualTo(digits38);
        assertThatThrownBy(() -> decimals.toAttributeValue(digits39))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("number has 39 significant digits; DynamoDB stores at most 38");
    }

    @Example
    void bigDecimal_trailingZeros_doNotCountAsSignificant() {
        BigDecimal value = new BigDecimal("1234567890123456789012345678901234567800000.000");

        assertThat(roundTrip(decimals, value)).isEqualTo(value);
    }

    @Example
    void bigDecimal_outOfRange_isRejected() {
        assertThatThrownBy(() -> decimals.toAttributeValue(new BigDecimal("1E+126")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "number 1E+126 is out of range; DynamoDB stores magnitudes from " + RANGE);
        assertThatThrownBy(() -> decimals.toAttributeValue(new BigDecimal("-9.9E-131")))
                .hasMessage(
                        "number -9.9E-131 is out of range; DynamoDB stores magnitudes from "
                                + RANGE);
    }

    @Property
    void bigInteger_roundTrips(@ForAll("bigIntegers") BigInteger value) {
        AttributeValue attribute = bigIntegers.toAttributeValue(value);

        assertThat(attribute.n()).isEqualTo(value.toString());
        assertThat(bigIntegers.fromAttributeValue(attribute)).isEqualTo(value);
    }

    @Example
    void bigInteger_with39SignificantDigits_isRejected() {
        BigInteger value = new BigInteger("123456789012345678901234567890123456789");

        assertThatThrownBy(() -> bigIntegers.toAttributeValue(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("number has 39 significant digits; DynamoDB stores at most 38");
    }

    @Property
    void number_writesAnyNumberAndReadsBigDecimal(@ForAll long value) {
        assertThat(roundTrip(numbers, value)).isEqualTo(BigDecimal.valueOf(value));
        assertThat(numbers.toAttributeValue(new AtomicLong(value)).n())
                .isEqualTo(Long.toString(value));
    }

    @Example
    void number_ofEachKind_isWrittenExactly() {
        assertThat(numbers.toAttributeValue(2.5f).n()).isEqualTo("2.5");
        assertThat(numbers.toAttributeValue(0.1).n()).isEqualTo("0.1");
        assertThat(numbers.toAttributeValue(new BigDecimal("1.50")).n()).isEqualTo("1.50");
        assertThat(numbers.toAttributeValue(BigInteger.TEN.pow(40)).n())
                .isEqualTo(BigInteger.TEN.pow(40).toString());
        assertThat(numbers.toAttributeValue((short) -7).n()).isEqualTo("-7");
    }

    @Example
    void integral_readFromNonCanonicalForms() {
        assertThat(ints.fromAttributeValue(AttributeValue.fromN("1E+3"))).isEqualTo(1000);
        assertThat(ints.fromAttributeValue(AttributeValue.fromN("42.000"))).isEqualTo(42);
        assertThat(longs.fromAttributeValue(AttributeValue.fromN("-9.223372036854775808E+18")))
                .isEqualTo(Long.MIN_VALUE);
    }

    @Example
    void int_readFromS_isRejected() {
        assertThatThrownBy(() -> ints.fromAttributeValue(AttributeValue.fromS("12")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected attribute of type N for int but got S");
        assertThatThrownBy(() -> boxedLongs.fromAttributeValue(AttributeValue.fromBool(true)))
                .hasMessage("expected attribute of type N for java.lang.Long but got BOOL");
    }

    @Example
    void overflow_onRead_namesValueAndType() {
        assertThatThrownBy(() -> ints.fromAttributeValue(AttributeValue.fromN("3000000000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("number 3000000000 is out of range for int");
        assertThatThrownBy(() -> bytes.fromAttributeValue(AttributeValue.fromN("128")))
                .hasMessage("number 128 is out of range for byte");
        assertThatThrownBy(() -> shorts.fromAttributeValue(AttributeValue.fromN("-32769")))
                .hasMessage("number -32769 is out of range for short");
        assertThatThrownBy(
                        () -> longs.fromAttributeValue(AttributeValue.fromN("9223372036854775808")))
                .hasMessage("number 9223372036854775808 is out of range for long");
        assertThatThrownBy(() -> boxedInts.fromAttributeValue(AttributeValue.fromN("1E+100")))
                .hasMessage("number 1E+100 is out of range for java.lang.Integer");
        assertThatThrownBy(() -> floats.fromAttributeValue(AttributeValue.fromN("1E+39")))
                .hasMessage("number 1E+39 is out of range for float");
        assertThatThrownBy(() -> floats.fromAttributeValue(AttributeValue.fromN("1E-46")))
                .hasMessage("number 1E-46 is out of range for float");
        assertThatThrownBy(() -> doubles.fromAttributeValue(AttributeValue.fromN("1E+400")))
                .hasMessage("number 1E+400 is out of range for double");
        assertThatThrownBy(() -> bigIntegers.fromAttributeValue(AttributeValue.fromN("1E+126")))
                .hasMessage("number 1E+126 is out of range for java.math.BigInteger");
    }

    @Example
    void fraction_readIntoIntegral_isRejected() {
        assertThatThrownBy(() -> ints.fromAttributeValue(AttributeValue.fromN("1.5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("number 1.5 is not an integer; int cannot hold it");
        assertThatThrownBy(() -> bigIntegers.fromAttributeValue(AttributeValue.fromN("0.1")))
                .hasMessage("number 0.1 is not an integer; java.math.BigInteger cannot hold it");
    }

    @Example
    void malformedNumber_isRejected() {
        assertThatThrownBy(() -> ints.fromAttributeValue(AttributeValue.fromN("twelve")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("malformed number 'twelve' for int");
        assertThatThrownBy(() -> doubles.fromAttributeValue(AttributeValue.fromN("NaN")))
                .hasMessage("malformed number 'NaN' for double");
        assertThatThrownBy(() -> decimals.fromAttributeValue(AttributeValue.fromN("1,5")))
                .hasMessage("malformed number '1,5' for java.math.BigDecimal");
    }

    @Example
    void absentValue_isZeroForPrimitivesAndNullForBoxes() {
        assertThat(bytes.absentValue()).isEqualTo((byte) 0);
        assertThat(shorts.absentValue()).isEqualTo((short) 0);
        assertThat(ints.absentValue()).isEqualTo(0);
        assertThat(longs.absentValue()).isEqualTo(0L);
        assertThat(floats.absentValue()).isEqualTo(0.0f);
        assertThat(doubles.absentValue()).isEqualTo(0.0);
        assertThat(boxedInts.absentValue()).isNull();
        assertThat(boxedDoubles.absentValue()).isNull();
        assertThat(decimals.absentValue()).isNull();
    }

    @Provide
    Arbitrary<String> decimalLikeTexts() {
        return Arbitraries.strings().withChars("-.0123456789").ofMinLength(1).ofMaxLength(20);
    }

    /**
     * Short plain decimals read without an exact parse; every text of digits, points and minus
     * signs still reads as the exact parse says: the same value, or the same error.
     */
    @Property
    void doubleAndFloat_readAsTheExactParseSays(@ForAll("decimalLikeTexts") String text) {
        assertSameRead(doubles, text, exactDouble(text, "double"));
        assertSameRead(floats, text, exactFloat(text, "float"));
    }

    private static void assertSameRead(Converter<?> converter, String text, Object expected) {
        AttributeValue attribute = AttributeValue.fromN(text);
        if (expected instanceof String message) {
            assertThatThrownBy(() -> converter.fromAttributeValue(attribute)).hasMessage(message);
        } else {
            assertThat(converter.fromAttributeValue(attribute)).isEqualTo(expected);
        }
    }

    /** The value (or error message) of the exact read: BigDecimal first, then the range check. */
    private static Object exactDouble(String text, String target) {
        BigDecimal exact;
        try {
            exact = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return "malformed number '" + text + "' for " + target;
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value) || (value == 0 && exact.signum() != 0)) {
            return "number " + text + " is out of range for " + target;
        }
        return value;
    }

    private static Object exactFloat(String text, String target) {
        BigDecimal exact;
        try {
            exact = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return "malformed number '" + text + "' for " + target;
        }
        float value = Float.parseFloat(text);
        if (Float.isInfinite(value) || (value == 0 && exact.signum() != 0)) {
            return "number " + text + " is out of range for " + target;
        }
        return value;
    }
}
