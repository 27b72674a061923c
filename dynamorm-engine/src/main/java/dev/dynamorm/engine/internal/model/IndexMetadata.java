package dev.dynamorm.engine.internal.model;

import dev.dynamorm.annotations.ProjectionType;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A secondary index declared by {@code @IndexKey} annotations. Immutable. One record rather than an
 * interface and its one implementation: the first indexed model loads one class for it.
 *
 * @param name the index name
 * @param global true for a global secondary index, false for a local one
 * @param partitionKeys every partition key field in key order: one, or up to four for a
 *     multi-attribute key (the table's partition key for a local index)
 * @param sortKeys every sort key field in key order: none, one, or up to four for a multi-attribute
 *     key
 * @param projection the projection type
 * @param includedAttributes attribute names of non-key attributes included when the projection is
 *     INCLUDE
 */
public record IndexMetadata(
        String name,
        boolean global,
        List<FieldMetadata> partitionKeys,
        List<FieldMetadata> sortKeys,
        ProjectionType projection,
        List<String> includedAttributes) {

    /** Copies the lists, so that the index stays immutable. */
    public IndexMetadata {
        partitionKeys = List.copyOf(partitionKeys);
        sortKeys = List.copyOf(sortKeys);
        includedAttributes = List.copyOf(includedAttributes);
    }

    /** An index with a single-attribute partition key and at most one sort key field. */
    IndexMetadata(
            String name,
            boolean global,
            FieldMetadata partitionKey,
            Optional<FieldMetadata> sortKey,
            ProjectionType projection,
            List<String> includedAttributes) {
        this(
                name,
                global,
                List.of(partitionKey),
                // no method reference: each one spins a hidden class at registration
                sortKey.isPresent() ? List.of(sortKey.get()) : List.of(),
                projection,
                includedAttributes);
    }

    /**
     * The index partition key (the table's partition key for a local index); the first of {@link
     * #partitionKeys()} for a multi-attribute key.
     *
     * @return the field
     */
    public FieldMetadata partitionKey() {
        return partitionKeys.get(0);
    }

    /**
     * The index sort key, if any (always present for a local index); the first of {@link
     * #sortKeys()} for a multi-attribute key.
     *
     * @return the field, or empty
     */
    public Optional<FieldMetadata> sortKey() {
        return sortKeys.isEmpty() ? Optional.empty() : Optional.of(sortKeys.get(0));
    }

    /**
     * Whether the partition or the sort key is made of several fields.
     *
     * @return true for a multi-attribute key
     */
    public boolean multiAttribute() {
        return partitionKeys.size() > 1 || sortKeys.size() > 1;
    }

    /**
     * Whether both are the same index of a model, by identity (a model holds one instance per
     * index; a record's equals would link its object methods at the first call).
     *
     * @param a an index, or null
     * @param b an index, or null
     * @return whether they are the same instance
     */
    @SuppressWarnings("ReferenceEquality")
    public static boolean same(IndexMetadata a, IndexMetadata b) {
        return a == b;
    }

    @Override
    public String toString() {
        return "Index["
                + name
                + (global ? ", global" : ", local")
                + ", pk="
                + names(partitionKeys)
                + (sortKeys.isEmpty() ? "" : ", sk=" + names(sortKeys))
                + ", "
                + projection
                + (includedAttributes.isEmpty() ? "" : " " + includedAttributes)
                + "]";
    }

    private static String names(List<FieldMetadata> fields) {
        return fields.stream().map(FieldMetadata::name).collect(Collectors.joining(", "));
    }
}
