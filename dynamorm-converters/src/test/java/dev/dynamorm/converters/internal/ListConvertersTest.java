package dev.dynamorm.converters.internal;

import static dev.dynamorm.converters.internal.RecursiveLookup.converter;
import static dev.dynamorm.converters.internal.RecursiveLookup.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.Converter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

final class ListConvertersTest {

    private final Converter<List<String>> strings = converter(new TypeRef<List<String>>() {});
    private final Converter<List<Integer>> ints = converter(new TypeRef<List<Integer>>() {});

    @Provide
    Arbitrary<List<String>> textLists() {
        return Generators.text().injectNull(0.1).list().ofMaxSize(10);
    }

    @Provide
    Arbitrary<List<Map<String, List<Integer>>>> nested() {
        Arbitrary<List<Integer>> inner = Arbitraries.integers().injectNull(0.1).list().ofMaxSize(5);
        return Arbitraries.maps(Generators.text(), inner.injectNull(0.05))
                .ofMaxSize(4)
                .list()
                .ofMaxSize(4);
    }

    @Provide
    Arbitrary<LocalDate[]> dateArrays() {
        return Generators.dates().injectNull(0.1).array(LocalDate[].class).ofMaxSize(8);
    }

    @Property
    void listOfStrings_roundTripsWithNullsAsNul(@ForAll("textLists") List<String> value) {
        AttributeValue attribute = strings.toAttributeValue(value);

        assertThat(attribute.type()).isEqualTo(AttributeValue.Type.L);
        assertThat(attribute.l()).hasSize(value.size());
        assertThat(strings.fromAttributeValue(attribute))
                .isInstanceOf(ArrayList.class)
                .isEqualTo(value);
    }

    @Property
    void listOfIntegers_roundTrips(@ForAll List<Integer> value) {
        assertThat(roundTrip(ints, value)).isEqualTo(value);
    }

    @Property
    void nestedListOfMapsOfLists_roundTrips(
            @ForAll("nested") List<Map<String, List<Integer>>> value) {
        Converter<List<Map<String, List<Integer>>>> converter =
                converter(new TypeRef<List<Map<String, List<Integer>>>>() {});

        assertThat(roundTrip(converter, value)).isEqualTo(value);
    }

    @Property
    void collectionAndLinkedList_roundTrip(@ForAll List<Long> value) {
        Converter<Collection<Long>> collections = converter(new TypeRef<Collection<Long>>() {});
        Converter<LinkedList<Long>> linked = converter(new TypeRef<LinkedList<Long>>() {});

        assertThat(roundTrip(collections, value)).isInstanceOf(ArrayList.class).isEqualTo(value);
        assertThat(roundTrip(linked, new LinkedList<>(value)))
                .isInstanceOf(LinkedList.class)
                .isEqualTo(value);
    }

    @Example
    void list_withNull_writesNul() {
        AttributeValue attribute = ints.toAttributeValue(Arrays.asList(1, null, 3));

        assertThat(attribute)
                .isEqualTo(
                        AttributeValue.fromL(
                                List.of(
                                        AttributeValue.fromN("1"),
                                        AttributeValue.fromNul(true),
                                        AttributeValue.fromN("3"))));
    }

    @Example
    void list_empty_isWrittenAsEmptyL() {
        assertThat(strings.toAttributeValue(List.of())).isEqualTo(AttributeValue.fromL(List.of()));
        assertThat(strings.fromAttributeValue(AttributeValue.fromL(List.of()))).isEmpty();
        assertThat(strings.absentValue()).isNull();
    }

    @Example
    void listOfOptionals_keepsEmptyOptionalsAsNul() {
        Converter<List<Optional<String>>> converter =
                converter(new TypeRef<List<Optional<String>>>() {});
        List<Optional<String>> value = List.of(Optional.of("a"), Optional.empty());

        assertThat(converter.toAttributeValue(value).l().get(1))
                .isEqualTo(AttributeValue.fromNul(true));
        assertThat(roundTrip(converter, value)).isEqualTo(value);
    }

    @Example
    void list_readsSetAttributesOfItsElementType() {
        assertThat(strings.fromAttributeValue(AttributeValue.fromSs(List.of("a", "b"))))
                .containsExactly("a", "b");
        assertThat(ints.fromAttributeValue(AttributeValue.fromNs(List.of("1", "2"))))
                .containsExactly(1, 2);
    }

