package dev.dynamorm.converters.internal;

import static dev.dynamorm.converters.internal.RecursiveLookup.converter;
import static dev.dynamorm.converters.internal.RecursiveLookup.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.Converter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

final class StringConvertersTest {

    private final Converter<String> strings = converter(String.class);
    private final Converter<Character> chars = converter(char.class);
    private final Converter<Character> boxedChars = converter(Character.class);

    @Provide
    Arbitrary<String> text() {
        return Generators.text();
    }

    @Provide
    Arbitrary<Character> nonSurrogates() {
        return Arbitraries.chars()
                .filter(c -> !Character.isSurrogate(c))
                .edgeCases(edges -> edges.add('\0', '\uFFFF', 'a', ' '));
    }

    @Property
    void string_roundTripsAsS(@ForAll("text") String value) {
        AttributeValue attribute = strings.toAttributeValue(value);

        assertThat(attribute.type()).isEqualTo(AttributeValue.Type.S);
        assertThat(attribute.s()).isEqualTo(value);
        assertThat(strings.fromAttributeValue(attribute)).isEqualTo(value);
    }

    @Property
    void char_roundTripsAsOneCharacterS(@ForAll("nonSurrogates") char value) {
        assertThat(chars.toAttributeValue(value).s()).hasSize(1);
        assertThat(roundTrip(chars, value)).isEqualTo(value);
        assertThat(roundTrip(boxedChars, value)).isEqualTo(value);
    }

    @Example
    void string_whenEmpty_isWrittenAsEmptyS() {
        assertThat(strings.toAttributeValue("")).isEqualTo(AttributeValue.fromS(""));
        assertThat(strings.fromAttributeValue(AttributeValue.fromS(""))).isEmpty();
    }

    @Example
    void string_withEmojiNulAndSurrogatePairs_roundTrips() {
        String value = "a\u0000😀𝄞👩‍👩‍👧\uFFFF";

        assertThat(roundTrip(strings, value)).isEqualTo(value);
    }

    @Example
    void string_withUnpairedSurrogate_isRejected() {
        assertThatThrownBy(() -> strings.toAttributeValue("ab\uD800c"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "string contains an unpaired surrogate \\ud800 at index 2; DynamoDB stores text as UTF-8");
        assertThatThrownBy(() -> strings.toAttributeValue("\uDC00"))
                .hasMessage(
                        "string contains an unpaired surrogate \\udc00 at index 0; DynamoDB stores text as UTF-8");
    }

    @Example
    void string_readFromN_namesBothTypes() {
        assertThatThrownBy(() -> strings.fromAttributeValue(AttributeValue.fromN("1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected attribute of type S for java.lang.String but got N");
    }

    @Example
    void char_readFromLongerString_isRejected() {
        assertThatThrownBy(() -> chars.fromAttributeValue(AttributeValue.fromS("ab")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("string 'ab' has 2 characters; char holds exactly one");
        assertThatThrownBy(() -> boxedChars.fromAttributeValue(AttributeValue.fromS("")))
                .hasMessage("string '' has 0 characters; java.lang.Character holds exactly one");
    }

    @Example
    void char_whenSurrogate_isRejected() {
        assertThatThrownBy(() -> chars.toAttributeValue('\uD83D'))
                .hasMessage(
                        "char contains an unpaired surrogate \\ud83d at index 0; DynamoDB stores text as UTF-8");
    }

    @Example
    void absentValue_isNulCharForPrimitiveAndNullOtherwise() {
        assertThat(chars.absentValue()).isEqualTo('\0');
        assertThat(boxedChars.absentValue()).isNull();
        assertThat(strings.absentValue()).isNull();
    }
}
