package dev.dynamorm.converters.internal;

import dev.dynamorm.Converter;
import dev.dynamorm.ConverterLookup;
import dev.dynamorm.ConverterProvider;
import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The built-in converters, found by {@link java.util.ServiceLoader} with priority 0.
 *
 * <p>Handles:
 *
 * <ul>
 *   <li>{@code String}, {@code char}/{@code Character}, enums (by name), {@code UUID}, {@code URI}
 *       as S;
 *   <li>{@code Instant}, {@code LocalDate}, {@code LocalTime}, {@code LocalDateTime}, {@code
 *       OffsetDateTime}, {@code ZonedDateTime}, {@code Duration}, {@code Period}, {@code
 *       YearMonth}, {@code ZoneId}, {@code ZoneOffset} as ISO-8601 S;
 *   <li>{@code boolean}/{@code Boolean} as BOOL;
 *   <li>{@code byte}, {@code short}, {@code int}, {@code long}, {@code float}, {@code double},
 *       their boxes, {@code BigDecimal}, {@code BigInteger}, {@code Number}, {@code OptionalInt},
 *       {@code OptionalLong}, {@code OptionalDouble} as N;
 *   <li>{@code byte[]} and {@code ByteBuffer} as B;
 *   <li>{@code Optional<X>} as X's attribute, omitted when empty;
 *   <li>{@code List}, {@code Collection}, {@code ArrayList}, {@code LinkedList} and arrays (other
 *       than {@code byte[]}) as L;
 *   <li>{@code Set}, {@code HashSet}, {@code LinkedHashSet}, {@code SortedSet}, {@code
 *       NavigableSet}, {@code TreeSet}, {@code EnumSet} as SS, NS or BS when the element is written
 *       as S, N or B, else L;
 *   <li>{@code Map}, {@code HashMap}, {@code LinkedHashMap}, {@code SortedMap}, {@code
 *       NavigableMap}, {@code TreeMap}, {@code EnumMap} with keys of type {@code String}, an enum,
 *       {@code UUID}, {@code Integer} or {@code Long} as M;
 *   <li>{@code Object} as a schemaless document value (so {@code Map<String, Object>} and {@code
 *       List<Object>} work).
 * </ul>
 *
 * <p>Element types of containers are resolved through the {@link ConverterLookup}, so nested
 * records and beans and user converters work inside containers. Wildcards resolve to their upper
 * bound. Raw container types, type variables and types not listed give no converter.
 */
public final class BuiltInConverterProvider implements ConverterProvider {

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public BuiltInConverterProvider() {}

    /**
     * Built-ins come last, so that every user provider overrides them.
     *
     * @return 0
     */
    @Override
    public int priority() {
        return 0;
    }

