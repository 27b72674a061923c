package dev.dynamorm.converters.internal;

import static dev.dynamorm.converters.internal.RecursiveLookup.converter;
import static dev.dynamorm.converters.internal.RecursiveLookup.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.Converter;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

final class SetConvertersTest {

    enum Flag {
        A,
        B,
        C
    }

    private final Converter<Set<String>> strings = converter(new TypeRef<Set<String>>() {});
    private final Converter<Set<Integer>> ints = converter(new TypeRef<Set<Integer>>() {});

    @Provide
    Arbitrary<Set<String>> textSets() {
        return Generators.text().set().ofMaxSize(10);
    }

    @Provide
    Arbitrary<Set<BigDecimal>> decimalSets() {
        return Generators.storableDecimals().set().ofMaxSize(10);
    }

    @Provide
    Arbitrary<Set<LocalDate>> dateSets() {
        return Generators.dates().set().ofMaxSize(10);
    }

    @Provide
    Arbitrary<Set<UUID>> uuidSets() {
        return Arbitraries.randomValue(random -> new UUID(random.nextLong(), random.nextLong()))
                .set()
                .ofMaxSize(5);
    }

    @Provide
    Arbitrary<Set<List<Integer>>> listSets() {
        return Arbitraries.integers().list().ofMaxSize(3).set().ofMaxSize(5);
    }

    @Example
    void attributeType_followsTheElementType() {
        assertThat(strings.attributeType()).isEqualTo(AttributeValue.Type.SS);
        assertThat(ints.attributeType()).isEqualTo(AttributeValue.Type.NS);
        assertThat(converter(new TypeRef<Set<BigDecimal>>() {}).attributeType())
                .isEqualTo(AttributeValue.Type.NS);
        assertThat(converter(new TypeRef<Set<byte[]>>() {}).attributeType())
                .isEqualTo(AttributeValue.Type.BS);
        assertThat(converter(new TypeRef<Set<ByteBuffer>>() {}).attributeType())
                .isEqualTo(AttributeValue.Type.BS);
        assertThat(converter(new TypeRef<Set<LocalDate>>() {}).attributeType())
                .isEqualTo(AttributeValue.Type.SS);
        assertThat(converter(new TypeRef<Set<Flag>>() {}).attributeType())
                .isEqualTo(AttributeValue.Type.SS);
        assertThat(converter(new TypeRef<EnumSet<Flag>>() {}).attributeType())
                .isEqualTo(AttributeValue.Type.SS);
        assertThat(converter(new TypeRef<Set<UUID>>() {}).attributeType())
                .isEqualTo(AttributeValue.Type.SS);
        assertThat(converter(new TypeRef<Set<Boolean>>() {}).attributeType())
                .isEqualTo(AttributeValue.Type.L);
        assertThat(converter(new TypeRef<Set<List<Integer>>>() {}).attributeType())
                .isEqualTo(AttributeValue.Type.L);
        assertThat(converter(new TypeRef<Set<Object>>() {}).attributeType())
                .isEqualTo(AttributeValue.Type.L);
    }

    @Property
    void setOfStrings_roundTripsAsSs(@ForAll("textSets") Set<String> value) {
        AttributeValue attribute = strings.toAttributeValue(value);
        Set<String> read = roundTrip(strings, value);

        if (value.isEmpty()) {
            assertThat(attribute).isNull();
            assertThat(read).isNull();
        } else {
            assertThat(attribute.ss()).containsExactlyInAnyOrderElementsOf(value);
            assertThat(read).isInstanceOf(LinkedHashSet.class).isEqualTo(value);
        }
    }

    @Property
    void setOfIntegers_roundTripsAsNs(@ForAll Set<Integer> value) {
        Set<Integer> read = roundTrip(ints, value);

        assertThat(read).isEqualTo(value.isEmpty() ? null : value);
    }

    @Property
    void setOfDecimals_roundTripsByValue(@ForAll("decimalSets") Set<BigDecimal> value) {
        Converter<Set<BigDecimal>> converter = converter(new TypeRef<Set<BigDecimal>>() {});
        Set<BigDecimal> read = roundTrip(converter, value);

        assertThat(Generators.normalise(read == null ? Set.of() : read))
                .isEqualTo(Generators.normalise(value));
    }

