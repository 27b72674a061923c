package dev.dynamorm.engine.internal.query;

import dev.dynamorm.Condition;
import dev.dynamorm.IndexScorer;
import dev.dynamorm.SortOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a query states, immutable: terms, projection, order, limit, read mode, index override,
 * cursor, scan permission and scorer. Every {@code with..} returns a copy.
 *
 * @param terms the AND-ed conditions, in the order given
 * @param select Java field paths to read; empty for whole items
 * @param order the direction
 * @param orderField the sort key the results must be ordered by, or null for any
 * @param limit the maximum number of results, 0 for none
 * @param consistent strongly consistent reads
 * @param index the index override ({@code Query.TABLE} for the table), or null to choose
 * @param cursor the cursor to continue after, or null
 * @param allowScan whether a scan may serve the query when no key can
 * @param scorer the scorer, or null for the default
 */
public record QuerySpec(
        List<Term> terms,
        List<String> select,
        SortOrder order,
        String orderField,
        int limit,
        boolean consistent,
        String index,
        String cursor,
        boolean allowScan,
        IndexScorer scorer) {

    /** An empty query. */
    public static final QuerySpec EMPTY =
            new QuerySpec(
                    List.of(), List.of(), SortOrder.ASC, null, 0, false, null, null, false, null);

    /** Copies the lists. */
    public QuerySpec {
        terms = List.copyOf(terms);
        select = List.copyOf(select);
        Objects.requireNonNull(order, "order");
    }

    /** This spec without any terms (the rest kept). */
    public QuerySpec withoutTerms() {
        return new QuerySpec(
                List.of(),
                select,
                order,
                orderField,
                limit,
                consistent,
                index,
                cursor,
                allowScan,
                scorer);
    }

    /** This spec with a term added; a top-level AND is split into its parts. */
    public QuerySpec withTerm(Condition condition, boolean filterOnly) {
        Objects.requireNonNull(condition, "condition");
        List<Term> next = new ArrayList<>(terms);
        if (condition instanceof Condition.And and) {
            for (Condition part : and.conditions()) {
                next.add(new Term(part, filterOnly));
            }
        } else {
            next.add(new Term(condition, filterOnly));
        }
        return new QuerySpec(
                next,
                select,
                order,
                orderField,
                limit,
                consistent,
                index,
                cursor,
                allowScan,
                scorer);
    }

    /** This spec with the last term replaced by {@code (last OR condition)}. */
    public QuerySpec withOr(Condition condition) {
        Objects.requireNonNull(condition, "condition");
        if (terms.isEmpty()) {
            throw new IllegalStateException(
                    "or(..) needs a condition before it: start with where(..) or filter(..)");
        }
        List<Term> next = new ArrayList<>(terms);
        Term last = next.remove(next.size() - 1);
        next.add(new Term(last.condition().or(condition), last.filterOnly()));
        return new QuerySpec(
                next,
                select,
                order,
                orderField,
                limit,
                consistent,
                index,
                cursor,
                allowScan,
                scorer);
    }

    /** This spec reading only these fields. */
    public QuerySpec withSelect(List<String> fields) {
        return new QuerySpec(
                terms,
                fields,
                order,
                orderField,
                limit,
                consistent,
                index,
                cursor,
                allowScan,
                scorer);
    }

    /** This spec with an order. */
    public QuerySpec withOrder(String field, SortOrder newOrder) {
        return new QuerySpec(
                terms,
                select,
                newOrder,
                field,
                limit,
                consistent,
                index,
                cursor,
                allowScan,
                scorer);
    }

    /** This spec with a limit. */
    public QuerySpec withLimit(int n) {
        return new QuerySpec(
                terms, select, order, orderField, n, consistent, index, cursor, allowScan, scorer);
    }

    /** This spec with consistent reads. */
    public QuerySpec withConsistentRead() {
        return new QuerySpec(
                terms, select, order, orderField, limit, true, index, cursor, allowScan, scorer);
    }

    /** This spec with an index override. */
    public QuerySpec withIndex(String name) {
        return new QuerySpec(
                terms,
                select,
                order,
                orderField,
                limit,
                consistent,
                name,
                cursor,
                allowScan,
                scorer);
    }

    /** This spec continuing after a cursor. */
    public QuerySpec withCursor(String newCursor) {
        return new QuerySpec(
                terms,
                select,
                order,
                orderField,
                limit,
                consistent,
                index,
                newCursor,
                allowScan,
                scorer);
    }

    /** This spec with scans allowed. */
    public QuerySpec withAllowScan() {
        return new QuerySpec(
                terms, select, order, orderField, limit, consistent, index, cursor, true, scorer);
    }

    /** This spec with a scorer. */
    public QuerySpec withScorer(IndexScorer newScorer) {
        return new QuerySpec(
                terms,
                select,
                order,
                orderField,
                limit,
                consistent,
                index,
                cursor,
                allowScan,
                newScorer);
    }
}
