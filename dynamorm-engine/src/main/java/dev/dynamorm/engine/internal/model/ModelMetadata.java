package dev.dynamorm.engine.internal.model;

import dev.dynamorm.Key;
import dev.dynamorm.Operation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Everything the engine knows about one mapped type: fields, keys, indexes, lifecycle fields, and
 * how to convert instances to items and back.
 *
 * <p>An interface so that metadata generated at compile time can replace the reflective builder.
 * Implementations are immutable and thread-safe. Nested types (records or beans used as map
 * attributes) have metadata too; for them the key and table accessors are empty.
 *
 * @param <T> the mapped type
 */
public interface ModelMetadata<T> {

    /** The mapped class. */
    Class<T> type();

    /** The table name from {@code @DynamoTable}, without prefix; empty for nested-only types. */
    Optional<String> tableName();

    /** Mapped fields in declaration order (ignored fields excluded). */
    List<FieldMetadata> fields();

    /** A field by its Java name, or null. */
    FieldMetadata field(String javaName);

    /** A field by its attribute name, or null. */
    FieldMetadata fieldByAttribute(String attributeName);

    /** The partition key field; throws IllegalStateException for nested-only types. */
    FieldMetadata partitionKey();

    /** The sort key field, if any. */
    Optional<FieldMetadata> sortKey();

    /** Secondary indexes, in declaration order. */
    List<IndexMetadata> indexes();

    /** The {@code @Version} field, if any. */
    Optional<FieldMetadata> versionField();

    /** The {@code @CreatedAt} field, if any. */
    Optional<FieldMetadata> createdAtField();

    /** The {@code @UpdatedAt} field, if any. */
    Optional<FieldMetadata> updatedAtField();

    /** The {@code @Ttl} field, if any; its converter writes epoch seconds (N). */
    Optional<FieldMetadata> ttlField();

    /** Fields marked {@code @Encrypted}. */
    List<FieldMetadata> encryptedFields();

    /** Converts an instance to an item; null fields (and converters returning null) are omitted. */
    Map<String, AttributeValue> toItem(T instance);

    /** Converts an item to an instance; absent attributes get the converter's absent value. */
    T fromItem(Map<String, AttributeValue> item);

    /**
     * Like {@link #toItem(Object)} (which reports {@code PUT}), naming another operation in the
     * {@code InvalidRequestException} a converter failure becomes. The map is mutable (a {@code
     * HashMap}: no attribute order, which DynamoDB does not keep either).
     */
    default Map<String, AttributeValue> toItem(T instance, Operation operation) {
        return toItem(instance);
    }

    /**
     * For an entity family or one of its members: the attribute that stores each item's member type
     * (reads with a projection must include it). Empty for other models.
     */
    default Optional<String> discriminatorAttribute() {
        return Optional.empty();
    }

    /**
     * For a member of an entity family used as a table model of its own: the discriminator value
     * its items carry; its queries and scans keep only such items. Empty for other models.
     */
    default Optional<TypeTag> typeTag() {
        return Optional.empty();
    }

    /**
     * The model whose keys, indexes and TTL define the table: the family's for a member of an
     * entity family (whose table holds every member's indexes), else this one.
     */
    default ModelMetadata<?> tableModel() {
        return this;
    }

    /**
     * Like {@link #fromItem(Map)} (which reports {@code GET}), naming another operation in the
     * {@code InvalidRequestException} a converter failure becomes.
     */
    default T fromItem(Map<String, AttributeValue> item, Operation operation) {
        return fromItem(item);
    }

    /**
     * The key of an item's key attributes, each read through its field's converter.
     *
     * @param key the key attributes (partition, and sort if the model has one)
     * @return the key
     */
    default Key toKey(Map<String, AttributeValue> key) {
        Object pk = partitionKey().fromAttributeValue(key.get(partitionKey().attributeName()));
        Object sk =
                sortKey().map(s -> s.fromAttributeValue(key.get(s.attributeName()))).orElse(null);
        return new Key(pk, sk);
    }
}
