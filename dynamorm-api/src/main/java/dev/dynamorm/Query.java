package dev.dynamorm;

import java.util.List;
import java.util.Optional;

/**
 * A lazy, immutable query: each call returns a new query and nothing is sent until a terminal
 * call ({@link #first()}, {@link #all()}). A query may be reused and shared across threads.
 *
 * <p>When the conditions bind the full primary key with {@code =}, {@link #first()} is a GetItem.
 * When they bind the partition key with {@code =}, the query is a DynamoDB Query; conditions on
 * the sort key form the key condition and the others a filter.
 *
 * @param <T> the model type
 */
public interface Query<T> {

    /**
     * Adds a condition (combined with AND).
     *
     * @param field the Java field name
     * @param operator an operator symbol, see {@link Operator#parse(String)}
     * @param value the value
     * @return a new query
     */
    Query<T> where(String field, String operator, Object value);

    /**
     * The first matching item.
     *
     * @return the item, or empty
     * @throws QueryRequiresScanException if no key of the table or an index is bound with {@code =}
     * @throws UnknownFieldException if a field is not in the model
     */
    Optional<T> first();

    /**
     * Every matching item, reading all pages.
     *
     * @return the items in sort-key order
     * @throws QueryRequiresScanException if no key of the table or an index is bound with {@code =}
     */
    List<T> all();
}
