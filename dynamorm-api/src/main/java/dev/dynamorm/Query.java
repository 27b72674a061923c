package dev.dynamorm;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A lazy, immutable query: each call returns a new query and nothing is sent until a terminal call
 * ({@link #first()}, {@link #all()}, {@link #stream()}, {@link #page()}, {@link #count()}, {@link
 * #scan()}, {@link #parallelScan(int)}). A query may be reused and shared across threads.
 *
 * <p>The engine picks the access path by itself: the conditions are matched against the table's key
 * and the key of every secondary index, the candidates whose partition key is bound with {@code =}
 * are scored by an {@link IndexScorer}, and the winner becomes
 *
 * <ul>
 *   <li>a GetItem when it is the table, its full primary key is bound with {@code =} and no other
 *       condition is given;
 *   <li>otherwise a DynamoDB Query on the table or index, whose key condition binds the partition
 *       key (and at most one sort-key condition), every other condition becoming a filter;
 *   <li>a Scan only when asked for ({@link #scan()}, {@link #parallelScan(int)}) or allowed ({@link
 *       #allowScan()}); otherwise a {@link QueryRequiresScanException} naming the fields and the
 *       keys that exist.
 * </ul>
 *
 * {@link #explain()} shows the decision without sending anything.
 *
 * <pre>{@code
 * Page<Order> p = orders.where("status", "=", "PAID").where("createdAt", ">", since)
 *         .orderBy(SortOrder.DESC).limit(20).after(cursor).page();
 * }</pre>
 *
 * <p>Field names are Java names, dotted for nested fields ({@code address.city}) and with {@code
 * [n]} for list elements ({@code items[0]}); values go through the field's converter. Invalid
 * queries (unknown field, operator that does not fit the field, bad BETWEEN or IN) fail with an
 * {@link InvalidRequestException} before any request is sent.
 *
 * @param <T> the model type
 */
public interface Query<T> {

    // ---- conditions ----

    /**
     * Adds a condition, combined with the others by AND. A condition on a key of the table or an
     * index may become the key condition; any other becomes a filter.
     *
     * @param field the Java field name or path
     * @param operator an operator symbol, see {@link Operator#parse(String)}; also {@code "SIZE
     *     <op>"} for size comparisons and {@code "ATTRIBUTE_TYPE"}, see {@link
     *     Condition#when(String, String, Object)}
     * @param value the value; a two-element list or array for BETWEEN, a collection or array for
     *     IN, ignored for EXISTS and NOT_EXISTS
     * @return a new query
     * @throws IllegalArgumentException if the operator is unknown or the value's shape does not fit
     *     it
     */
    Query<T> where(String field, String operator, Object value);

    /**
     * Adds a condition, combined with the others by AND.
     *
     * @param field the Java field name or path
     * @param operator the operator
     * @param value the value, see {@link #where(String, String, Object)}
     * @return a new query
     * @throws IllegalArgumentException if the value's shape does not fit the operator
     */
    Query<T> where(String field, Operator operator, Object value);

    /**
     * Adds a condition tree (a group), combined with the others by AND. The comparisons of a
     * top-level AND may become key conditions; an OR or NOT group is always a filter.
     *
     * @param condition the condition, e.g. {@code when("status", "=", "NEW").or(when("status", "=",
     *     "PAID"))}
     * @return a new query
     * @throws NullPointerException if the condition is null
     */
    Query<T> where(Condition condition);

    /**
     * Adds a condition that is always sent as a filter, never as a key condition, combined with the
     * others by AND.
     *
     * @param field the Java field name or path
     * @param operator an operator symbol, see {@link #where(String, String, Object)}
     * @param value the value
     * @return a new query
     * @throws IllegalArgumentException if the operator is unknown or the value's shape does not fit
     *     it
     */
    Query<T> filter(String field, String operator, Object value);

    /**
     * Adds a condition tree that is always sent as a filter, combined with the others by AND.
     *
     * @param condition the condition
     * @return a new query
     * @throws NullPointerException if the condition is null
     */
    Query<T> filter(Condition condition);

    /**
     * Makes the most recently added condition (or group) an alternative: it becomes {@code (that
     * condition OR this one)}. So {@code where("customerId", "=", c).where("status", "=",
     * "NEW").or("status", "=", "PAID")} reads {@code customerId = c AND (status = NEW OR status =
     * PAID)}.
     *
     * @param field the Java field name or path
     * @param operator an operator symbol, see {@link #where(String, String, Object)}
     * @param value the value
     * @return a new query
     * @throws IllegalStateException if no condition was added before
     * @throws IllegalArgumentException if the operator is unknown or the value's shape does not fit
     *     it
     */
    Query<T> or(String field, String operator, Object value);

    /**
     * Makes the most recently added condition (or group) an alternative of this condition tree.
     *
     * @param condition the alternative
     * @return a new query
     * @throws IllegalStateException if no condition was added before
     */
    Query<T> or(Condition condition);

    // ---- shape ----

    /**
     * Reads only these fields (a projection); the results are partially filled models whose other
     * fields hold their absent value (null, 0, false). The key fields of the table (and of the
     * chosen index) are always read, so results can be paged. An index that does not project a
     * selected field is not chosen.
     *
     * @param fields Java field names or paths; none means every field
     * @return a new query
     * @throws NullPointerException if a field is null
     */
    Query<T> select(String... fields);

    /**
     * Orders the results by the sort key of the chosen table or index.
     *
     * @param order ascending (the default) or descending
     * @return a new query
     * @throws NullPointerException if the order is null
     */
    Query<T> orderBy(SortOrder order);

    /**
     * Orders the results by a field, which must be the sort key of the chosen table or index: only
     * paths sorted by that field are considered.
     *
     * @param field the Java field name of a sort key
     * @param order ascending or descending
     * @return a new query
     * @throws NullPointerException if an argument is null
     */
    Query<T> orderBy(String field, SortOrder order);

    /**
     * Returns at most {@code n} results (not n evaluated items: pages are read until n items
     * matched the filters or the data ends). For {@link #page()}, the page size.
     *
     * @param n the maximum number of results, at least 1
     * @return a new query
     * @throws IllegalArgumentException if n is less than 1
     */
    Query<T> limit(int n);

    /**
     * Asks for strongly consistent reads; honoured on the table and local indexes. A global index
     * cannot be read consistently, so it is not chosen; naming one with {@link #index(String)}
     * fails before sending.
     *
     * @return a new query
     */
    Query<T> consistentRead();

    /**
     * Uses this index (or the table, with {@link #TABLE}) instead of choosing one.
     *
     * @param name the index name as declared on the model, or {@link #TABLE}
     * @return a new query
     * @throws NullPointerException if the name is null
     */
    Query<T> index(String name);

    /** The name {@link #index(String)} takes to force the table's own key. */
    String TABLE = "<table>";

    /**
     * Lets the terminal calls fall back to a Scan (with every condition as a filter) when no key
     * can serve the query, instead of failing with {@link QueryRequiresScanException}. A scan reads
     * the whole table; it is logged at WARN.
     *
     * @return a new query
     */
    Query<T> allowScan();

    /**
     * Scores the candidate access paths with this scorer instead of the instance's one (set with
     * {@link DynamORM.Builder#indexScorer(IndexScorer)} or discovered) or the default one. The
     * default score of each candidate is available as {@link IndexScorer.Candidate#defaultScore()},
     * so a scorer can adjust it rather than replace it.
     *
     * @param scorer the scorer
     * @return a new query
     * @throws NullPointerException if the scorer is null
     */
    Query<T> indexScorer(IndexScorer scorer);

    /**
     * Continues after a page: the next {@link #page()} (or other terminal call) starts where the
     * page that returned this cursor ended.
     *
     * @param cursor a {@link Page#cursor()} of the same query
     * @return a new query
     * @throws NullPointerException if the cursor is null: the last page has none (check {@link
     *     Page#hasNext()}), and restarting from the first page is a query without {@code after}
     */
    Query<T> after(String cursor);

    /**
     * Applies a modifier at each terminal call: its conditions are AND-ed with this query's (see
     * {@link QueryModifier} for the rules and the order). Modifiers shape reads; {@link
     * #update(java.util.function.Consumer)} and {@link #delete()} refuse a query that has any.
     *
     * <pre>{@code
     * orders.where("customerId", "=", c).with(activeOnly()).all();
     * }</pre>
     *
     * @param modifier the modifier, e.g. {@code activeOnly()}
     * @return a new query
     * @throws NullPointerException if the modifier is null
     */
    default Query<T> with(QueryModifier<T> modifier) {
        throw new UnsupportedOperationException();
    }

    // ---- terminal calls ----

    /**
     * The first matching item.
     *
     * @return the item, or empty
     * @throws QueryRequiresScanException if no key of the table or an index is bound with {@code =}
     *     and no scan is allowed
     * @throws UnknownFieldException if a field is not in the model
     * @throws InvalidRequestException if the query is invalid
     */
    Optional<T> first();

    /**
     * Every matching item (at most {@link #limit(int)}), reading all pages.
     *
     * @return the items in the order of the chosen key
     * @throws QueryRequiresScanException if no key of the table or an index is bound with {@code =}
     *     and no scan is allowed
     * @throws InvalidRequestException if the query is invalid
     */
    List<T> all();

    /**
     * The matching items as a lazy stream: pages are fetched as the stream is consumed, and closing
     * the stream stops fetching. Use it in try-with-resources when not consumed fully.
     *
     * @return the stream
     * @throws QueryRequiresScanException if no key can serve the query and no scan is allowed (at
     *     this call, before anything is sent)
     * @throws InvalidRequestException if the query is invalid
     */
    Stream<T> stream();

    /**
     * One page of at most {@link #limit(int)} items (100 when no limit is set), starting after
     * {@link #after(String)}, with the cursor of the next page.
     *
     * @return the page
     * @throws InvalidCursorException if the cursor belongs to another query, model or index, or was
     *     altered
     * @throws QueryRequiresScanException if no key can serve the query and no scan is allowed
     */
    Page<T> page();

    /**
     * Counts the matching items with Select COUNT over all pages (at most {@link #limit(int)}).
     *
     * @return the number of matching items
     * @throws QueryRequiresScanException if no key can serve the query and no scan is allowed
     */
    long count();

    /**
     * Reads every matching item with a Scan of the table (or of the index named with {@link
     * #index(String)}), every condition being a filter, all pages merged.
     *
     * @return the items, in no particular order
     * @throws InvalidRequestException if the query is invalid or orders its results
     */
    List<T> scan();

    /**
     * Like {@link #scan()}, with the table split into segments scanned by parallel threads and the
     * results merged.
     *
     * @param segments the number of segments, 1 to 1000
     * @return the items, in no particular order
     * @throws IllegalArgumentException if segments is out of range
     * @throws InvalidRequestException if the query is invalid or orders its results
     */
    List<T> parallelScan(int segments);

    /**
     * The plan a terminal call ({@link #all()}, {@link #page()}) would run, without sending
     * anything: operation, table or index, expressions, placeholders, and the candidates that were
     * scored.
     *
     * @return the plan
     * @throws QueryRequiresScanException if no key can serve the query and no scan is allowed
     * @throws InvalidRequestException if the query is invalid
     */
    QueryPlan explain();

    /**
     * Updates the one item whose full primary key this query binds with {@code =} (and nothing
     * else): an UpdateItem built from the update builder. For a versioned model the version is
     * incremented without being checked; add {@code u.when("version", "=", n)} or update from the
     * model instance to check it.
     *
     * <pre>{@code
     * orders.where("customerId", "=", c).where("orderId", "=", id)
     *       .update(u -> u.set("status", "SHIPPED").increment("totalCents", 500).remove("note"));
     * }</pre>
     *
     * @param update adds the actions and conditions
     * @return the outcome, with the returned attributes mapped to the model
     * @throws InvalidRequestException if the query does not bind exactly the full key, or an action
     *     is invalid (before sending)
     * @throws ItemNotFoundException if no item has the key (unless {@link UpdateBuilder#upsert()})
     * @throws ConditionFailedException if a condition fails
     */
    default WriteResult<T> update(java.util.function.Consumer<UpdateBuilder> update) {
        throw new UnsupportedOperationException();
    }

    /**
     * Deletes the one item whose full primary key this query binds with {@code =} (and nothing
     * else); deleting a missing item is not an error. No version check.
     *
     * @return the outcome
     * @throws InvalidRequestException if the query does not bind exactly the full key (before
     *     sending)
     */
    default WriteResult<T> delete() {
        throw new UnsupportedOperationException();
    }

    // ---- typed field references (generated by dynamorm-processor) ----

    /**
     * Like {@link #where(String, String, Object)} with a typed field reference.
     *
     * @param field the field reference, e.g. {@code Order_.status}
     * @param operator an operator symbol
     * @param value the value, of the field's type
     * @param <V> the field type
     * @return a new query
     */
    default <V> Query<T> where(FieldRef<T, V> field, String operator, V value) {
        return where(field.path(), operator, value);
    }

    /**
     * Like {@link #where(String, Operator, Object)} with a typed field reference.
     *
     * @param field the field reference
     * @param operator the operator
     * @param value the value, of the field's type
     * @param <V> the field type
     * @return a new query
     */
    default <V> Query<T> where(FieldRef<T, V> field, Operator operator, V value) {
        return where(field.path(), operator, value);
    }

    /**
     * Like {@link #filter(String, String, Object)} with a typed field reference.
     *
     * @param field the field reference
     * @param operator an operator symbol
     * @param value the value, of the field's type
     * @param <V> the field type
     * @return a new query
     */
    default <V> Query<T> filter(FieldRef<T, V> field, String operator, V value) {
        return filter(field.path(), operator, value);
    }

    /**
     * Like {@link #or(String, String, Object)} with a typed field reference.
     *
     * @param field the field reference
     * @param operator an operator symbol
     * @param value the value, of the field's type
     * @param <V> the field type
     * @return a new query
     */
    default <V> Query<T> or(FieldRef<T, V> field, String operator, V value) {
        return or(field.path(), operator, value);
    }

    /**
     * The Java names of the fields each result of this query is read from, in model order: every
     * field without {@link #select(String...)}; with it, the fields of the selected paths (a nested
     * path counts for its top-level field) and the key fields of the table and of the chosen index.
     * Every other field of a result holds its absent value (null, or 0 and false for primitives),
     * not what is stored: do not write such a partial model back with {@code put}.
     *
     * <pre>{@code
     * Query<Order> q = orders.where("customerId", "=", "c-42").select("status");
     * q.readFields();   // [customerId, orderId, status]: totalCents of each result is 0, unread
     * }</pre>
     *
     * @return the field names
     * @throws InvalidRequestException if the query cannot be planned (as its terminal calls would)
     */
    default java.util.Set<String> readFields() {
        throw new UnsupportedOperationException("readFields() is not implemented by this Query");
    }

    /**
     * Like {@link #select(String...)} with typed field references.
     *
     * @param fields the field references
     * @return a new query
     */
    default Query<T> select(java.util.List<? extends FieldRef<T, ?>> fields) {
        return select(fields.stream().map(FieldRef::path).toArray(String[]::new));
    }

    /**
     * Like {@link #orderBy(String, SortOrder)} with a typed field reference.
     *
     * @param field the field reference
     * @param order the order
     * @return a new query
     */
    default Query<T> orderBy(FieldRef<T, ?> field, SortOrder order) {
        return orderBy(field.path(), order);
    }
}
