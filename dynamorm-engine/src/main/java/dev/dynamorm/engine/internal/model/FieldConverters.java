package dev.dynamorm.engine.internal.model;

import dev.dynamorm.Converter;
import dev.dynamorm.DynamORMException;
import dev.dynamorm.MissingConverterException;
import dev.dynamorm.ModelDefinitionException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Resolves the converter of each mapped property: the epoch-seconds converter of {@code @Ttl}, a
 * {@code @Convert} class (checked against the field type and instantiated), or the registry's; and
 * the value converter of map fields whose values paths can reach.
 */
final class FieldConverters {

    private final Class<?> type;
    private final ConverterRegistry converters;

    /**
     * The last types whose converter the registry found, and those converters: most fields of a
     * model share a few types, and comparing a type by identity costs less than the registry's hash
     * lookup (cold, interpreted code; a 60-field model has four types). The registry answers a type
     * the same way throughout one build, so a hit answers what it would.
     */
    private final Type[] recentTypes = new Type[RECENT];

    private final Converter<?>[] recentConverters = new Converter<?>[RECENT];
    private int recentNext;

    private static final int RECENT = 4;

    FieldConverters(Class<?> type, ConverterRegistry converters) {
        this.type = type;
        this.converters = converters;
    }

    /**
     * For a {@code Map<String, V>} field stored as a map attribute, the converter of its values (so
     * that paths reach them: {@code counts.x}); null for other fields or a value type without
     * converter.
     */
    Converter<Object> mapValueConverter(Property p, Converter<Object> converter) {
        if (converter instanceof BuiltInDefault d) {
            // a Map<String, String> stand-in: its values' stand-in, not String's converter
            return d.kind() == BuiltInDefault.STRING_MAP
                    ? converters.standIn(BuiltInDefault.STRING, String.class)
                    : null;
        }
        if (converter.attributeType() != AttributeValue.Type.M
                || !Map.class.isAssignableFrom(p.rawType)
                || !(p.genericType() instanceof ParameterizedType pt)
                || pt.getActualTypeArguments().length != 2
                || pt.getActualTypeArguments()[0] != String.class) {
            return null;
        }
        Type value = pt.getActualTypeArguments()[1];
        Optional<Converter<?>> found;
        try {
            found = converters.find(value);
        } catch (RuntimeException e) {
            return null; // the map's own converter decides whether the model is valid
        }
        @SuppressWarnings("unchecked") // converters are found by the type they convert
        Converter<Object> c = (Converter<Object>) found.orElse(null);
        return c;
    }

    @SuppressWarnings("unchecked")
    Converter<Object> converter(Property p, Mapping m) {
        Class<?> raw = p.rawType;
        if (m.ttl()) {
            if (!EpochSecondsConverter.supports(raw)) {
                throw fail(
                        "model %s: @Ttl field '%s' has type %s: use Instant, OffsetDateTime, ZonedDateTime, long "
                                + "or Long (epoch seconds)",
                        type.getName(), p.name, p.genericType().getTypeName());
            }
            if (m.convert() != null) {
                throw fail(
                        "model %s: @Ttl field '%s' cannot have @Convert: the time-to-live attribute is always "
                                + "stored as epoch seconds; remove @Convert",
                        type.getName(), p.name);
            }
            return EpochSecondsConverter.forType(raw);
        }
        if (m.converterInstance() != null) {
            return checkConverter(m.convert(), p, (Converter<Object>) m.converterInstance());
        }
        if (m.convert() != null) {
            return instantiate(m.convert(), p);
        }
        // a transformed field (@Encrypted...) keeps the converter itself: a plugin handles its
        // value
        BuiltInDefault standIn = m.encrypted() ? null : converters.builtInDefault(p);
        if (standIn != null) {
            return standIn; // the built-in converter, loaded at its first need
        }
        Type fieldType = p.genericType();
        Converter<?> recent = recent(fieldType);
        if (recent != null) {
            return (Converter<Object>) recent;
        }
        Optional<Converter<?>> found;
        try {
            found = converters.find(fieldType);
        } catch (MissingConverterException e) {
            throw e.nestedIn(type, p.name);
        } catch (DynamORMException e) {
            throw e;
        } catch (RuntimeException e) {
            ModelDefinitionException ex =
                    fail(
                            "model %s: field '%s': finding the converter for %s failed: %s",
                            type.getName(), p.name, fieldType.getTypeName(), e);
            ex.addSuppressed(e);
            throw ex;
        }
        if (found.isEmpty()) {
            throw new MissingConverterException(
                    type, p.name, fieldType, converters.builtInsPresent());
        }
        Converter<?> converter = found.get();
        recentTypes[recentNext] = fieldType;
        recentConverters[recentNext] = converter;
        recentNext = (recentNext + 1) % RECENT;
        return (Converter<Object>) converter;
    }

