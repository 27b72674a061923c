package dev.dynamorm.engine.internal.model;

import dev.dynamorm.Converter;
import dev.dynamorm.Operation;
import dev.dynamorm.annotations.Encrypted;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One mapped field: names, type, converter, accessor and role. Immutable. */
public interface FieldMetadata {

    /** The Java field (or bean property) name. */
    String name();

    /** The attribute name on the wire. */
    String attributeName();

    /** The generic Java type. */
    Type genericType();

    /** The raw Java class. */
    Class<?> rawType();

    /**
     * The element class of a list field whose element type is a class ({@code String} for {@code
     * List<String>}), else null.
     */
    default Class<?> listElementClass() {
        return genericType() instanceof ParameterizedType p
                        && p.getRawType() instanceof Class<?> raw
                        && List.class.isAssignableFrom(raw)
                        && p.getActualTypeArguments().length == 1
                        && p.getActualTypeArguments()[0] instanceof Class<?> e
                ? e
                : null;
    }

    /** The converter in use (for {@code @Ttl} fields, the epoch-seconds converter). */
    Converter<Object> converter();

    /** The attribute type the converter writes. */
    default AttributeValue.Type attributeType() {
        return converter().attributeType();
    }

    /** Reads the field from an instance (no reflection per call). */
    Object get(Object instance);

    /** Converts a value of this field's type; null (or a converter returning null) gives null. */
    AttributeValue toAttributeValue(Object value);

    /**
     * Converts an attribute to this field's type; null or NUL gives the converter's absent value.
     */
    Object fromAttributeValue(AttributeValue value);

    /**
     * Like {@link #toAttributeValue(Object)}; a converter failure becomes an {@code
     * InvalidRequestException} for this operation naming the model, field and attribute.
     */
    default AttributeValue toAttributeValue(Object value, Operation operation) {
        return toAttributeValue(value);
    }

    /**
     * Like {@link #fromAttributeValue(AttributeValue)}; a converter failure becomes an {@code
     * InvalidRequestException} for this operation naming the model, field and attribute.
     */
    default Object fromAttributeValue(AttributeValue value, Operation operation) {
        return fromAttributeValue(value);
    }

    /** Metadata of the field's type when it is a nested record or bean stored as a map. */
    Optional<ModelMetadata<?>> nestedModel();

    boolean isPartitionKey();

    boolean isSortKey();

    boolean isVersion();

    boolean isCreatedAt();

    boolean isUpdatedAt();

    boolean isTtl();

    /**
     * Whether the field is {@code @Unique}: at most one item of the table holds each value (kept
     * with sentinel items, see {@code UniqueWrites}).
     */
    default boolean isUnique() {
        return false;
    }

    /**
     * Whether a plugin transforms this field's stored value: it carries an annotation marked {@link
     * dev.dynamorm.annotations.FieldTransform} (such as {@code @Encrypted}), so the value is opaque
     * to the engine.
     */
    boolean isEncrypted();

    /**
     * The annotations marked {@link dev.dynamorm.annotations.FieldTransform} on this field, which
     * an installed hook must declare in {@code Hook.transformedFields()}.
     *
     * @return the transform annotations, empty when the field is stored as converted
     */
    default List<Class<? extends Annotation>> transforms() {
        return isEncrypted() ? List.of(Encrypted.class) : List.of();
    }
}
