package dev.dynamorm;

import java.util.List;

/**
 * A nearest-neighbour search on a vector index ({@code SearchVectors}), built fluently and run by
 * {@link #all()}. Obtained from {@link Table#nearest(String, float[])}; immutable: each call
 * returns a new query.
 *
 * <pre>{@code
 * List<VectorMatch<Doc>> top =
 *         docs.nearest("embedding", queryVector).where("category", "=", "news").limit(10).all();
 * }</pre>
 *
 * @param <T> the model type
 */
public interface VectorQuery<T> {

    /**
     * Adds an equality condition, combined with AND (the only form DynamoDB's {@code
     * SearchConditionExpression} takes). The field must be the index's partition field or one of
     * its filter fields.
     *
     * @param field the Java field name
     * @param operator {@code =}
     * @param value the value, converted by the field's converter
     * @return a new query with the condition
     * @throws UnknownFieldException if the model has no such field
     * @throws InvalidRequestException if the field is not in the index's search schema, the
     *     operator is unknown or not allowed, or the value cannot be converted
     */
    VectorQuery<T> where(String field, String operator, Object value);

    /**
     * How many nearest items to return (DynamoDB's {@code TopK}, 1 to 100; 10 by default).
     *
     * @param k the number of items
     * @return a new query with the limit
     * @throws InvalidRequestException if {@code k} is outside 1 to 100
     */
    VectorQuery<T> limit(int k);

    /**
     * Names the vector index to search, needed only when several indexes cover the field.
     *
     * @param name the index name
     * @return a new query on that index
     * @throws InvalidRequestException if the field has no vector index of that name
     */
    VectorQuery<T> index(String name);

    /**
     * Runs the search.
     *
     * @return the matches, nearest first
     * @throws InvalidRequestException if DynamoDB rejects the search
     * @throws DynamORMException on any other failure
     */
    List<VectorMatch<T>> all();

    /**
     * Runs the search and returns the items only.
     *
     * @return the items, nearest first
     * @throws DynamORMException on failure
     */
    default List<T> items() {
        return all().stream().map(VectorMatch::item).toList();
    }
}
