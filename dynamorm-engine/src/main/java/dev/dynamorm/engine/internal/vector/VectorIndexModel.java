package dev.dynamorm.engine.internal.vector;

import dev.dynamorm.annotations.ProjectionType;
import dev.dynamorm.annotations.VectorDistance;
import dev.dynamorm.engine.internal.model.FieldMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One vector index of a model, resolved against its fields.
 *
 * @param name the index name
 * @param field the vector field
 * @param dimensions the number of elements of every vector
 * @param distance the distance function
 * @param partitionKey the field partitioning the index (the search schema's HASH), if any
 * @param filters the inline filter fields
 * @param projection what the index copies
 * @param include the fields copied when the projection is INCLUDE
 */
public record VectorIndexModel(
        String name,
        FieldMetadata field,
        int dimensions,
        VectorDistance distance,
        Optional<FieldMetadata> partitionKey,
        List<FieldMetadata> filters,
        ProjectionType projection,
        List<FieldMetadata> include) {

    /** Copies the lists. */
    public VectorIndexModel {
        filters = List.copyOf(filters);
        include = List.copyOf(include);
    }

    /** The fields of the search schema, the partition field first. */
    public List<FieldMetadata> searchFields() {
        List<FieldMetadata> out = new ArrayList<>();
        partitionKey.ifPresent(out::add);
        out.addAll(filters);
        return out;
    }

    /** The Java names of the search schema's fields, for messages. */
    List<String> searchFieldNames() {
        return searchFields().stream().map(FieldMetadata::name).toList();
    }
}
