package dev.dynamorm.engine.internal.model;

import dev.dynamorm.annotations.ProjectionType;
import java.util.List;
import java.util.Optional;

/**
 * A secondary index declared by {@code @IndexKey} annotations. Immutable. A model holds one
 * instance per index, compared by identity (see {@link #same}).
 *
 * <p>A plain final class rather than a record: the first indexed model loads and links this class,
 * and a record's generated {@code equals}, {@code hashCode} and {@code toString} (their bootstrap
 * entries and method handles) only made it larger, as nothing compares indexes by value.
 */
public final class IndexMetadata {

    private final String name;
    private final boolean global;
    private final List<FieldMetadata> partitionKeys;
    private final List<FieldMetadata> sortKeys;
    private final ProjectionType projection;
    private final List<String> includedAttributes;

    /**
     * An index; the lists are copied, so that the index stays immutable.
     *
     * @param name the index name
     * @param global true for a global secondary index, false for a local one
     * @param partitionKeys every partition key field in key order: one, or up to four for a
     *     multi-attribute key (the table's partition key for a local index)
     * @param sortKeys every sort key field in key order: none, one, or up to four for a
     *     multi-attribute key
     * @param projection the projection type
     * @param includedAttributes attribute names of non-key attributes included when the projection
     *     is INCLUDE
     */
    public IndexMetadata(
            String name,
            boolean global,
            List<FieldMetadata> partitionKeys,
            List<FieldMetadata> sortKeys,
            ProjectionType projection,
            List<String> includedAttributes) {
        this.name = name;
        this.global = global;
        this.partitionKeys = List.copyOf(partitionKeys);
        this.sortKeys = List.copyOf(sortKeys);
        this.projection = projection;
        this.includedAttributes = List.copyOf(includedAttributes);
    }

    /**
     * The index name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Whether this is a global secondary index.
     *
     * @return true for a global index, false for a local one
     */
    public boolean global() {
        return global;
    }

    /**
     * Every partition key field in key order: one, or up to four for a multi-attribute key (the
     * table's partition key for a local index).
     *
     * @return the fields
     */
    public List<FieldMetadata> partitionKeys() {
        return partitionKeys;
    }

    /**
     * Every sort key field in key order: none, one, or up to four for a multi-attribute key.
     *
     * @return the fields
     */
    public List<FieldMetadata> sortKeys() {
        return sortKeys;
    }

    /**
     * The projection type.
     *
     * @return the projection
     */
    public ProjectionType projection() {
        return projection;
    }

    /**
     * Attribute names of non-key attributes included when the projection is INCLUDE.
     *
     * @return the attribute names
     */
    public List<String> includedAttributes() {
        return includedAttributes;
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
     * index).
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
        StringBuilder out =
                new StringBuilder("Index[")
                        .append(name)
                        .append(global ? ", global" : ", local")
                        .append(", pk=");
        names(out, partitionKeys);
        if (!sortKeys.isEmpty()) {
            names(out.append(", sk="), sortKeys);
        }
        out.append(", ").append(projection);
        if (!includedAttributes.isEmpty()) {
            out.append(' ').append(includedAttributes);
        }
        return out.append(']').toString();
    }

    private static void names(StringBuilder out, List<FieldMetadata> fields) {
        for (int i = 0; i < fields.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(fields.get(i).name());
        }
    }
}
