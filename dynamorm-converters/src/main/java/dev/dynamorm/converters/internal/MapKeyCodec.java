package dev.dynamorm.converters.internal;

import java.util.UUID;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Map keys as the names of an {@code M} attribute: strings as they are, enums by name, UUIDs,
 * integers and longs in their decimal text form.
 */
final class MapKeyCodec {

    private static final MapKeyCodec STRING =
            new MapKeyCodec(
                    key -> Utf8Text.requireWellFormed((String) key, "map key"), name -> name);
    private static final MapKeyCodec UUIDS =
            new MapKeyCodec(
                    Object::toString,
                    name -> {
                        try {
                            return UUID.fromString(name);
                        } catch (IllegalArgumentException e) {
                            throw unreadable(name, "java.util.UUID");
                        }
                    });
    private static final MapKeyCodec INTEGERS =
            new MapKeyCodec(
                    Object::toString,
                    name -> {
                        try {
                            return Integer.valueOf(name);
                        } catch (NumberFormatException e) {
                            throw unreadable(name, "java.lang.Integer");
                        }
                    });
    private static final MapKeyCodec LONGS =
            new MapKeyCodec(
                    Object::toString,
                    name -> {
                        try {
                            return Long.valueOf(name);
                        } catch (NumberFormatException e) {
                            throw unreadable(name, "java.lang.Long");
                        }
                    });

    private final Function<Object, String> write;
    private final Function<String, Object> read;

    private MapKeyCodec(Function<Object, String> write, Function<String, Object> read) {
        this.write = write;
        this.read = read;
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
            EnumConverter<?> names = new EnumConverter<>((Class) keyType);
            return new MapKeyCodec(
                    key -> ((Enum<?>) key).name(),
                    name -> names.fromAttributeValue(AttributeValue.createS(name)));
        }
        return null;
    }

    /** The attribute name of a key. */
    String write(Object key) {
        return write.apply(key);
    }

    /** The key of an attribute name; throws {@link IllegalArgumentException} if unreadable. */
    Object read(String name) {
        return read.apply(name);
    }

    private static IllegalArgumentException unreadable(String name, String keyType) {
        return Attributes.invalid("cannot read map key '%s' as %s", name, keyType);
    }
}
