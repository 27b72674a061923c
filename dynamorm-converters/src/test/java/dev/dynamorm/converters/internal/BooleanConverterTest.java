package dev.dynamorm.converters.internal;

import static dev.dynamorm.converters.internal.RecursiveLookup.converter;
import static dev.dynamorm.converters.internal.RecursiveLookup.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.Converter;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

final class BooleanConverterTest {

    private final Converter<Boolean> primitive = converter(boolean.class);
    private final Converter<Boolean> boxed = converter(Boolean.class);

    @Property
    void boolean_roundTripsAsBool(@ForAll boolean value) {
        assertThat(primitive.toAttributeValue(value)).isEqualTo(AttributeValue.fromBool(value));
        assertThat(roundTrip(primitive, value)).isEqualTo(value);
        assertThat(roundTrip(boxed, value)).isEqualTo(value);
    }

    @Example
    void absentValue_isFalseForPrimitiveAndNullForBox() {
        assertThat(primitive.absentValue()).isFalse();
        assertThat(boxed.absentValue()).isNull();
    }

    @Example
    void boolean_readFromS_isRejected() {
        assertThatThrownBy(() -> primitive.fromAttributeValue(AttributeValue.fromS("true")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected attribute of type BOOL for boolean but got S");
    }
}