    // the same Type object: an identity match is the cheap case that matters here, and a miss only
    // costs the registry's lookup
    @SuppressWarnings("ReferenceEquality")
    private Converter<?> recent(Type t) {
        for (int i = 0; i < RECENT; i++) {
            if (recentTypes[i] == t) {
                return recentConverters[i];
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private Converter<Object> instantiate(Class<?> converterClass, Property p) {
        if (converterClass.isInterface() || Modifier.isAbstract(converterClass.getModifiers())) {
            throw fail(
                    "model %s: field '%s': @Convert names %s, which is abstract: name a concrete converter class",
                    type.getName(), p.name, converterClass.getName());
        }
        Constructor<?> ctor;
        try {
            ctor = converterClass.getConstructor();
        } catch (NoSuchMethodException e) {
            throw fail(
                    "model %s: field '%s': converter %s has no public no-argument constructor: add one",
                    type.getName(), p.name, converterClass.getName());
        }
        checkConverterType(converterClass, p);
        try {
            return (Converter<Object>) Accessors.of(converterClass, type).newInstance(ctor);
        } catch (ModelDefinitionException e) {
            throw e;
        } catch (Throwable t) {
            ModelDefinitionException ex =
                    fail(
                            "model %s: field '%s': creating converter %s failed: %s",
                            type.getName(), p.name, converterClass.getName(), t);
            ex.addSuppressed(t);
            throw ex;
        }
    }

    /** Checks a {@code @Convert} converter a generated schema created. */
    private Converter<Object> checkConverter(
            Class<?> converterClass, Property p, Converter<Object> converter) {
        checkConverterType(converterClass, p);
        return converter;
    }

    private void checkConverterType(Class<?> converterClass, Property p) {
        Class<?> converts = convertedType(converterClass);
        Class<?> fieldType = Types.wrap(p.rawType);
        if (converts != null
                && converts != Object.class
                && !converts.isAssignableFrom(fieldType)
                && !fieldType.isAssignableFrom(converts)) {
            throw fail(
                    "model %s: field '%s' has type %s but its @Convert converter %s converts %s: use a converter "
                            + "for %s",
                    type.getName(),
                    p.name,
                    p.genericType().getTypeName(),
                    converterClass.getName(),
                    converts.getName(),
                    fieldType.getName());
        }
    }

    /** The {@code T} of {@code Converter<T>} a class implements, or null when unknown. */
    private static Class<?> convertedType(Class<?> converterClass) {
        for (Class<?> c = converterClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type i : c.getGenericInterfaces()) {
                if (i instanceof ParameterizedType pt && pt.getRawType() == Converter.class) {
                    Type arg = Types.resolve(pt.getActualTypeArguments()[0], converterClass);
                    return Types.raw(arg);
                }
            }
        }
        return null;
    }

    private ModelDefinitionException fail(String format, Object... args) {
        return new ModelDefinitionException(String.format(Locale.ROOT, format, args), type);
    }
}
