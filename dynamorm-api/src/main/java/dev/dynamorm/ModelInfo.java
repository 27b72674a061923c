package dev.dynamorm;

import java.lang.annotation.Annotation;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A registered model as plugins see it: its table, key attributes, fields and encrypted attributes.
 */
public interface ModelInfo {

    /**
     * The model class.
     *
     * @return the class
     */
    Class<?> type();

    /**
     * The physical table name (with the configured prefix).
     *
     * @return the table name
     */
    String tableName();

    /**
     * The partition key's attribute name.
     *
     * @return the attribute name
     */
    String partitionKeyAttribute();

    /**
     * The sort key's attribute name.
     *
     * @return the attribute name, or empty when the table has no sort key
     */
    Optional<String> sortKeyAttribute();

    /**
     * The top-level fields: Java field name to attribute name, in declaration order.
     *
     * @return the fields
     */
    Map<String, String> attributeNames();

    /**
     * Attribute names of the fields annotated {@code @Encrypted}: their values must never be logged
     * or copied in clear.
     *
     * @return the attribute names, possibly empty
     */
    Set<String> encryptedAttributes();

    /**
     * Attribute names of the fields carrying a field annotation marked {@link
     * dev.dynamorm.annotations.FieldTransform}: the attributes a hook declaring it in {@link
     * Hook#transformedFields()} transforms. Their stored values must never be logged or copied in
     * clear.
     *
     * @param annotation the field annotation, e.g. {@code Encrypted.class}
     * @return the attribute names in declaration order, possibly empty
     */
    default Set<String> transformedAttributes(Class<? extends Annotation> annotation) {
        // by name rather than Encrypted.class: this package must not depend on annotations, which
        // depends on it (@Convert names a Converter), see spi's package-info
        return annotation.getName().equals("dev.dynamorm.annotations.Encrypted")
                ? encryptedAttributes()
                : Set.of();
    }

    /**
     * Attribute names of all fields some plugin transforms (any annotation marked {@link
     * dev.dynamorm.annotations.FieldTransform}): their stored values must never be logged or copied
     * in clear.
     *
     * @return the attribute names in declaration order, possibly empty
     */
    default Set<String> transformedAttributes() {
        return encryptedAttributes();
    }

    /**
     * Attribute names of the fields annotated {@code @Unique}: at most one item of the table holds
     * each of their values (the engine keeps a sentinel item per value). For an entity family, the
     * unique fields of all its members. A model with such fields cannot be written with a batch
     * write; write its items one by one or in a transaction.
     *
     * @return the attribute names in declaration order, possibly empty
     * @throws UnsupportedOperationException if this description does not carry unique fields (an
     *     implementation written before this method existed)
     */
    default Set<String> uniqueAttributes() {
        throw new UnsupportedOperationException(
                "ModelInfo.uniqueAttributes() is not implemented by " + getClass().getName());
    }

    /**
     * The attribute name of the {@code @Version} field.
     *
     * @return the attribute name, or empty when the model is not versioned
     */
    default Optional<String> versionAttribute() {
        return Optional.empty();
    }

    /**
     * For an entity family or one of its members: the attribute that stores each item's member
     * type.
     *
     * @return the discriminator attribute, or empty for a model outside any family
     */
    default Optional<String> discriminatorAttribute() {
        return Optional.empty();
    }

    /**
     * For a member of an entity family used as a model of its own ({@code db.table(Member.class)}):
     * the discriminator value its items carry.
     *
     * @return the member's discriminator value, or empty for a family root and other models
     */
    default Optional<String> discriminatorValue() {
        return Optional.empty();
    }

    /**
     * The converter a top-level field's values are written and read with, so a plugin can turn a
     * value into its stored form the way the engine does (e.g. a tenant id into the attribute of a
     * {@code UUID} or {@code long} field).
     *
     * @param field the Java field name
     * @return the converter, or empty when the field is not mapped or this description carries no
     *     converters
     */
    default Optional<Converter<?>> converter(String field) {
        return Optional.empty();
    }
}
