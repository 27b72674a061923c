package dev.dynamorm.test.mock;

import dev.dynamorm.Page;
import dev.dynamorm.UpdateBuilder;
import dev.dynamorm.WriteResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Programs the answer to reads through a query (and key-bound updates and deletes); from {@link
 * MockDB#expect(dev.dynamorm.Query)}.
 *
 * @param <T> the model type
 */
public final class QueryStub<T> {

    /** The terminal calls a query expectation of any read answers. */
    private static final List<String> READS =
            List.of(
                    "all()",
                    "first()",
                    "stream()",
                    "page()",
                    "count()",
                    "scan()",
                    "parallelScan(n)");

    private final MockDB db;
    private final MockQuery<T> query;
    private final String location;

    QueryStub(MockDB db, MockQuery<T> query, String location) {
        this.db = db;
        this.query = query;
        this.location = location;
    }

    private Expectation program(
            List<String> terminals, String text, Programmed.Responder responder) {
        Programmed p =
                new Programmed(
                        query.call("query", List.of(), null), terminals, text, responder, location);
        db.register(p);
        return db.expectation(p);
    }

    /**
     * Any read through the query returns these items: {@code all()}, {@code scan()} and {@code
     * parallelScan(n)} all of them, {@code first()} the first, {@code stream()} a stream of them,
     * {@code page()} a last page of them, {@code count()} their number.
     *
     * @param items the items, in order
     * @return the expectation
     */
    public Expectation returns(List<? extends T> items) {
        List<T> copy =
                Collections.unmodifiableList(
                        new ArrayList<>(Objects.requireNonNull(items, "items")));
        return program(READS, "any read", (call, detail) -> read(call.terminal(), copy, null));
    }

    /**
     * Any read through the query returns these items, see {@link #returns(List)}.
     *
     * @param items the items, in order
     * @return the expectation
     */
    @SafeVarargs
    public final Expectation returns(T... items) {
        List<T> list = new ArrayList<>(items.length);
        for (T item : items) {
            list.add(item);
        }
        return returns(list);
    }

    /**
     * {@code page()} through the query returns this page (with its cursor).
     *
     * @param page the page
     * @return the expectation
     */
    public Expectation returnsPage(Page<T> page) {
        Objects.requireNonNull(page, "page");
        return program(List.of("page()"), "page()", (call, detail) -> page);
    }

    /**
     * {@code count()} through the query returns this number.
     *
     * @param count the count
     * @return the expectation
     */
    public Expectation returnsCount(long count) {
        return program(List.of("count()"), "count()", (call, detail) -> count);
    }

    /**
     * Any read through the query throws this exception.
     *
     * @param failure the exception, e.g. a {@code ThrottledException}
     * @return the expectation
     */
    public Expectation fails(RuntimeException failure) {
        Objects.requireNonNull(failure, "failure");
        return program(
                READS,
                "any read",
                (call, detail) -> {
                    throw failure;
                });
    }

    /**
     * Programs {@code query.update(update)}: the actions and conditions of the expected update.
     *
     * @param update the expected update, e.g. {@code u -> u.set("status", "SHIPPED")}
     * @return the stub; {@link Stub#succeeds()} returns an empty {@link WriteResult}
     */
    public Stub<WriteResult<T>> updates(Consumer<UpdateBuilder> update) {
        return new Stub<>(
                db,
                query.call("query.update", query.updateParts(update), null),
                location,
                (call, detail) -> Stub.emptyWrite());
    }

    /**
     * Programs {@code query.delete()}.
     *
     * @return the stub; {@link Stub#succeeds()} returns an empty {@link WriteResult}
     */
    public Stub<WriteResult<T>> deletes() {
        return new Stub<>(
                db,
                query.call("query.delete", List.of(), null),
                location,
                (call, detail) -> Stub.emptyWrite());
    }

    private static <T> Object read(String terminal, List<T> items, Page<T> page) {
        if (terminal.equals("first()")) {
            return items.isEmpty() ? Optional.empty() : Optional.ofNullable(items.get(0));
        }
        if (terminal.equals("stream()")) {
            return items.stream();
        }
        if (terminal.equals("page()")) {
            return page != null ? page : new Page<>(items, null, items.size());
        }
        if (terminal.equals("count()")) {
            return (long) items.size();
        }
        return items;
    }

    @Override
    public String toString() {
        return "QueryStub[" + query + "]";
    }
}
