package dev.dynamorm.converters.internal;

import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Map keys as the names of an {@code M} attribute: strings as they are, enums by name, UUIDs,
 * integers and longs in their decimal text form.
 *
 * <p>One class with a kind rather than a lambda per key type: the codecs are created while models
 * are registered, where every lambda spins a hidden class the first time it runs.
 */
final class MapKeyCodec {

    // int constants, not an enum: one class less to load while models register
    private static final int STRING_KEYS = 0;
    private static final int UUID_KEYS = 1;
    private static final int INTEGER_KEYS = 2;
    private static final int LONG_KEYS = 3;
    private static final int ENUM_KEYS = 4;

    private static final MapKeyCodec STRING = new MapKeyCodec(STRING_KEYS, null);
    private static final MapKeyCodec UUIDS = new MapKeyCodec(UUID_KEYS, null);
    private static final MapKeyCodec INTEGERS = new MapKeyCodec(INTEGER_KEYS, null);
    private static final MapKeyCodec LONGS = new MapKeyCodec(LONG_KEYS, null);

    private final int kind;

    /** The enum's converter, for {@code ENUM_KEYS}; else null. */
    private final EnumConverter<?> names;

    private MapKeyCodec(int kind, EnumConverter<?> names) {
        this.kind = kind;
        this.names = names;
    }

    /**
     * The codec for a key type.
     *
     * @return the codec, or {@code null} if keys of this type are not supported
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static MapKeyCodec forType(Class<?> keyType) {
        if (keyType == String.class) {
            return STRING;
        }
        if (keyType == UUID.class) {
            return UUIDS;
        }
        if (keyType == Integer.class) {
            return INTEGERS;
        }
        if (keyType == Long.class) {
            return LONGS;
        }
        if (keyType.isEnum()) {
            return new MapKeyCodec(ENUM_KEYS, new EnumConverter<>((Class) keyType));
        }
        return null;
    }

    /** The attribute name of a key. */
    String write(Object key) {
        if (kind == STRING_KEYS) {
            return Utf8Text.requireWellFormed((String) key, "map key");
        }
        return kind == ENUM_KEYS ? ((Enum<?>) key).name() : key.toString();
    }

    /** The key of an attribute name; throws {@link IllegalArgumentException} if unreadable. */
    Object read(String name) {
        if (kind == STRING_KEYS) {
            return name;
        }
        if (kind == ENUM_KEYS) {
            return names.fromAttributeValue(AttributeValue.createS(name));
        }
        if (kind == UUID_KEYS) {
            try {
                return UUID.fromString(name);
            } catch (IllegalArgumentException e) {
                throw unreadable(name, "java.util.UUID");
            }
        }
        try {
            // two returns, not a conditional: that would promote an Integer to a Long
            if (kind == INTEGER_KEYS) {
                return Integer.valueOf(name);
            }
            return Long.valueOf(name);
        } catch (NumberFormatException e) {
            throw unreadable(name, kind == INTEGER_KEYS ? "java.lang.Integer" : "java.lang.Long");
        }
    }

    private static IllegalArgumentException unreadable(String name, String keyType) {
        return Attributes.invalid("cannot read map key '%s' as %s", name, keyType);
    }
}
