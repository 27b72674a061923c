package dev.dynamorm.annotations;

/**
 * How a vector index scores the distance between two vectors; the names are DynamoDB's.
 *
 * <p>{@link #COSINE} and {@link #EUCLIDEAN} return the items with the smallest scores first, {@link
 * #DOT_PRODUCT} the items with the highest scores first.
 */
public enum VectorDistance {
    /** One minus the cosine similarity: 0 for the same direction, 2 for opposite directions. */
    COSINE,
    /** The Euclidean (L2) distance. */
    EUCLIDEAN,
    /** The dot product: higher means more similar. */
    DOT_PRODUCT
}
