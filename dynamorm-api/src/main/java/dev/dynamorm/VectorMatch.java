package dev.dynamorm;

import java.util.Objects;

/**
 * One answer of a vector search: the item and its score under the index's distance function.
 *
 * @param item the item, mapped to the model (fields the index does not project are absent)
 * @param score the score: a distance for {@code COSINE} and {@code EUCLIDEAN} (lower is closer), a
 *     similarity for {@code DOT_PRODUCT} (higher is closer)
 * @param <T> the model type
 */
public record VectorMatch<T>(T item, double score) {
    /**
     * Creates a match.
     *
     * @param item the item
     * @param score the score
     * @throws NullPointerException if the item is null
     */
    public VectorMatch {
        Objects.requireNonNull(item, "item");
    }
}
