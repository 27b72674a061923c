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
 *
 * <p>On the model type, with a {@link #template()}, the index key is a string attribute computed
 * from fields (see {@link PartitionKey}); several entity types of one table may share such an
 * attribute (an overloaded index): {@code @IndexKey(index = "GSI1", template = "ORDER#{orderId}")}.
 * An index is declared either on the type (templates for each of its keys) or on fields, not both.
 * An item missing a field of an index template is left out of that index (no attribute written).
 *
 * <p>A global index key may also be made of several fields (DynamoDB's multi-attribute keys, up to
 * four partition and four sort attributes): give each field of the same role an {@link #order()},
 * from 1. DynamoDB hashes the partition attributes together and sorts by the sort attributes from
 * left to right, so a query must bind every partition field with {@code =}, and may then bind sort
 * fields from the first one on: {@code =} on each but the last, any sort key comparison on the
 * last. An item missing one of the fields is left out of the index.
 *
 * <pre>{@code
 * record Match(@PartitionKey String id,
 *              @IndexKey(index = "by-region", order = 1) String tournament,
 *              @IndexKey(index = "by-region", order = 2) String region,
 *              @IndexKey(index = "by-region", role = KeyRole.SORT, order = 1) String round,
 *              @IndexKey(index = "by-region", role = KeyRole.SORT, order = 2) int seq) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT, ElementType.TYPE})
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

    /**
     * On the model type: the template the key is computed from. Must be empty on a field.
     *
     * @return the template, empty by default
     */
    String template() default "";

    /**
     * On the model type: the name of the computed key attribute.
     *
     * @return the attribute name; empty (the default) means the index name followed by {@code "PK"}
     *     or {@code "SK"} (for index {@code GSI1}: {@code GSI1PK}, {@code GSI1SK})
     */
    String attribute() default "";

    /**
     * The position of this field in a multi-attribute index key: 1 for the first of its role, 2 for
     * the next, up to 4. Only on fields of a global index, and only when several fields share the
     * role; the positions of one role must run from 1 without a gap.
     *
     * @return the position; 0 (the default) for the only field of its role
     */
    int order() default 0;
}
