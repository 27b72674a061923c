package dev.dynamorm.test.mock;

import dev.dynamorm.WriteResult;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Programs the answer of one expected call: what a {@link TableStub} or {@link QueryStub} method
 * names, or {@link MockDB#expectTransaction}.
 *
 * @param <R> the type the call returns
 */
public final class Stub<R> {

    private final MockDB db;
    private final MockCall expected;
    private final String location;
    private final Programmed.Responder success;

    Stub(MockDB db, MockCall expected, String location, Programmed.Responder success) {
        this.db = db;
        this.expected = expected;
        this.location = location;
        this.success = success;
    }

    private Expectation program(Programmed.Responder responder) {
        Programmed p = new Programmed(expected, null, null, responder, location);
        db.register(p);
        return db.expectation(p);
    }

    /**
     * The call returns this result.
     *
     * @param result e.g. {@code Optional.of(order)} for a get
     * @return the expectation
     */
    public Expectation returns(R result) {
        return program((call, detail) -> result);
    }

    /**
     * The call succeeds with a default result: for create, put and update of an item, a {@link
     * WriteResult} whose {@code written()} is the item; for deletes and key-bound updates, an empty
     * one; an empty {@code Optional} for a get; for batches, a complete result (a batch get finds
     * none of its keys); for transactions, see {@link MockDB#expectTransaction}.
     *
     * @return the expectation
     */
    public Expectation succeeds() {
        return program(success);
    }

    /**
     * The call throws this exception, e.g. a {@code ConditionFailedException} or {@code
     * ThrottledException}.
     *
     * @param failure the exception
     * @return the expectation
     * @throws NullPointerException if failure is null
     */
    public Expectation fails(RuntimeException failure) {
        Objects.requireNonNull(failure, "failure");
        return program(
                (call, detail) -> {
                    throw failure;
                });
    }

    /** The default result of a delete or key-bound update: nothing returned. */
    static <T> WriteResult<T> emptyWrite() {
        return new WriteResult<>(Optional.empty(), Map.of(), Optional.empty(), Optional.empty());
    }

    /** The default result of a create, put or update of an item: the item as written. */
    static <T> WriteResult<T> written(T item) {
        return new WriteResult<>(Optional.empty(), Map.of(), Optional.empty(), Optional.of(item));
    }

    @Override
    public String toString() {
        return "Stub[" + expected + "]";
    }
}
