package dev.dynamorm.engine.internal.model;

import dev.dynamorm.Converter;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The values of a {@code Map<String, V>} field seen as a model whose fields are the keys: a path
 * {@code counts.x} resolves {@code x} here to a field of type {@code V} stored under the attribute
 * {@code x} of the map, converted by {@code V}'s converter. Only field paths use it (conditions,
 * filters, updates); instances are never converted through it.
 */
final class MapValues implements ModelMetadata<Object> {

    /**
     * Map values are read with their map, never on their own. A holder class, loaded at the first
     * field path into a map rather than when a model with a map field registers.
     */
    private static final class NoGetter implements Function<Object, Object> {
        static final Function<Object, Object> INSTANCE = new NoGetter();

        @Override
        public Object apply(Object instance) {
            throw new UnsupportedOperationException("a map value is read with its map");
        }
    }

    private final Class<?> owner;
    private final String mapField;
    private final Type valueType;
    private final Converter<Object> valueConverter;

    MapValues(Class<?> owner, String mapField, Type valueType, Converter<Object> valueConverter) {
        this.owner = owner;
        this.mapField = mapField;
        this.valueType = valueType;
        this.valueConverter = valueConverter;
    }

    @Override
    public Class<Object> type() {
        return Object.class;
    }

    @Override
    public Optional<String> tableName() {
        return Optional.empty();
    }

    /** No fixed fields: every key is one. */
    @Override
    public List<FieldMetadata> fields() {
        return List.of();
    }

    /** The value under a key. */
    @Override
    public FieldMetadata field(String key) {
        return new ReflectiveField(
                owner,
                mapField + "." + key,
                key,
                Types.raw(valueType),
                valueType,
                null,
                valueConverter,
                NoGetter.INSTANCE,
                null,
                new ReflectiveField.Roles(
                        false, false, false, false, false, false, List.of(), false),
                null);
    }

    @Override
    public FieldMetadata fieldByAttribute(String attributeName) {
        return field(attributeName);
    }

    @Override
    public FieldMetadata partitionKey() {
        throw new IllegalStateException("the values of map '" + mapField + "' have no keys");
    }

    @Override
    public Optional<FieldMetadata> sortKey() {
        return Optional.empty();
    }

    @Override
    public List<IndexMetadata> indexes() {
        return List.of();
    }

    @Override
    public Optional<FieldMetadata> versionField() {
        return Optional.empty();
    }

    @Override
    public Optional<FieldMetadata> createdAtField() {
        return Optional.empty();
    }

    @Override
    public Optional<FieldMetadata> updatedAtField() {
        return Optional.empty();
    }

    @Override
    public Optional<FieldMetadata> ttlField() {
        return Optional.empty();
    }

    @Override
    public List<FieldMetadata> encryptedFields() {
        return List.of();
    }

    @Override
    public Map<String, AttributeValue> toItem(Object instance) {
        throw new UnsupportedOperationException("a map value is converted with its map");
    }

    @Override
    public Object fromItem(Map<String, AttributeValue> item) {
        throw new UnsupportedOperationException("a map value is converted with its map");
    }

    @Override
    public String toString() {
        return "MapValues["
                + owner.getName()
                + "."
                + mapField
                + ": "
                + valueType.getTypeName()
                + "]";
    }
}