    @Property
    void setOfDates_roundTripsAsSs(@ForAll("dateSets") Set<LocalDate> value) {
        Converter<Set<LocalDate>> converter = converter(new TypeRef<Set<LocalDate>>() {});

        assertThat(roundTrip(converter, value)).isEqualTo(value.isEmpty() ? null : value);
    }

    @Property
    void setOfUuids_roundTrips(@ForAll("uuidSets") Set<UUID> value) {
        Converter<Set<UUID>> converter = converter(new TypeRef<Set<UUID>>() {});

        assertThat(roundTrip(converter, value)).isEqualTo(value.isEmpty() ? null : value);
    }

    @Property
    void setOfEnums_roundTripsAsSs(@ForAll Set<Flag> value) {
        Converter<Set<Flag>> converter = converter(new TypeRef<Set<Flag>>() {});

        assertThat(roundTrip(converter, value)).isEqualTo(value.isEmpty() ? null : value);
    }

    @Property
    void setOfLists_roundTripsAsL(@ForAll("listSets") Set<List<Integer>> value) {
        Converter<Set<List<Integer>>> converter = converter(new TypeRef<Set<List<Integer>>>() {});

        assertThat(roundTrip(converter, value)).isEqualTo(value.isEmpty() ? null : value);
    }

    @Example
    void setOfBooleans_isWrittenAsL() {
        Converter<Set<Boolean>> converter = converter(new TypeRef<Set<Boolean>>() {});
        Set<Boolean> value = new LinkedHashSet<>(List.of(true, false));

        assertThat(converter.toAttributeValue(value))
                .isEqualTo(
                        AttributeValue.fromL(
                                List.of(
                                        AttributeValue.fromBool(true),
                                        AttributeValue.fromBool(false))));
        assertThat(roundTrip(converter, value)).isEqualTo(value);
    }

    @Example
    void setOfBytes_isWrittenAsBsWithoutDuplicateContent() {
        Converter<Set<byte[]>> converter = converter(new TypeRef<Set<byte[]>>() {});
        Set<byte[]> value =
                new LinkedHashSet<>(List.of(new byte[] {1, 2}, new byte[] {1, 2}, new byte[] {3}));

        AttributeValue attribute = converter.toAttributeValue(value);

        assertThat(attribute.bs())
                .containsExactly(
                        SdkBytes.fromByteArray(new byte[] {1, 2}),
                        SdkBytes.fromByteArray(new byte[] {3}));
        assertThat(converter.fromAttributeValue(attribute)).hasSize(2);
    }

    @Example
    void setOfDecimals_equalInValue_isWrittenOnce() {
        Converter<Set<BigDecimal>> converter = converter(new TypeRef<Set<BigDecimal>>() {});
        Set<BigDecimal> value =
                new LinkedHashSet<>(
                        List.of(new BigDecimal("1.0"), new BigDecimal("1.00"), BigDecimal.TEN));

        assertThat(converter.toAttributeValue(value).ns()).containsExactly("1.0", "10");
    }

    @Example
    void setOfDoubles_negativeAndPositiveZero_areWrittenOnce() {
        Converter<Set<Double>> converter = converter(new TypeRef<Set<Double>>() {});

        assertThat(converter.toAttributeValue(new LinkedHashSet<>(List.of(-0.0, 0.0, 1.5))).ns())
                .containsExactly("0", "1.5");
    }

    @Example
    void emptySet_isOmittedAndAbsentReadsAsNull() {
        assertThat(strings.toAttributeValue(Set.of())).isNull();
        assertThat(ints.toAttributeValue(new HashSet<>())).isNull();
        assertThat(converter(new TypeRef<Set<Boolean>>() {}).toAttributeValue(Set.of())).isNull();
        assertThat(strings.absentValue()).isNull();
    }

