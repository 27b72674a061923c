package dev.dynamorm.converters.internal;

import static dev.dynamorm.converters.internal.RecursiveLookup.converter;
import static dev.dynamorm.converters.internal.RecursiveLookup.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.Converter;
import java.time.DayOfWeek;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

final class EnumConverterTest {

    enum Color {
        RED,
        GREEN,
        BLUE
    }

    enum Operation {
        PLUS {
            @Override
            int apply(int a, int b) {
                return a + b;
            }
        },
        TIMES {
            @Override
            int apply(int a, int b) {
                return a * b;
            }
        };

        abstract int apply(int a, int b);
    }

    enum Empty {}

    private final Converter<Color> colors = converter(Color.class);

    @Property
    void enum_roundTripsByName(@ForAll Color value) {
        assertThat(colors.toAttributeValue(value)).isEqualTo(AttributeValue.fromS(value.name()));
        assertThat(roundTrip(colors, value)).isSameAs(value);
    }

    @Property
    void jdkEnum_roundTrips(@ForAll DayOfWeek value) {
        assertThat(roundTrip(converter(DayOfWeek.class), value)).isSameAs(value);
    }

    @Example
    void enum_withConstantBodies_resolvesFromConstantClassToo() {
        Converter<Operation> byDeclared = converter(Operation.class);
        Converter<Operation> byConstantClass = converter(Operation.PLUS.getClass());

        assertThat(roundTrip(byDeclared, Operation.TIMES)).isSameAs(Operation.TIMES);
        assertThat(roundTrip(byConstantClass, Operation.PLUS)).isSameAs(Operation.PLUS);
    }

    @Example
    void unknownName_isRejectedListingValidNames() {
        assertThatThrownBy(() -> colors.fromAttributeValue(AttributeValue.fromS("PURPLE")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "unknown name 'PURPLE' for enum dev.dynamorm.converters.internal.EnumConverterTest$Color;"
                                + " valid names: RED, GREEN, BLUE");
        assertThatThrownBy(() -> colors.fromAttributeValue(AttributeValue.fromS("red")))
                .hasMessageStartingWith("unknown name 'red' for enum");
    }

    @Example
    void enumWithoutConstants_saysSo() {
        Converter<Empty> empty = converter(Empty.class);

        assertThatThrownBy(() -> empty.fromAttributeValue(AttributeValue.fromS("X")))
                .hasMessage(
                        "unknown name 'X' for enum dev.dynamorm.converters.internal.EnumConverterTest$Empty;"
                                + " valid names: (none)");
    }

    @Example
    void enum_readFromN_isRejected() {
        assertThatThrownBy(() -> colors.fromAttributeValue(AttributeValue.fromN("0")))
                .hasMessage(
                        "expected attribute of type S for dev.dynamorm.converters.internal.EnumConverterTest$Color but got N");
    }
}
