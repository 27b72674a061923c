package dev.dynamorm.converters.internal;

import static dev.dynamorm.converters.internal.RecursiveLookup.converter;
import static dev.dynamorm.converters.internal.RecursiveLookup.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.Converter;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

final class MapConvertersTest {

    enum Size {
        SMALL,
        LARGE
    }

    private final Converter<Map<String, Integer>> stringToInt =
            converter(new TypeRef<Map<String, Integer>>() {});

    @Provide
    Arbitrary<Map<String, Integer>> stringToInts() {
        return Arbitraries.maps(Generators.text(), Arbitraries.integers().injectNull(0.1))
                .ofMaxSize(8);
    }

    @Provide
    Arbitrary<Map<UUID, Instant>> uuidToInstants() {
        Arbitrary<UUID> uuids =
                Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new);
        return Arbitraries.maps(uuids, Generators.instants()).ofMaxSize(5);
    }

    @Provide
    Arbitrary<Map<String, Set<String>>> stringToSets() {
        return Arbitraries.maps(
                        Generators.text(), Generators.text().set().ofMinSize(1).ofMaxSize(3))
                .ofMaxSize(4);
    }

    @Property
    void stringKeys_roundTripWithNullValues(@ForAll("stringToInts") Map<String, Integer> value) {
        AttributeValue attribute = stringToInt.toAttributeValue(value);

        assertThat(attribute.type()).isEqualTo(AttributeValue.Type.M);
        assertThat(attribute.m()).containsOnlyKeys(value.keySet());
        assertThat(stringToInt.fromAttributeValue(attribute))
                .isInstanceOf(LinkedHashMap.class)
                .isEqualTo(value);
    }

    @Property
    void uuidKeys_roundTrip(@ForAll("uuidToInstants") Map<UUID, Instant> value) {
        Converter<Map<UUID, Instant>> converter = converter(new TypeRef<Map<UUID, Instant>>() {});

        assertThat(roundTrip(converter, value)).isEqualTo(value);
    }

    @Property
    void integerAndLongKeys_roundTrip(
            @ForAll Map<Integer, String> ints, @ForAll Map<Long, Boolean> longs) {
        assertThat(roundTrip(converter(new TypeRef<Map<Integer, String>>() {}), ints))
                .isEqualTo(ints);
        assertThat(roundTrip(converter(new TypeRef<Map<Long, Boolean>>() {}), longs))
                .isEqualTo(longs);
    }

    @Property
    void enumKeys_roundTripIntoEnumMap(@ForAll Map<Size, Long> value) {
        Converter<Map<Size, Long>> converter = converter(new TypeRef<Map<Size, Long>>() {});
        Map<Size, Long> read = roundTrip(converter, value);

        assertThat(read).isInstanceOf(EnumMap.class).isEqualTo(value);
    }

    @Property
    void mapOfSets_roundTrips(@ForAll("stringToSets") Map<String, Set<String>> value) {
        assertThat(roundTrip(converter(new TypeRef<Map<String, Set<String>>>() {}), value))
                .isEqualTo(value);
    }

    @Example
    void keys_areWrittenAsText() {
        Map<Integer, String> ints = Map.of(-7, "x");
        Map<Size, String> sizes = Map.of(Size.LARGE, "x");

        assertThat(converter(new TypeRef<Map<Integer, String>>() {}).toAttributeValue(ints).m())
                .containsOnlyKeys("-7");
        assertThat(converter(new TypeRef<Map<Size, String>>() {}).toAttributeValue(sizes).m())
                .containsOnlyKeys("LARGE");
    }

    @Example
    void emptyMap_isWrittenAsEmptyM() {
        assertThat(stringToInt.toAttributeValue(Map.of()))
                .isEqualTo(AttributeValue.fromM(Map.of()));
        assertThat(stringToInt.fromAttributeValue(AttributeValue.fromM(Map.of()))).isEmpty();
        assertThat(stringToInt.absentValue()).isNull();
    }

    @Example
    void mapImplementations_followTheDeclaredType() {
        AttributeValue attribute =
                AttributeValue.fromM(
                        Map.of("b", AttributeValue.fromN("2"), "a", AttributeValue.fromN("1")));

        assertThat(
                        converter(new TypeRef<SortedMap<String, Integer>>() {})
                                .fromAttributeValue(attribute))
                .isInstanceOf(TreeMap.class)
                .containsExactly(Map.entry("a", 1), Map.entry("b", 2));
        assertThat(
                        converter(new TypeRef<NavigableMap<String, Integer>>() {})
                                .fromAttributeValue(attribute))
                .isInstanceOf(TreeMap.class);
        assertThat(
                        converter(new TypeRef<TreeMap<String, Integer>>() {})
                                .fromAttributeValue(attribute))
                .isInstanceOf(TreeMap.class);
        assertThat(
                        converter(new TypeRef<HashMap<String, Integer>>() {})
                                .fromAttributeValue(attribute))
                .isInstanceOf(HashMap.class);
        assertThat(
                        converter(new TypeRef<EnumMap<Size, Integer>>() {})
                                .fromAttributeValue(
                                        AttributeValue.fromM(
                                                Map.of("SMALL", AttributeValue.fromN("1")))))
                .isInstanceOf(EnumMap.class);
    }

    @Example
    void mapOfOptionals_keepsEmptyValuesAsNul() {
        Converter<Map<String, Optional<String>>> converter =
                converter(new TypeRef<Map<String, Optional<String>>>() {});
        Map<String, Optional<String>> value = Map.of("a", Optional.of("x"), "b", Optional.empty());

        assertThat(converter.toAttributeValue(value).m().get("b"))
                .isEqualTo(AttributeValue.fromNul(true));
        assertThat(roundTrip(converter, value)).isEqualTo(value);
    }

    @Example
    void nullKey_isRejected() {
        Map<String, Integer> value = new HashMap<>();
        value.put(null, 1);

        assertThatThrownBy(() -> stringToInt.toAttributeValue(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "java.util.Map<java.lang.String, java.lang.Integer> cannot be stored with a null key");
    }

    @Example
    void unreadableKey_isRejected() {
        AttributeValue attribute = AttributeValue.fromM(Map.of("seven", AttributeValue.fromS("x")));

        assertThatThrownBy(
                        () ->
                                converter(new TypeRef<Map<Integer, String>>() {})
                                        .fromAttributeValue(attribute))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot read map key 'seven' as java.lang.Integer");
        assertThatThrownBy(
                        () ->
                                converter(new TypeRef<Map<Long, String>>() {})
                                        .fromAttributeValue(attribute))
                .hasMessage("cannot read map key 'seven' as java.lang.Long");
        assertThatThrownBy(
                        () ->
                                converter(new TypeRef<Map<UUID, String>>() {})
                                        .fromAttributeValue(attribute))
                .hasMessage("cannot read map key 'seven' as java.util.UUID");
        assertThatThrownBy(
                        () ->
                                converter(new TypeRef<Map<Size, String>>() {})
                                        .fromAttributeValue(attribute))
                .hasMessage(
                        "unknown name 'seven' for enum dev.dynamorm.converters.internal.MapConvertersTest$Size;"
                                + " valid names: SMALL, LARGE");
    }

    @Example
    void unpairedSurrogateKey_isRejected() {
        assertThatThrownBy(() -> stringToInt.toAttributeValue(Map.of("\uDBFF", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "map key contains an unpaired surrogate \\udbff at index 0; DynamoDB stores text as UTF-8");
    }

    @Example
    void map_readFromWrongType_isRejected() {
        assertThatThrownBy(() -> stringToInt.fromAttributeValue(AttributeValue.fromL(List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "expected attribute of type M for java.util.Map<java.lang.String, java.lang.Integer> but got L");
    }
}
