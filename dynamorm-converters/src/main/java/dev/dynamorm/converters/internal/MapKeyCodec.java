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

    private enum Kind {
        STRING,
        UUIDS,
        INTEGERS,
        LONGS,
        ENUMS
    }

    private static final MapKeyCodec STRING = new MapKeyCodec(Kind.STRING, null);
    private static final MapKeyCodec UUIDS = new MapKeyCodec(Kind.UUIDS, null);
    private static final MapKeyCodec INTEGERS = new MapKeyCodec(Kind.INTEGERS, null);
    private static final MapKeyCodec LONGS = new MapKeyCodec(Kind.LONGS, null);

    private final Kind kind;

    /** The enum's converter, for {@link Kind#ENUMS}; else null. */
    private final EnumConverter<?> names;

    private MapKeyCodec(Kind kind, EnumConverter<?> names) {
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
            return new MapKeyCodec(Kind.ENUMS, new EnumConverter<>((Class) keyType));
        }
        return null;
    }

    /** The attribute name of a key. */
    String write(Object key) {
        if (kind == Kind.STRING) {
            return Utf8Text.requireWellFormed((String) key, "map key");
        }
        return kind == Kind.ENUMS ? ((Enum<?>) key).name() : key.toString();
    }

    /** The key of an attribute name; throws {@link IllegalArgumentException} if unreadable. */
    Object read(String name) {
        // if chains, not switches: a switch on an enum loads a synthetic switch-map class
        if (kind == Kind.STRING) {
            return name;
        }
        if (kind == Kind.ENUMS) {
            return names.fromAttributeValue(AttributeValue.createS(name));
        }
        if (kind == Kind.UUIDS) {
            try {
                return UUID.fromString(name);
            } catch (IllegalArgumentException e) {
                throw unreadable(name, "java.util.UUID");
            }
        }
        try {
            // two returns, not a conditional: that would promote an Integer to a Long
            if (kind == Kind.INTEGERS) {
                return Integer.valueOf(name);
            }
            return Long.valueOf(name);
        } catch (NumberFormatException e) {
            throw unreadable(name, kind == Kind.INTEGERS ? "java.lang.Integer" : "java.lang.Long");
        }
    }

    private static IllegalArgumentException unreadable(String name, String keyType) {
        return Attributes.invalid("cannot read map key '%s' as %s", name, keyType);
    }
}