    /**
     * Returns the built-in converter for a type.
     *
     * @param type a class, parameterized type, generic array type or wildcard
     * @param lookup finds the converters of element types
     * @return the converter, or empty for types not handled (raw containers, type variables,
     *     records, beans, unknown classes)
     */
    @Override
    public Optional<Converter<?>> converterFor(Type type, ConverterLookup lookup) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(lookup, "lookup");
        if (type instanceof Class<?> cls) {
            return forClass(cls, lookup);
        }
        if (type instanceof ParameterizedType parameterized) {
            return forParameterized(parameterized, lookup);
        }
        if (type instanceof GenericArrayType array) {
            return forGenericArray(array, lookup);
        }
        if (type instanceof WildcardType wildcard) {
            return lookup.find(upperBound(wildcard));
        }
        return Optional.empty();
    }

    private static Optional<Converter<?>> forClass(Class<?> cls, ConverterLookup lookup) {
        Converter<?> scalar = scalar(cls);
        if (scalar == null) {
            scalar = textForm(cls);
        }
        if (scalar != null) {
            return Optional.of(scalar);
        }
        if (Enum.class.isAssignableFrom(cls) && cls != Enum.class) {
            // a constant with a body has an anonymous subclass of the enum as its class
            Class<?> enumType = cls.isEnum() ? cls : cls.getSuperclass();
            return Optional.of(enumConverter(enumType));
        }
        if (cls.isArray()) {
            Class<?> component = cls.getComponentType();
            if (component.isPrimitive()) {
                PrimitiveArrayKind kind = PrimitiveArrayKind.of(component);
                return kind == null
                        ? Optional.empty()
                        : element(component, lookup).map(e -> new PrimitiveArrayConverter(kind, e));
            }
            return element(component, lookup)
                    .map(
                            e ->
                                    new ObjectArrayConverter(
                                            e,
                                            (Object[]) Array.newInstance(component, 0),
                                            cls.getTypeName()));
        }
        return Optional.empty();
    }

    private static Optional<Converter<?>> forGenericArray(
            GenericArrayType type, ConverterLookup lookup) {
        Type component = type.getGenericComponentType();
        Class<?> raw = rawClass(component);
        if (raw == null) {
            return Optional.empty();
        }
        return element(component, lookup)
                .map(
                        e ->
                                new ObjectArrayConverter(
                                        e,
                                        (Object[]) Array.newInstance(raw, 0),
                                        type.getTypeName()));
    }

    // JdkObsolete: a field declared as LinkedList must be read back as one
    @SuppressWarnings("JdkObsolete")
    private static Optional<Converter<?>> forParameterized(
            ParameterizedType type, ConverterLookup lookup) {
        if (!(type.getRawType() instanceof Class<?> raw)) {
            return Optional.empty();
        }
        String target = type.getTypeName();
        if (raw == Optional.class) {
            return element(argument(type, 0), lookup).map(OptionalConverter::new);
        }
        if (raw == List.class || raw == Collection.class || raw == ArrayList.class) {
            // the most common container: no lambda (each spins a hidden class at first use)
            Converter<Object> e = element(argument(type, 0), lookup).orElse(null);
            return e == null
                    ? Optional.empty()
                    : Optional.of(new CollectionConverter(e, null, target));
        }
        if (raw == LinkedList.class) {
            return element(argument(type, 0), lookup)
                    .map(e -> new CollectionConverter(e, size -> new LinkedList<>(), target));
        }
        if (raw == Set.class || raw == HashSet.class || raw == LinkedHashSet.class) {
            return element(argument(type, 0), lookup)
                    .map(
                            e ->
                                    new SetConverter(
                                            e,
                                            size -> new LinkedHashSet<>(capacity(size)),
                                            true,
                                            target));
        }
        if (raw == SortedSet.class || raw == NavigableSet.class || raw == TreeSet.class) {
            Type elementType = argument(type, 0);
            Class<?> elementClass = rawClass(elementType);
            if (elementClass == null || !Comparable.class.isAssignableFrom(elementClass)) {
                return Optional.empty();
            }
            return element(elementType, lookup)
                    .map(e -> new SetConverter(e, size -> new TreeSet<>(), false, target));
        }
        if (raw == EnumSet.class) {
            Type elementType = argument(type, 0);
            if (!(elementType instanceof Class<?> enumType) || !enumType.isEnum()) {
                return Optional.empty();
            }
            return element(enumType, lookup)
                    .map(e -> new SetConverter(e, size -> enumSet(enumType), false, target));
        }
        if (Map.class.isAssignableFrom(raw)) {
            return forMap(type, raw, lookup);
        }
        return Optional.empty();
    }

    private static Optional<Converter<?>> forMap(
            ParameterizedType type, Class<?> raw, ConverterLookup lookup) {
        Type keyType = argument(type, 0);
        if (!(keyType instanceof Class<?> keyClass)) {
            return Optional.empty();
        }
        if (MapConverter.keyKind(keyClass) == MapConverter.UNSUPPORTED_KEYS) {
            return Optional.empty();
        }
        Supplier<? extends Map<Object, Object>> factory;
        if (raw == Map.class) {
            // null: a LinkedHashMap, without a factory class to load
            factory = keyClass.isEnum() ? () -> enumMap(keyClass) : null;
        } else if (raw == HashMap.class || raw == LinkedHashMap.class) {
            factory = null;
        } else if (raw == SortedMap.class || raw == NavigableMap.class || raw == TreeMap.class) {
            factory = TreeMap::new;
        } else if (raw == EnumMap.class && keyClass.isEnum()) {
            factory = () -> enumMap(keyClass);
        } else {
            return Optional.empty();
        }
        String target = type.getTypeName();
        Converter<Object> v = element(argument(type, 1), lookup).orElse(null);
        return v == null
                ? Optional.empty()
                : Optional.of(new MapConverter(keyClass, v, factory, target));
    }

    @SuppressWarnings("unchecked") // a converter of the element type converts its values
    private static Optional<Converter<Object>> element(Type type, ConverterLookup lookup) {
        return (Optional<Converter<Object>>) (Optional<?>) lookup.find(type);
    }

    /** A type argument, with a wildcard replaced by its upper bound. */
    private static Type argument(ParameterizedType type, int index) {
        Type argument = type.getActualTypeArguments()[index];
        return argument instanceof WildcardType wildcard ? upperBound(wildcard) : argument;
    }

    /** The upper bound of a wildcard ({@code Object} for {@code ?} and {@code ? super X}). */
    private static Type upperBound(WildcardType wildcard) {
        Type[] bounds = wildcard.getUpperBounds();
        return bounds.length == 0 ? Object.class : bounds[0];
    }

    /**
     * The class of a class, parameterized or generic array type, or {@code null} for type
     * variables.
     */
    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> cls) {
            return cls;
        }
        if (type instanceof ParameterizedType parameterized) {
            return rawClass(parameterized.getRawType());
        }
        if (type instanceof GenericArrayType array) {
            Class<?> component = rawClass(array.getGenericComponentType());
            return component == null ? null : component.arrayType();
        }
        if (type instanceof WildcardType wildcard) {
            return rawClass(upperBound(wildcard));
        }
        return null;
    }

    private static int capacity(int size) {
        return Math.max(16, (int) (size / 0.75f) + 1);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Converter<?> enumConverter(Class<?> enumType) {
        return new EnumConverter<>((Class) enumType);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Set<Object> enumSet(Class<?> enumType) {
        return (Set<Object>) EnumSet.noneOf((Class) enumType);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<Object, Object> enumMap(Class<?> enumType) {
        return (Map<Object, Object>) new EnumMap(enumType);
    }

    /**
     * Converters of the types stored in their text form (java.time, UUID, URI), created on first
     * use and then kept: building them all up front links some thirty method references and
     * initializes the java.time formatters, milliseconds of a cold start that a model without those
     * types never needs.
     */
    private static final ConcurrentHashMap<Class<?>, Converter<?>> TEXT_FORMS =
            new ConcurrentHashMap<>();

    /**
     * The text-form converter of a type (created once; nothing is kept for other types), or null.
     */
    private static Converter<?> textForm(Class<?> type) {
        // get and putIfAbsent rather than computeIfAbsent with a method reference (a hidden class)
        Converter<?> known = TEXT_FORMS.get(type);
        if (known != null) {
            return known;
        }
        Converter<?> created = newTextForm(type);
        if (created == null) {
            return null;
        }
        Converter<?> raced = TEXT_FORMS.putIfAbsent(type, created);
        return raced != null ? raced : created;
    }

    private static Converter<?> newTextForm(Class<?> type) {
        // every text-form type is a JDK class: comparing any other class (a nested record, say)
        // with the thirteen class literals below would load the java.time classes it does not use
        String name = type.getName();
        if (!name.startsWith("java.time.")
                && !name.equals("java.util.UUID")
                && !name.equals("java.net.URI")) {
            return null;
        }
        if (type == Instant.class) {
            return new TextFormConverter<>(Instant.class, TextFormConverter.INSTANT);
        }
        if (type == LocalDate.class) {
            return new TextFormConverter<>(LocalDate.class, TextFormConverter.LOCAL_DATE);
        }
        if (type == LocalTime.class) {
            return new TextFormConverter<>(LocalTime.class, TextFormConverter.LOCAL_TIME);
        }
        if (type == LocalDateTime.class) {
            return new TextFormConverter<>(LocalDateTime.class, TextFormConverter.LOCAL_DATE_TIME);
        }
        if (type == OffsetDateTime.class) {
            return new TextFormConverter<>(
                    OffsetDateTime.class, TextFormConverter.OFFSET_DATE_TIME);
        }
        if (type == ZonedDateTime.class) {
            return new TextFormConverter<>(ZonedDateTime.class, TextFormConverter.ZONED_DATE_TIME);
        }
        if (type == Duration.class) {
            return new TextFormConverter<>(Duration.class, TextFormConverter.DURATION);
        }
        if (type == Period.class) {
            return new TextFormConverter<>(Period.class, TextFormConverter.PERIOD);
        }
        if (type == YearMonth.class) {
            return new TextFormConverter<>(YearMonth.class, TextFormConverter.YEAR_MONTH);
        }
        if (type == ZoneId.class) {
            return new TextFormConverter<>(ZoneId.class, TextFormConverter.ZONE_ID);
        }
        if (type == ZoneOffset.class) {
            return new TextFormConverter<>(ZoneOffset.class, TextFormConverter.ZONE_OFFSET);
        }
        if (type == UUID.class) {
            return new TextFormConverter<>(UUID.class, TextFormConverter.UUID_TEXT);
        }
        if (type == URI.class) {
            return new TextFormConverter<>(URI.class, TextFormConverter.URI_TEXT);
        }
        return null;
    }

    /**
     * The scalar converter of a class, or null. A switch on the name rather than a map built up
     * front: registering a model loads the converter classes of its own field types only (the map
     * loaded and initialized some twenty of them, a fifth of building DynamORM in a cold JVM). No
     * class outside {@code java.*} can have these names, and the primitives' names are keywords.
     */
    private static Converter<?> scalar(Class<?> cls) {
        return switch (cls.getName()) {
            case "java.lang.String" -> StringConverter.INSTANCE;
            case "char" -> CharacterConverter.PRIMITIVE;
            case "java.lang.Character" -> CharacterConverter.BOXED;
            case "boolean" -> BooleanConverter.PRIMITIVE;
            case "java.lang.Boolean" -> BooleanConverter.BOXED;
            case "byte" -> IntegralConverter.BYTE;
            case "java.lang.Byte" -> IntegralConverter.BYTE_BOXED;
            case "short" -> IntegralConverter.SHORT;
            case "java.lang.Short" -> IntegralConverter.SHORT_BOXED;
            case "int" -> IntegralConverter.INT;
            case "java.lang.Integer" -> IntegralConverter.INT_BOXED;
            case "long" -> IntegralConverter.LONG;
            case "java.lang.Long" -> IntegralConverter.LONG_BOXED;
            case "float" -> FloatConverter.PRIMITIVE;
            case "java.lang.Float" -> FloatConverter.BOXED;
            case "double" -> DoubleConverter.PRIMITIVE;
            case "java.lang.Double" -> DoubleConverter.BOXED;
            case "java.math.BigDecimal" -> BigDecimalConverter.INSTANCE;
            case "java.math.BigInteger" -> BigIntegerConverter.INSTANCE;
            case "java.lang.Number" -> NumberConverter.INSTANCE;
            case "java.util.OptionalInt" -> OptionalIntConverter.INSTANCE;
            case "java.util.OptionalLong" -> OptionalLongConverter.INSTANCE;
            case "java.util.OptionalDouble" -> OptionalDoubleConverter.INSTANCE;
            case "[B" -> ByteArrayConverter.INSTANCE;
            case "java.nio.ByteBuffer" -> ByteBufferConverter.INSTANCE;
            case "java.lang.Object" -> DocumentConverter.INSTANCE;
            default -> null;
        };
    }
}
