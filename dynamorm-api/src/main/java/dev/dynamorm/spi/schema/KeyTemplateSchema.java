package dev.dynamorm.spi.schema;

import dev.dynamorm.annotations.IndexType;
import dev.dynamorm.annotations.KeyRole;
import dev.dynamorm.annotations.ProjectionType;
import java.util.List;
import java.util.Objects;

/**
 * One key template declared on a model type ({@code @PartitionKey}, {@code @SortKey} or {@code
 * IndexKey} with a {@code template}), as values.
 *
 * @param index the index name, empty for the table's own key
 * @param role partition or sort key
 * @param attribute the attribute name as declared, empty for the default
 * @param template the template text
 * @param type global or local (ignored for the table's key)
 * @param projection the index projection (ignored for the table's key)
 * @param include Java names of the fields copied into the index when the projection is INCLUDE
 */
public record KeyTemplateSchema(
        String index,
        KeyRole role,
        String attribute,
        String template,
        IndexType type,
        ProjectionType projection,
        List<String> include) {

    /**
     * Checks and copies the components.
     *
     * @throws NullPointerException if a component is null
     */
    public KeyTemplateSchema {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(projection, "projection");
        include = List.copyOf(include);
    }
}
