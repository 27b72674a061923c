package dev.dynamorm.spi.schema;

import dev.dynamorm.annotations.IndexType;
import dev.dynamorm.annotations.KeyRole;
import dev.dynamorm.annotations.ProjectionType;
import java.util.List;
import java.util.Objects;

/**
 * One {@code @IndexKey} annotation of a field, as values.
 *
 * @param index the index name
 * @param type global or local
 * @param role partition or sort key of the index
 * @param projection the projection type declared on this key field
 * @param include Java names of the fields copied into the index when the projection is INCLUDE
 * @param order the position of the field in a multi-attribute index key (from 1), or 0 for the only
 *     field of its role
 */
public record IndexKeySchema(
        String index,
        IndexType type,
        KeyRole role,
        ProjectionType projection,
        List<String> include,
        int order) {

    /**
     * Checks and copies the components.
     *
     * @throws NullPointerException if a component is null
     */
    public IndexKeySchema {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(projection, "projection");
        include = List.copyOf(include);
    }

    /**
     * A single-attribute index key ({@code order} 0), the shape schemas generated before
     * multi-attribute keys use.
     *
     * @param index the index name
     * @param type global or local
     * @param role partition or sort key of the index
     * @param projection the projection type declared on this key field
     * @param include Java names of the fields copied into the index when the projection is INCLUDE
     */
    public IndexKeySchema(
            String index,
            IndexType type,
            KeyRole role,
            ProjectionType projection,
            List<String> include) {
        this(index, type, role, projection, include, 0);
    }
}
