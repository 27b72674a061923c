package dev.dynamorm.converters.internal;

import static dev.dynamorm.converters.internal.RecursiveLookup.converter;
import static dev.dynamorm.converters.internal.RecursiveLookup.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.Converter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

final class DocumentConverterTest {

    private final Converter<Object> objects = converter(Object.class);
    private final Converter<Map<String, Object>> documents =
            converter(new TypeRef<Map<String, Object>>() {});

    @Provide
    Arbitrary<Map<String, Object>> documents() {
        return Arbitraries.maps(Generators.text(), value(3)).ofMaxSize(5);
    }

    private static Arbitrary<Object> value(int depth) {
        Arbitrary<Object> leaf =
                Arbitraries.<Object>oneOf(
                        Generators.text(),
                        Arbitraries.integers(),
                        Arbitraries.longs(),
                        Generators.storableDecimals(),
                        Arbitraries.of(true, false),
                        Generators.bytes(),
                        Arbitraries.just(null));
        if (depth == 0) {
            return leaf;
        }
        return Arbitraries.<Object>frequencyOf(
                Tuple.of(4, leaf),
                Tuple.of(
                        1,
                        Arbitraries.maps(Generators.text(), value(depth - 1))
                                .ofMaxSize(3)
                                .map(Object.class::cast)),
                Tuple.of(1, value(depth - 1).list().ofMaxSize(3).map(Object.class::cast)));
    }

    @Property(tries = 300)
    void mapOfStringToObject_roundTripsNestedDocuments(
            @ForAll("documents") Map<String, Object> value) {
        AttributeValue attribute = documents.toAttributeValue(value);
        Map<String, Object> read = documents.fromAttributeValue(attribute);

        assertThat(Generators.normalise(read)).isEqualTo(Generators.normalise(value));
        assertThat(documents.toAttributeValue(read)).isEqualTo(attribute);
    }

    @Property(tries = 300)
    void object_roundTripsAnyDocumentValue(@ForAll("documents") Map<String, Object> value) {
        Object read = roundTrip(objects, value);

        assertThat(read).isInstanceOf(LinkedHashMap.class);
        assertThat(Generators.normalise(read)).isEqualTo(Generators.normalise(value));
    }

    @Example
    void object_writesEachKindAsItsAttributeType() {
        assertThat(objects.toAttributeValue("x")).isEqualTo(AttributeValue.fromS("x"));
        assertThat(objects.toAttributeValue(42)).isEqualTo(AttributeValue.fromN("42"));
        assertThat(objects.toAttributeValue(0.5)).isEqualTo(AttributeValue.fromN("0.5"));
        assertThat(objects.toAttributeValue(BigInteger.TWO)).isEqualTo(AttributeValue.fromN("2"));
        assertThat(objects.toAttributeValue(true)).isEqualTo(AttributeValue.fromBool(true));
        assertThat(objects.toAttributeValue(new byte[] {1}))
                .isEqualTo(AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1})));
        assertThat(objects.toAttributeValue(ByteBuffer.wrap(new byte[] {1})))
                .isEqualTo(AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1})));
        assertThat(objects.toAttributeValue(Arrays.asList("a", null)))
                .isEqualTo(
                        AttributeValue.fromL(
                                List.of(AttributeValue.fromS("a"), AttributeValue.fromNul(true))));
        assertThat(objects.toAttributeValue(new Object[] {1}))
                .isEqualTo(AttributeValue.fromL(List.of(AttributeValue.fromN("1"))));
        assertThat(objects.toAttributeValue(Map.of("k", List.of())))
                .isEqualTo(AttributeValue.fromM(Map.of("k", AttributeValue.fromL(List.of()))));
    }

    @Example
    void object_readsEachAttributeType() {
        assertThat(objects.fromAttributeValue(AttributeValue.fromS("x"))).isEqualTo("x");
        assertThat(objects.fromAttributeValue(AttributeValue.fromN("1.50")))
                .isEqualTo(new BigDecimal("1.50"));
        assertThat(objects.fromAttributeValue(AttributeValue.fromBool(false))).isEqualTo(false);
        assertThat(
                        objects.fromAttributeValue(
                                AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {7}))))
                .isEqualTo(new byte[] {7});
        assertThat(objects.fromAttributeValue(AttributeValue.fromNul(true))).isNull();
        assertThat(
                        objects.fromAttributeValue(
                                AttributeValue.fromL(List.of(AttributeValue.fromS("a")))))
                .isInstanceOf(ArrayList.class)
                .isEqualTo(List.of("a"));
        assertThat(objects.fromAttributeValue(AttributeValue.fromSs(List.of("a", "b"))))
                .isInstanceOf(LinkedHashSet.class)
                .isEqualTo(Set.of("a", "b"));
        assertThat(objects.fromAttributeValue(AttributeValue.fromNs(List.of("1", "2.5"))))
                .isEqualTo(Set.of(BigDecimal.ONE, new BigDecimal("2.5")));
        assertThat(
                        (Set<?>)
                                objects.fromAttributeValue(
                                        AttributeValue.fromBs(
                                                List.of(SdkBytes.fromByteArray(new byte[] {1})))))
                .singleElement()
                .isEqualTo(new byte[] {1});
    }

    @Example
    void set_isWrittenAsScalarSetWhenHomogeneous() {
        assertThat(objects.toAttributeValue(new LinkedHashSet<>(List.of("a", "b"))))
                .isEqualTo(AttributeValue.fromSs(List.of("a", "b")));
        assertThat(objects.toAttributeValue(new LinkedHashSet<>(List.of(1, 1L, 2.0))))
                .isEqualTo(AttributeValue.fromNs(List.of("1", "2")));
        assertThat(objects.toAttributeValue(Set.of(new byte[] {1})))
                .isEqualTo(AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {1}))));
        assertThat(objects.toAttributeValue(new LinkedHashSet<>(List.of("a", 1))))
                .isEqualTo(
                        AttributeValue.fromL(
                                List.of(AttributeValue.fromS("a"), AttributeValue.fromN("1"))));
        assertThat(objects.toAttributeValue(Set.of())).isEqualTo(AttributeValue.fromL(List.of()));
    }

    @Example
    void listOfObject_roundTrips() {
        Converter<List<Object>> converter = converter(new TypeRef<List<Object>>() {});
        List<Object> value =
                Arrays.asList("a", new BigDecimal("1"), null, List.of(true), Map.of("x", "y"));

        assertThat(roundTrip(converter, value)).isEqualTo(value);
    }

    @Example
    void unsupportedValue_isRejected() {
        assertThatThrownBy(() -> objects.toAttributeValue(Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "cannot store java.time.Instant in a document; document values are String, Number, Boolean,"
                                + " byte[], ByteBuffer, Map with String keys, Collection, Object[] or null");
        assertThatThrownBy(() -> objects.toAttributeValue(Map.of(1, "x")))
                .hasMessage("document map keys must be strings; found java.lang.Integer");
        assertThatThrownBy(() -> objects.toAttributeValue(List.of(Double.NaN)))
                .hasMessage(
                        "java.lang.Double value NaN is not a finite number; DynamoDB cannot store it");
    }

    @Example
    void attributeType_isM() {
        assertThat(objects.attributeType()).isEqualTo(AttributeValue.Type.M);
        assertThat(documents.attributeType()).isEqualTo(AttributeValue.Type.M);
    }
}
