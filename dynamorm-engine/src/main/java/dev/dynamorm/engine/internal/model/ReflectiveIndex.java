package dev.dynamorm.engine.internal.model;

import dev.dynamorm.annotations.ProjectionType;
import java.util.List;
import java.util.Optional;

/**
 * A secondary index read from {@code @IndexKey} annotations.
 *
 * @param name the index name
 * @param global true for a GSI
 * @param partitionKey the index partition key (the table's for a local index)
 * @param sortKey the index sort key, if any
 * @param projection the projection type
 * @param includedAttributes attribute names of the included non-key attributes (INCLUDE only)
 */
record ReflectiveIndex(
        String name,
        boolean global,
        FieldMetadata partitionKey,
        Optional<FieldMetadata> sortKey,
        ProjectionType projection,
        List<String> includedAttributes)
        implements IndexMetadata {

    ReflectiveIndex {
        includedAttributes = List.copyOf(includedAttributes);
    }

    @Override
    public String toString() {
        return "Index["
                + name
                + (global ? ", global" : ", local")
                + ", pk="
                + partitionKey.name()
                + sortKey.map(s -> ", sk=" + s.name()).orElse("")
                + ", "
                + projection
                + (includedAttributes.isEmpty() ? "" : " " + includedAttributes)
                + "]";
    }
}
