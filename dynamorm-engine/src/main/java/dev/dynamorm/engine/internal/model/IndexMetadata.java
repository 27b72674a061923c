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

    /** The index partition key (the table's partition key for a local index). */
    FieldMetadata partitionKey();

    /** The index sort key, if any (always present for a local index). */
    Optional<FieldMetadata> sortKey();

    /** The projection type. */
    ProjectionType projection();

    /** Attribute names of non-key attributes included when the projection is INCLUDE. */
    List<String> includedAttributes();
}