    @Example
    void list_readFromWrongType_isRejected() {
        assertThatThrownBy(() -> strings.fromAttributeValue(AttributeValue.fromS("a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "expected attribute of type L or SS for java.util.List<java.lang.String> but got S");
        assertThatThrownBy(() -> ints.fromAttributeValue(AttributeValue.fromSs(List.of("a"))))
                .hasMessage(
                        "expected attribute of type L or NS for java.util.List<java.lang.Integer> but got SS");
        assertThatThrownBy(
                        () ->
                                converter(new TypeRef<List<Boolean>>() {})
                                        .fromAttributeValue(AttributeValue.fromM(Map.of())))
                .hasMessage(
                        "expected attribute of type L for java.util.List<java.lang.Boolean> but got M");
    }

    @Example
    void list_elementErrors_propagate() {
        AttributeValue attribute =
                AttributeValue.fromL(
                        List.of(AttributeValue.fromN("1"), AttributeValue.fromN("1e10")));

        assertThatThrownBy(() -> ints.fromAttributeValue(attribute))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("number 1e10 is out of range for java.lang.Integer");
    }

    @Property
    void stringArray_roundTrips(@ForAll("textLists") List<String> list) {
        Converter<String[]> converter = converter(String[].class);
        String[] value = list.toArray(String[]::new);

        assertThat(converter.toAttributeValue(value).type()).isEqualTo(AttributeValue.Type.L);
        assertThat(roundTrip(converter, value)).isInstanceOf(String[].class).containsExactly(value);
    }

    @Property
    void dateArray_roundTrips(@ForAll("dateArrays") LocalDate[] value) {
        assertThat(roundTrip(converter(LocalDate[].class), value))
                .isInstanceOf(LocalDate[].class)
                .containsExactly(value);
    }

    @Property
    void intArray_roundTrips(@ForAll int[] value) {
        Converter<int[]> converter = converter(int[].class);

        assertThat(converter.toAttributeValue(value).l()).hasSize(value.length);
        assertThat(roundTrip(converter, value)).isEqualTo(value);
    }

    @Property
    void longArray_roundTrips(@ForAll long[] value) {
        assertThat(roundTrip(converter(long[].class), value)).isEqualTo(value);
    }

    @Property
    void otherPrimitiveArrays_roundTrip(
            @ForAll short[] shorts, @ForAll boolean[] booleans, @ForAll float[] floats) {
        float[] finite = new float[floats.length];
        for (int i = 0; i < floats.length; i++) {
            finite[i] = Float.isFinite(floats[i]) && floats[i] != 0 ? floats[i] : 1.5f;
        }

        assertThat(roundTrip(converter(short[].class), shorts)).isEqualTo(shorts);
        assertThat(roundTrip(converter(boolean[].class), booleans)).isEqualTo(booleans);
        assertThat(roundTrip(converter(float[].class), finite)).isEqualTo(finite);
    }

    @Example
    void charAndDoubleArrays_roundTrip() {
        char[] chars = {'a', '\0', 'é'};
        double[] doubles = {0.1, -2.5, 1e100, 0};

        assertThat(roundTrip(converter(char[].class), chars)).isEqualTo(chars);
        assertThat(roundTrip(converter(double[].class), doubles)).isEqualTo(doubles);
    }

    @Example
    void primitiveArray_nulElement_readsAsZero() {
        AttributeValue attribute =
                AttributeValue.fromL(
                        List.of(AttributeValue.fromN("7"), AttributeValue.fromNul(true)));

        assertThat((int[]) converter(int[].class).fromAttributeValue(attribute))
                .containsExactly(7, 0);
    }

    @Example
    void nestedArrays_roundTrip() {
        int[][] value = {{1, 2}, {}, {3}};
        Integer[] boxed = {1, null, 3};

        assertThat(roundTrip(converter(int[][].class), value)).isDeepEqualTo(value);
        assertThat(roundTrip(converter(Integer[].class), boxed)).containsExactly(1, null, 3);
    }

    @Example
    void genericArray_roundTrips() {
        Converter<List<String>[]> converter = converter(new TypeRef<List<String>[]>() {});
        @SuppressWarnings("unchecked")
        List<String>[] value = (List<String>[]) new List<?>[] {List.of("a"), List.of()};

        assertThat(roundTrip(converter, value)).containsExactly(List.of("a"), List.of());
    }
}
