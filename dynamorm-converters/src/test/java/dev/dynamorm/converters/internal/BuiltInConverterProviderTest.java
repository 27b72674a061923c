package dev.dynamorm.converters.internal;

import static dev.dynamorm.converters.internal.RecursiveLookup.converter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.Converter;
import dev.dynamorm.ConverterLookup;
import dev.dynamorm.ConverterProvider;
import java.lang.reflect.Field;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

final class BuiltInConverterProviderTest {

    private final BuiltInConverterProvider provider = new BuiltInConverterProvider();

    record Address(String street) {}

    enum Color {
        RED
    }

    @SuppressWarnings({"rawtypes", "unused"})
    static final class Fields<T> {
        List raw;
        Set rawSet;
        Map rawMap;
        Optional rawOptional;
        List<T> ofTypeVariable;
        T typeVariable;
        T[] arrayOfTypeVariable;
        List<? extends Number> upperBounded;
        List<? super Integer> lowerBounded;
        List<?> unbounded;
        Map<Instant, String> instantKeys;
        Map<Object, String> objectKeys;
        List<Address> records;
    }

    private static Type field(String name) {
        try {
            Field field = Fields.class.getDeclaredField(name);
            return field.getGenericType();
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void serviceLoader_findsTheProvider() {
        List<ConverterProvider> providers = new ArrayList<>();
        ServiceLoader.load(ConverterProvider.class).forEach(providers::add);

        assertThat(providers).hasAtLeastOneElementOfType(BuiltInConverterProvider.class);
    }

    @Test
    void priority_isZero() {
        assertThat(provider.priority()).isZero();
    }

    @Test
    void rawContainers_haveNoConverter() {
        assertThat(provider.converterFor(List.class, RecursiveLookup.INSTANCE)).isEmpty();
        assertThat(provider.converterFor(field("raw"), RecursiveLookup.INSTANCE)).isEmpty();
        assertThat(provider.converterFor(field("rawSet"), RecursiveLookup.INSTANCE)).isEmpty();
        assertThat(provider.converterFor(field("rawMap"), RecursiveLookup.INSTANCE)).isEmpty();
        assertThat(provider.converterFor(field("rawOptional"), RecursiveLookup.INSTANCE)).isEmpty();
        assertThat(provider.converterFor(Collection.class, RecursiveLookup.INSTANCE)).isEmpty();
    }

    @Test
    void typeVariables_haveNoConverter() {
        assertThat(provider.converterFor(field("typeVariable"), RecursiveLookup.INSTANCE))
                .isEmpty();
        assertThat(provider.converterFor(field("ofTypeVariable"), RecursiveLookup.INSTANCE))
                .isEmpty();
        assertThat(provider.converterFor(field("arrayOfTypeVariable"), RecursiveLookup.INSTANCE))
                .isEmpty();
    }

    @Test
    void unsupportedMapKeys_haveNoConverter() {
        assertThat(provider.converterFor(field("instantKeys"), RecursiveLookup.INSTANCE)).isEmpty();
        assertThat(provider.converterFor(field("objectKeys"), RecursiveLookup.INSTANCE)).isEmpty();
    }

    @Test
    void recordsAndUnknownClasses_areLeftToTheEngine() {
        assertThat(provider.converterFor(Address.class, RecursiveLookup.INSTANCE)).isEmpty();
        assertThat(provider.converterFor(Thread.class, RecursiveLookup.INSTANCE)).isEmpty();
        assertThat(provider.converterFor(field("records"), RecursiveLookup.INSTANCE)).isEmpty();
        assertThat(provider.converterFor(void.class, RecursiveLookup.INSTANCE)).isEmpty();
    }

    @Test
    void elementTypes_areResolvedThroughTheLookup() {
        Converter<Address> addresses =
                new Converter<>() {
                    @Override
                    public AttributeValue toAttributeValue(Address value) {
                        return AttributeValue.fromS(value.street());
                    }

                    @Override
                    public Address fromAttributeValue(AttributeValue attribute) {
                        return new Address(attribute.s());
                    }

                    @Override
                    public AttributeValue.Type attributeType() {
                        return AttributeValue.Type.S;
                    }
                };
        List<Type> asked = new ArrayList<>();
        ConverterLookup engine =
                new ConverterLookup() {
                    @Override
                    public Optional<Converter<?>> find(Type type) {
                        asked.add(type);
                        return type == Address.class
                                ? Optional.of(addresses)
                                : provider.converterFor(type, this);
                    }
                };

        @SuppressWarnings("unchecked")
        Converter<List<Address>> list =
                (Converter<List<Address>>)
                        provider.converterFor(field("records"), engine).orElseThrow();
        @SuppressWarnings("unchecked")
        Converter<Set<Address>> set =
                (Converter<Set<Address>>)
                        provider.converterFor(new TypeRef<Set<Address>>() {}.type(), engine)
                                .orElseThrow();

        assertThat(list.fromAttributeValue(list.toAttributeValue(List.of(new Address("Main St")))))
                .containsExactly(new Address("Main St"));
        assertThat(set.attributeType()).isEqualTo(AttributeValue.Type.SS);
        assertThat(asked).containsOnly(Address.class);
    }

    @Test
    void wildcards_resolveToTheirUpperBound() {
        Converter<List<Number>> upper = converter(field("upperBounded"));
        Converter<List<Object>> lower = converter(field("lowerBounded"));
        Converter<List<Object>> unbounded = converter(field("unbounded"));

        assertThat(upper.fromAttributeValue(upper.toAttributeValue(List.of(1, 2.5))))
                .containsExactly(BigDecimal.ONE, new BigDecimal("2.5"));
        assertThat(lower.toAttributeValue(List.of(1)).l())
                .containsExactly(AttributeValue.fromN("1"));
        assertThat(unbounded.toAttributeValue(List.of("a")).l())
                .containsExactly(AttributeValue.fromS("a"));
    }

    @Test
    void nullArguments_areRejected() {
        assertThatThrownBy(() -> provider.converterFor(null, RecursiveLookup.INSTANCE))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> provider.converterFor(String.class, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void scalarConverters_areShared() {
        assertThat(converter(String.class)).isSameAs(converter(String.class));
        assertThat(converter(int.class)).isNotSameAs(converter(Integer.class));
    }

    static Stream<Arguments> attributeTypes() {
        return Stream.of(
                Arguments.of(String.class, AttributeValue.Type.S),
                Arguments.of(char.class, AttributeValue.Type.S),
                Arguments.of(Character.class, AttributeValue.Type.S),
                Arguments.of(boolean.class, AttributeValue.Type.BOOL),
                Arguments.of(Boolean.class, AttributeValue.Type.BOOL),
                Arguments.of(byte.class, AttributeValue.Type.N),
                Arguments.of(short.class, AttributeValue.Type.N),
                Arguments.of(int.class, AttributeValue.Type.N),
                Arguments.of(Integer.class, AttributeValue.Type.N),
                Arguments.of(long.class, AttributeValue.Type.N),
                Arguments.of(float.class, AttributeValue.Type.N),
                Arguments.of(double.class, AttributeValue.Type.N),
                Arguments.of(BigDecimal.class, AttributeValue.Type.N),
                Arguments.of(BigInteger.class, AttributeValue.Type.N),
                Arguments.of(Number.class, AttributeValue.Type.N),
                Arguments.of(byte[].class, AttributeValue.Type.B),
                Arguments.of(ByteBuffer.class, AttributeValue.Type.B),
                Arguments.of(Instant.class, AttributeValue.Type.S),
                Arguments.of(LocalDate.class, AttributeValue.Type.S),
                Arguments.of(LocalDateTime.class, AttributeValue.Type.S),
                Arguments.of(OffsetDateTime.class, AttributeValue.Type.S),
                Arguments.of(ZonedDateTime.class, AttributeValue.Type.S),
                Arguments.of(Duration.class, AttributeValue.Type.S),
                Arguments.of(UUID.class, AttributeValue.Type.S),
                Arguments.of(URI.class, AttributeValue.Type.S),
                Arguments.of(Color.class, AttributeValue.Type.S),
                Arguments.of(String[].class, AttributeValue.Type.L),
                Arguments.of(int[].class, AttributeValue.Type.L),
                Arguments.of(long[].class, AttributeValue.Type.L),
                Arguments.of(Object.class, AttributeValue.Type.M),
                Arguments.of(new TypeRef<List<String>>() {}.type(), AttributeValue.Type.L),
                Arguments.of(new TypeRef<Collection<Integer>>() {}.type(), AttributeValue.Type.L),
                Arguments.of(new TypeRef<Set<String>>() {}.type(), AttributeValue.Type.SS),
                Arguments.of(new TypeRef<Set<Integer>>() {}.type(), AttributeValue.Type.NS),
                Arguments.of(new TypeRef<Set<byte[]>>() {}.type(), AttributeValue.Type.BS),
                Arguments.of(new TypeRef<Set<LocalDate>>() {}.type(), AttributeValue.Type.SS),
                Arguments.of(new TypeRef<Set<Color>>() {}.type(), AttributeValue.Type.SS),
                Arguments.of(new TypeRef<Map<String, Object>>() {}.type(), AttributeValue.Type.M),
                Arguments.of(new TypeRef<Optional<Long>>() {}.type(), AttributeValue.Type.N));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("attributeTypes")
    void attributeType_ofEachBuiltIn(Type type, AttributeValue.Type expected) {
        assertThat(converter(type).attributeType()).isEqualTo(expected);
    }
}