    @Example
    void set_readsListAttributesAndDropsDuplicates() {
        AttributeValue list =
                AttributeValue.fromL(
                        List.of(
                                AttributeValue.fromS("b"),
                                AttributeValue.fromS("a"),
                                AttributeValue.fromS("b")));

        assertThat(strings.fromAttributeValue(list)).containsExactly("b", "a");
        assertThat(ints.fromAttributeValue(AttributeValue.fromNs(List.of("1", "1.0", "2"))))
                .containsExactly(1, 2);
    }

    @Example
    void sortedSet_isReadIntoTreeSet() {
        Converter<SortedSet<String>> sorted = converter(new TypeRef<SortedSet<String>>() {});
        Converter<NavigableSet<Integer>> navigable =
                converter(new TypeRef<NavigableSet<Integer>>() {});
        Converter<TreeSet<String>> tree = converter(new TypeRef<TreeSet<String>>() {});

        assertThat(sorted.fromAttributeValue(AttributeValue.fromSs(List.of("b", "a"))))
                .isInstanceOf(TreeSet.class)
                .containsExactly("a", "b");
        assertThat(navigable.fromAttributeValue(AttributeValue.fromNs(List.of("3", "-1"))))
                .isInstanceOf(TreeSet.class)
                .containsExactly(-1, 3);
        assertThat(roundTrip(tree, new TreeSet<>(Set.of("x", "y"))))
                .isInstanceOf(TreeSet.class)
                .containsExactly("x", "y");
    }

    @Example
    void enumSet_isReadIntoEnumSet() {
        Converter<EnumSet<Flag>> converter = converter(new TypeRef<EnumSet<Flag>>() {});

        Set<Flag> read = roundTrip(converter, EnumSet.of(Flag.C, Flag.A));

        assertThat(read).isInstanceOf(EnumSet.class).containsExactly(Flag.A, Flag.C);
        assertThat(converter.toAttributeValue(EnumSet.noneOf(Flag.class))).isNull();
    }

    @Example
    void set_declaredAsHashSet_isReadIntoLinkedHashSet() {
        Converter<HashSet<String>> converter = converter(new TypeRef<HashSet<String>>() {});

        assertThat(converter.fromAttributeValue(AttributeValue.fromSs(List.of("z", "a"))))
                .isInstanceOf(HashSet.class)
                .containsExactly("z", "a");
    }

    @Example
    void nullMember_isRejectedForScalarSets() {
        Set<String> value = new HashSet<>(Arrays.asList("a", null));

        assertThatThrownBy(() -> strings.toAttributeValue(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "java.util.Set<java.lang.String> cannot contain null when stored as SS");
    }

    @Example
    void nulMember_inListAttribute_isRejectedForSortedSets() {
        Converter<SortedSet<String>> sorted = converter(new TypeRef<SortedSet<String>>() {});
        AttributeValue list =
                AttributeValue.fromL(
                        List.of(AttributeValue.fromS("a"), AttributeValue.fromNul(true)));

        assertThat(strings.fromAttributeValue(list)).containsExactly("a", null);
        assertThatThrownBy(() -> sorted.fromAttributeValue(list))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("java.util.SortedSet<java.lang.String> cannot contain null");
    }

    @Example
    void set_readFromWrongType_isRejected() {
        assertThatThrownBy(() -> strings.fromAttributeValue(AttributeValue.fromNs(List.of("1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "expected attribute of type SS or L for java.util.Set<java.lang.String> but got NS");
        assertThatThrownBy(
                        () ->
                                converter(new TypeRef<Set<Boolean>>() {})
                                        .fromAttributeValue(AttributeValue.fromM(Map.of())))
                .hasMessage(
                        "expected attribute of type L for java.util.Set<java.lang.Boolean> but got M");
    }

    @Example
    void set_elementErrors_propagate() {
        assertThatThrownBy(() -> ints.fromAttributeValue(AttributeValue.fromNs(List.of("1.5"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("number 1.5 is not an integer; java.lang.Integer cannot hold it");
    }

    @Example
    void set_preservesIterationOrderOnWrite() {
        Set<String> value = new LinkedHashSet<>(List.of("c", "a", "b"));

        assertThat(new ArrayList<>(strings.toAttributeValue(value).ss()))
                .containsExactly("c", "a", "b");
    }
}
