package dev.dynamorm.engine.internal.model;

import dev.dynamorm.Converter;
import dev.dynamorm.ConverterLookup;
import dev.dynamorm.ConverterProvider;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A minimal converter provider for tests: strings, numbers, booleans, times, bytes, enums, lists
 * and maps.
 */
final class TestConverters implements ConverterProvider {

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public Optional<Converter<?>> converterFor(Type type, ConverterLookup lookup) {
        if (type == String.class) {
            return Optional.of(
                    scalar(
                            AttributeValue.Type.S,
                            s -> AttributeValue.fromS((String) s),
                            AttributeValue::s,
                            null));
        }
        if (type == int.class || type == Integer.class) {
            return Optional.of(
                    scalar(
                            AttributeValue.Type.N,
                            n -> AttributeValue.fromN(((Integer) n).toString()),
                            a -> Integer.valueOf(a.n()),
                            type == int.class ? 0 : null));
        }
        if (type == long.class || type == Long.class) {
            return Optional.of(
                    scalar(
                            AttributeValue.Type.N,
                            n -> AttributeValue.fromN(((Long) n).toString()),
                            a -> Long.valueOf(a.n()),
                            type == long.class ? 0L : null));
        }
        if (type == double.class || type == Double.class) {
            return Optional.of(
                    scalar(
                            AttributeValue.Type.N,
                            n -> AttributeValue.fromN(((Double) n).toString()),
                            a -> Double.valueOf(a.n()),
                            type == double.class ? 0.0 : null));
        }
        if (type == boolean.class || type == Boolean.class) {
            return Optional.of(
                    scalar(
                            AttributeValue.Type.BOOL,
                            b -> AttributeValue.fromBool((Boolean) b),
                            AttributeValue::bool,
                            type == boolean.class ? false : null));
        }
        if (type == Instant.class) {
            return Optional.of(
                    scalar(
                            AttributeValue.Type.S,
                            i -> AttributeValue.fromS(i.toString()),
                            a -> Instant.parse(a.s()),
                            null));
        }
        if (type == LocalDateTime.class) {
            return Optional.of(
                    scalar(
                            AttributeValue.Type.S,
                            i -> AttributeValue.fromS(i.toString()),
                            a -> LocalDateTime.parse(a.s()),
                            null));
        }
        if (type == OffsetDateTime.class) {
            return Optional.of(
                    scalar(
                            AttributeValue.Type.S,
                            i -> AttributeValue.fromS(i.toString()),
                            a -> OffsetDateTime.parse(a.s()),
                            null));
        }
        if (type == ZonedDateTime.class) {
            return Optional.of(
                    scalar(
                            AttributeValue.Type.S,
                            i -> AttributeValue.fromS(i.toString()),
                            a -> ZonedDateTime.parse(a.s()),
                            null));
        }
        if (type == byte[].class) {
            return Optional.of(
                    scalar(
                            AttributeValue.Type.B,
                            b -> AttributeValue.fromB(SdkBytes.fromByteArray((byte[]) b)),
                            a -> a.b().asByteArray(),
                            null));
        }
        if (type instanceof Class<?> c && c.isEnum()) {
            return Optional.of(
                    scalar(
                            AttributeValue.Type.S,
                            e -> AttributeValue.fromS(((Enum<?>) e).name()),
                            a -> enumValue(c, a.s()),
                            null));
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            Optional<Converter<?>> element = lookup.find(p.getActualTypeArguments()[0]);
            return element.map(TestConverters::list);
        }
        if (type instanceof ParameterizedType p
                && p.getRawType() == Map.class
                && p.getActualTypeArguments()[0] == String.class) {
            Optional<Converter<?>> value = lookup.find(p.getActualTypeArguments()[1]);
            return value.map(TestConverters::map);
        }
        return Optional.empty();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> c, String name) {
        return Enum.valueOf((Class) c, name);
    }

    static Converter<Object> scalar(
            AttributeValue.Type type,
            Function<Object, AttributeValue> to,
            Function<AttributeValue, Object> from,
            Object absent) {
        return new Converter<>() {
            @Override
            public AttributeValue toAttributeValue(Object value) {
                return to.apply(value);
            }

            @Override
            public Object fromAttributeValue(AttributeValue attribute) {
                if (attribute.type() != type) {
                    throw new IllegalArgumentException(
                            "expected " + type + " but got " + attribute.type());
                }
                try {
                    return from.apply(attribute);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(
                            "unreadable " + type + ": " + e.getMessage(), e);
                }
            }

            @Override
            public AttributeValue.Type attributeType() {
                return type;
            }

            @Override
            public Object absentValue() {
                return absent;
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static Converter<?> list(Converter<?> element) {
        Converter<Object> e = (Converter<Object>) element;
        return new Converter<List<Object>>() {
            @Override
            public AttributeValue toAttributeValue(List<Object> value) {
                List<AttributeValue> out = new ArrayList<>();
                for (Object o : value) {
                    out.add(o == null ? AttributeValue.fromNul(true) : e.toAttributeValue(o));
                }
                return AttributeValue.fromL(out);
            }

            @Override
            public List<Object> fromAttributeValue(AttributeValue attribute) {
                List<Object> out = new ArrayList<>();
                for (AttributeValue a : attribute.l()) {
                    out.add(Boolean.TRUE.equals(a.nul()) ? null : e.fromAttributeValue(a));
                }
                return out;
            }

            @Override
            public AttributeValue.Type attributeType() {
                return AttributeValue.Type.L;
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static Converter<?> map(Converter<?> value) {
        Converter<Object> v = (Converter<Object>) value;
        return new Converter<Map<String, Object>>() {
            @Override
            public AttributeValue toAttributeValue(Map<String, Object> map) {
                Map<String, AttributeValue> out = new LinkedHashMap<>();
                map.forEach(
                        (k, o) ->
                                out.put(
                                        k,
                                        o == null
                                                ? AttributeValue.fromNul(true)
                                                : v.toAttributeValue(o)));
                return AttributeValue.fromM(out);
            }

            @Override
            public Map<String, Object> fromAttributeValue(AttributeValue attribute) {
                Map<String, Object> out = new LinkedHashMap<>();
                attribute
                        .m()
                        .forEach(
                                (k, a) ->
                                        out.put(
                                                k,
                                                Boolean.TRUE.equals(a.nul())
                                                        ? null
                                                        : v.fromAttributeValue(a)));
                return out;
            }

            @Override
            public AttributeValue.Type attributeType() {
                return AttributeValue.Type.M;
            }
        };
    }

    /** A registry with only these converters. */
    static ModelRegistry registry() {
        return new ModelRegistry(new ConverterRegistry(List.of(new TestConverters())));
    }
}
