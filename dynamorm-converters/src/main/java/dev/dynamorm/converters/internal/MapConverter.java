package dev.dynamorm.converters.internal;

import dev.dynamorm.Converter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code Map<K, V>} as {@code M}: keys as the names of the map attribute (strings as they are,
 * enums by name, UUIDs, integers and longs in their decimal text form), values through the
 * converter of V; {@code null} (or omitted) values are written as NULL and read back as V's absent
 * value. Empty maps are written as an empty {@code M}.
 *
 * <p>The key handling is a kind in this class rather than a codec class or a lambda per key type:
 * map converters are created while models register, where every class loaded and every lambda run
 * for the first time costs the registration of the first model with a map.
 */
final class MapConverter implements Converter<Map<Object, Object>> {

    // int constants, not an enum: one class less to load while models register
    private static final int STRING_KEYS = 0;
    private static final int UUID_KEYS = 1;
    private static final int INTEGER_KEYS = 2;
    private static final int LONG_KEYS = 3;
    private static final int ENUM_KEYS = 4;

    /** Not a supported key type. */
    static final int UNSUPPORTED_KEYS = -1;

    private final int keys;

    /** The enum's converter, for {@code ENUM_KEYS}; else null. */
    private final EnumConverter<?> enumKeys;

    private final Converter<Object> values;
    private final Supplier<? extends Map<Object, Object>> factory;
    private final String target;

    /**
     * @param keyType the key type: one {@link #keyKind} supports
     * @param values the value converter
     * @param factory creates the map read; null for a {@code LinkedHashMap} (the common case needs
     *     no factory class loaded)
     * @param target the declared type, for messages
     */
    @SuppressWarnings({"unchecked", "rawtypes"}) // an enum key type, checked by keyKind
    MapConverter(
            Class<?> keyType,
            Converter<Object> values,
            Supplier<? extends Map<Object, Object>> factory,
            String target) {
        this.keys = keyKind(keyType);
        if (keys == UNSUPPORTED_KEYS) {
            throw new IllegalArgumentException("unsupported map key type " + keyType.getName());
        }
        this.enumKeys = keys == ENUM_KEYS ? new EnumConverter<>((Class) keyType) : null;
        this.values = values;
        this.factory = factory;
        this.target = target;
    }

    /**
     * How keys of a type are stored.
     *
     * @return the kind, or {@link #UNSUPPORTED_KEYS} if keys of this type are not supported
     */
    static int keyKind(Class<?> keyType) {
        if (keyType == String.class) {
            return STRING_KEYS;
        }
        if (keyType == UUID.class) {
            return UUID_KEYS;
        }
        if (keyType == Integer.class) {
            return INTEGER_KEYS;
        }
        if (keyType == Long.class) {
            return LONG_KEYS;
        }
        return keyType.isEnum() ? ENUM_KEYS : UNSUPPORTED_KEYS;
    }

    @Override
    public AttributeValue toAttributeValue(Map<Object, Object> value) {
        Map<String, AttributeValue> entries = new LinkedHashMap<>(value.size() * 4 / 3 + 1);
        for (Map.Entry<Object, Object> entry : value.entrySet()) {
            if (entry.getKey() == null) {
                throw Attributes.invalid("%s cannot be stored with a null key", target);
            }
            entries.put(writeKey(entry.getKey()), Elements.write(values, entry.getValue()));
        }
        return AttributeValue.createM(entries);
    }

    @Override
    public Map<Object, Object> fromAttributeValue(AttributeValue attribute) {
        Attributes.require(attribute, AttributeValue.Type.M, target);
        Map<Object, Object> result = factory == null ? new LinkedHashMap<>() : factory.get();
        for (Map.Entry<String, AttributeValue> entry : attribute.m().entrySet()) {
            result.put(readKey(entry.getKey()), Elements.read(values, entry.getValue()));
        }
        return result;
    }

    @Override
    public AttributeValue.Type attributeType() {
        return AttributeValue.Type.M;
    }

    /** The attribute name of a key. */
    private String writeKey(Object key) {
        if (keys == STRING_KEYS) {
            return Utf8Text.requireWellFormed((String) key, "map key");
        }
        return keys == ENUM_KEYS ? ((Enum<?>) key).name() : key.toString();
    }

    /** The key of an attribute name; throws {@link IllegalArgumentException} if unreadable. */
    private Object readKey(String name) {
        if (keys == STRING_KEYS) {
            return name;
        }
        if (keys == ENUM_KEYS) {
            return enumKeys.fromAttributeValue(AttributeValue.createS(name));
        }
        if (keys == UUID_KEYS) {
            try {
                return UUID.fromString(name);
            } catch (IllegalArgumentException e) {
                throw unreadable(name, "java.util.UUID");
            }
        }
        try {
            // two returns, not a conditional: that would promote an Integer to a Long
            if (keys == INTEGER_KEYS) {
                return Integer.valueOf(name);
            }
            return Long.valueOf(name);
        } catch (NumberFormatException e) {
            throw unreadable(name, keys == INTEGER_KEYS ? "java.lang.Integer" : "java.lang.Long");
        }
    }

    private static IllegalArgumentException unreadable(String name, String keyType) {
        return Attributes.invalid("cannot read map key '%s' as %s", name, keyType);
    }
}
