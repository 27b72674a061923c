package dev.dynamorm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a field is a key of a secondary index.
 *
 * <p>A global secondary index needs a field with role {@link KeyRole#PARTITION} and may have one
 * with role {@link KeyRole#SORT}. A local secondary index shares the table's partition key and is
 * declared by a single field with role {@link KeyRole#SORT} and {@code type = LOCAL}. Projection
 * settings may be given on any one key field of the index; conflicting settings fail registration.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Repeatable(IndexKeys.class)
public @interface IndexKey {
    /**
     * The index name.
     *
     * @return the index name
     */
    String index();

    /**
     * The role of this field in the index key.
     *
     * @return partition by default
     */
    KeyRole role() default KeyRole.PARTITION;

    /**
     * Whether the index is global or local.
     *
     * @return global by default
     */
    IndexType type() default IndexType.GLOBAL;

    /**
     * Which attributes are copied into the index.
     *
     * @return {@link ProjectionType#ALL} by default
     */
    ProjectionType projection() default ProjectionType.ALL;

    /**
     * Java field names of the non-key attributes copied into the index when the projection is
     * {@link ProjectionType#INCLUDE}.
     *
     * @return the included field names, empty by default
     */
    String[] include() default {};
}
