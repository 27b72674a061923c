package dev.dynamorm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a field holds a vector embedding searched through a DynamoDB vector index.
 *
 * <p>The field is a {@code float[]} or a {@code List<Float>}, stored as a list of numbers of
 * exactly {@link #dimensions()} elements. The index is created with the table and searched with
 * {@link dev.dynamorm.Table#nearest(String, float[])}:
 *
 * <pre>{@code
 * @DynamoTable("docs")
 * record Doc(@PartitionKey String id,
 *            String category,
 *            @VectorIndex(name = "by-embedding", dimensions = 256,
 *                         distance = VectorDistance.COSINE, filters = "category")
 *            float[] embedding) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface VectorIndex {
    /**
     * The index name (3 to 255 characters of {@code [a-zA-Z0-9_.-]}).
     *
     * @return the index name
     */
    String name();

    /**
     * The number of elements of every vector (1 to 4096).
     *
     * @return the dimensions
     */
    int dimensions();

    /**
     * How vectors are compared.
     *
     * @return cosine by default
     */
    VectorDistance distance() default VectorDistance.COSINE;

    /**
     * The Java name of the field that partitions the index (the search schema's {@code HASH}
     * element); every search must then give it with {@code =}. Empty for none.
     *
     * @return the partition field, or empty
     */
    String partitionKey() default "";

    /**
     * The Java names of the fields a search may filter on (the search schema's inline filters).
     *
     * @return the filter fields
     */
    String[] filters() default {};

    /**
     * Which attributes the index copies and a search returns.
     *
     * @return all attributes by default
     */
    ProjectionType projection() default ProjectionType.ALL;

    /**
     * The Java names of the fields copied when {@link #projection()} is {@code INCLUDE}.
     *
     * @return the included fields
     */
    String[] include() default {};
}
