package dev.dynamorm.engine.internal.model;

import dev.dynamorm.annotations.ProjectionType;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A secondary index read from {@code @IndexKey} annotations.
 *
 * @param name the index name
 * @param global true for a GSI
 * @param partitionKeys the index partition key fields in key order (the table's for a local index)
 * @param sortKeys the index sort key fields in key order, possibly none
 * @param projection the projection type
 * @param includedAttributes attribute names of the included non-key attributes (INCLUDE only)
 */
record ReflectiveIndex(
        String name,
        boolean global,
        List<FieldMetadata> partitionKeys,
        List<FieldMetadata> sortKeys,
        ProjectionType projection,
        List<String> includedAttributes)
        implements IndexMetadata {

    ReflectiveIndex {
        partitionKeys = List.copyOf(partitionKeys);
        sortKeys = List.copyOf(sortKeys);
        includedAttributes = List.copyOf(includedAttributes);
    }

    /** An index with a single-attribute partition key and at most one sort key field. */
    ReflectiveIndex(
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

    @Override
    public FieldMetadata partitionKey() {
        return partitionKeys.get(0);
    }

    @Override
    public Optional<FieldMetadata> sortKey() {
        return sortKeys.isEmpty() ? Optional.empty() : Optional.of(sortKeys.get(0));
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
