package dev.dynamorm.engine.internal.model;

import dev.dynamorm.annotations.ProjectionType;
import java.util.List;
import java.util.Optional;

/** A secondary index declared by {@code @IndexKey} annotations. Immutable. */
public interface IndexMetadata {

    /** The index name. */
    String name();

    /** True for a global secondary index, false for a local one. */
    boolean global();

    /**
     * The index partition key (the table's partition key for a local index); the first of {@link
     * #partitionKeys()} for a multi-attribute key.
     */
    FieldMetadata partitionKey();

    /**
     * The index sort key, if any (always present for a local index); the first of {@link
     * #sortKeys()} for a multi-attribute key.
     */
    Optional<FieldMetadata> sortKey();

    /** Every partition key field in key order: one, or up to four for a multi-attribute key. */
    default List<FieldMetadata> partitionKeys() {
        return List.of(partitionKey());
    }

    /** Every sort key field in key order: none, one, or up to four for a multi-attribute key. */
    default List<FieldMetadata> sortKeys() {
        return sortKey().map(List::of).orElse(List.of());
    }

    /** Whether the partition or the sort key is made of several fields. */
    default boolean multiAttribute() {
        return partitionKeys().size() > 1 || sortKeys().size() > 1;
    }

    /** The projection type. */
    ProjectionType projection();

    /** Attribute names of non-key attributes included when the projection is INCLUDE. */
    List<String> includedAttributes();
}
