package dev.dynamorm.converters.internal;

import static dev.dynamorm.converters.internal.RecursiveLookup.converter;
import static dev.dynamorm.converters.internal.RecursiveLookup.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.Converter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

final class OptionalConvertersTest {

    private final Converter<Optional<String>> strings =
            converter(new TypeRef<Optional<String>>() {});
    private final Converter<Optional<Integer>> ints =
            converter(new TypeRef<Optional<Integer>>() {});
    private final Converter<Optional<Instant>> instants =
            converter(new TypeRef<Optional<Instant>>() {});

    @Provide
    Arbitrary<Optional<String>> optionalText() {
        return Generators.text().optional();
    }

    @Provide
    Arbitrary<Optional<Instant>> optionalInstants() {
        return Generators.instants().optional();
    }

    @Provide
    Arbitrary<OptionalInt> optionalInts() {
        return Arbitraries.integers()
                .optional()
                .map(o -> o.map(OptionalInt::of).orElse(OptionalInt.empty()));
    }

    @Provide
    Arbitrary<OptionalLong> optionalLongs() {
        return Arbitraries.longs()
                .optional()
                .map(o -> o.map(OptionalLong::of).orElse(OptionalLong.empty()));
    }

    @Provide
    Arbitrary<OptionalDouble> optionalDoubles() {
        return Arbitraries.doubles()
                .between(-1e125, 1e125)
                .filter(d -> d == 0 || Math.abs(d) >= 1e-130)
                .edgeCases(edges -> edges.add(-0.0, 1e-130, 1e125))
                .optional()
                .map(o -> o.map(OptionalDouble::of).orElse(OptionalDouble.empty()));
    }

    @Property
    void optionalString_roundTrips(@ForAll("optionalText") Optional<String> value) {
        assertThat(roundTrip(strings, value)).isEqualTo(value);
    }

    @Property
    void optionalInteger_roundTrips(@ForAll Optional<Integer> value) {
        assertThat(roundTrip(ints, value)).isEqualTo(value);
    }

    @Property
    void optionalInstant_roundTrips(@ForAll("optionalInstants") Optional<Instant> value) {
        assertThat(roundTrip(instants, value)).isEqualTo(value);
    }

    @Example
    void optional_whenEmpty_omitsTheAttributeAndIsTheAbsentValue() {
        assertThat(strings.toAttributeValue(Optional.empty())).isNull();
        assertThat(strings.absentValue()).isEmpty();
        assertThat(strings.fromAttributeValue(AttributeValue.fromS(""))).contains("");
    }

    @Example
    void optional_reportsTheElementAttributeType() {
        assertThat(strings.attributeType()).isEqualTo(AttributeValue.Type.S);
        assertThat(ints.attributeType()).isEqualTo(AttributeValue.Type.N);
        assertThat(converter(new TypeRef<Optional<List<String>>>() {}).attributeType())
                .isEqualTo(AttributeValue.Type.L);
    }

    @Example
    void optional_readErrors_comeFromTheElement() {
        assertThatThrownBy(() -> ints.fromAttributeValue(AttributeValue.fromS("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected attribute of type N for java.lang.Integer but got S");
    }

    @Property
    void optionalInt_roundTrips(@ForAll("optionalInts") OptionalInt value) {
        Converter<OptionalInt> converter = converter(OptionalInt.class);

        assertThat(roundTrip(converter, value)).isEqualTo(value);
        assertThat(converter.absentValue()).isEqualTo(OptionalInt.empty());
    }

    @Property
    void optionalLong_roundTrips(@ForAll("optionalLongs") OptionalLong value) {
        Converter<OptionalLong> converter = converter(OptionalLong.class);

        assertThat(roundTrip(converter, value)).isEqualTo(value);
        assertThat(converter.absentValue()).isEqualTo(OptionalLong.empty());
    }

    @Property
    void optionalDouble_roundTrips(@ForAll("optionalDoubles") OptionalDouble value) {
        Converter<OptionalDouble> converter = converter(OptionalDouble.class);
        OptionalDouble expected =
                value.isPresent() && value.getAsDouble() == 0 ? OptionalDouble.of(0.0) : value;

        assertThat(roundTrip(converter, value)).isEqualTo(expected);
        assertThat(converter.absentValue()).isEqualTo(OptionalDouble.empty());
    }

    @Example
    void optionalPrimitives_whenEmpty_omitTheAttribute() {
        assertThat(converter(OptionalInt.class).toAttributeValue(OptionalInt.empty())).isNull();
        assertThat(converter(OptionalLong.class).toAttributeValue(OptionalLong.empty())).isNull();
        assertThat(converter(OptionalDouble.class).toAttributeValue(OptionalDouble.empty()))
                .isNull();
    }

    @Example
    void optionalInt_overflow_isRejected() {
        assertThatThrownBy(
                        () ->
                                converter(OptionalInt.class)
                                        .fromAttributeValue(AttributeValue.fromN("2147483648")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("number 2147483648 is out of range for java.util.OptionalInt");
    }
}
