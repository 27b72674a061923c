package dev.dynamorm.test.mock;

import dev.dynamorm.BatchWriter;
import dev.dynamorm.BatchWriterOptions;
import dev.dynamorm.DynamORM;
import dev.dynamorm.ModelDefinitionException;
import dev.dynamorm.Operation;
import dev.dynamorm.Page;
import dev.dynamorm.Query;
import dev.dynamorm.ReadTransaction;
import dev.dynamorm.Statistic;
import dev.dynamorm.Table;
import dev.dynamorm.Transaction;
import dev.dynamorm.TransactionReadResult;
import dev.dynamorm.TransactionResult;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.internal.ObservedOperations;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A {@link DynamORM} for unit tests without any server: it answers the calls your code makes with
 * what you programmed, records every call, and fails on calls nobody expected, with a diff against
 * the nearest expectation.
 *
 * <pre>{@code
 * MockDB db = MockDB.create();
 * Table<Order> orders = db.table(Order.class);
 * db.expect(orders.where("status", "=", "PAID")).returns(paidOrder);
 * db.expect(orders).put(shipped).succeeds();
 *
 * new OrderService(db).shipPaidOrders();
 *
 * db.verifyAllExpectationsMet();
 * }</pre>
 *
 * <p><b>Matching.</b> A call matches an expectation when it is on the same table, is the same
 * operation and was built the same way: the same conditions in the same order (values compared with
 * {@code equals}; numbers by value, so {@code 5} and {@code 5L} match), the same projection, order,
 * limit, index, options, items, keys and update actions. A query expectation programmed with {@link
 * QueryStub#returns(List)} answers any read ({@code all}, {@code first}, {@code stream}, {@code
 * page}, {@code count}, {@code scan}); {@link QueryStub#returnsPage(Page)} only {@code page()},
 * {@link QueryStub#returnsCount(long)} only {@code count()}. {@code get(pk)}, {@code get(pk, sk)}
 * and {@code get(Key)} are the same call. Expectations are tried in the order they were programmed;
 * each answers once unless {@link Expectation#times(int)} or {@link Expectation#anyTimes()} says
 * otherwise.
 *
 * <p><b>Typed values.</b> Values given for a model's fields (in conditions, keys and update values)
 * are treated as the engine treats them: a value of the field's type is kept; text or a number for
 * a field of another type is read through the field's converter, so {@code "2026-01-01T00:00:00Z"}
 * for an {@code Instant} field matches an expectation programmed with that {@code Instant}, and
 * {@code "PAID"} one with the enum constant; a value the converter cannot read ({@code
 * "yesterday"}) is refused with the engine's {@link dev.dynamorm.InvalidRequestException}. The
 * converters are those on the path ({@code dynamorm-converters}); fields MockDB cannot type
 * ({@code @Ttl} fields, nested models, list elements in paths, or no converters on the path) are
 * compared as given.
 *
 * <p><b>Failures.</b> A call no expectation matches throws an {@link AssertionError} (which your
 * code will not catch as an exception) naming the call, the nearest expectation with where it was
 * programmed, and a line diff of the two; {@link #verifyAllExpectationsMet()} reports it again,
 * with the expectations that were not met.
 *
 * <p><b>Single-table models.</b> A member of an entity family (a record permitted by a sealed
 * interface annotated with {@code @DynamoTable}) is a model of the family's table, and values for a
 * family's fields are typed through its members. {@code keyOf(item)} computes the key as the engine
 * does, key templates included ({@code CUSTOMER#c1}, with {@code #} and {@code \} in values
 * escaped).
 *
 * <p><b>{@code @Unique}.</b> MockDB remembers the unique values of the writes it answered as a
 * success (create, put, update, delete, and the writes of a transaction, all or none): a write that
 * takes a value another item holds fails with the engine's {@link
 * dev.dynamorm.UniqueConstraintException} and message instead of the programmed answer; an update
 * moves the value, a delete frees it, {@link #reset()} forgets them. Like the engine it refuses
 * batch writes of such models, return values other than NONE and update actions whose new value is
 * unknown. Updates and deletes through a query find the item's key from the query's equalities on
 * the key fields or the fields its key templates name.
 *
 * <p><b>Not mocked.</b> Table management ({@code createTable}, {@code drift}, ...), item conversion
 * ({@code toItem}, {@code fromItem}), {@code explain()}, {@code client()} and {@code batchWriter()}
 * throw {@link UnsupportedOperationException} ("not mocked: ...").
 *
 * <p><b>No substitute for real-backend tests.</b> MockDB checks that your code asks for what you
 * expect; it cannot tell whether that request works: whether an index serves the query, a condition
 * holds, a field name exists, a transaction conflicts or a converter round-trips. Test those
 * against a real backend with {@link dev.dynamorm.test.DynamoBackend}; keep MockDB for fast tests
 * of the logic around the calls.
 *
 * <p>Thread-safe.
 */
public final class MockDB implements DynamORM {

    static final String TABLE_MANAGEMENT =
            "tables exist only on real backends: test table management with" + " @DynamoBackend";

    private final Map<Class<?>, MockTable<?>> tables = new ConcurrentHashMap<>();
    private final CallLedger ledger = new CallLedger();
    private final FieldTypes fieldTypes = new FieldTypes();
    private final TypedValues values = new TypedValues(fieldTypes);
    private final UniqueWrites uniqueWrites = new UniqueWrites(fieldTypes);
    private final UniqueClaims claims = new UniqueClaims();

    private MockDB() {}

    /**
     * A MockDB with no expectations.
     *
     * @return the MockDB
     */
    public static MockDB create() {
        return new MockDB();
    }

    static UnsupportedOperationException notMocked(String operation, String why) {
        return new UnsupportedOperationException(
                "not mocked: MockDB does not implement " + operation + " (" + why + ")");
    }

    // ------------------------------------------------------------------ DynamORM

    /**
     * The mock table of a model, named as its {@code @DynamoTable} says (no prefix).
     *
     * @param modelType a class annotated with {@code @DynamoTable}
     * @param <T> the model type
     * @return the table
     * @throws ModelDefinitionException if the class is not annotated with {@code @DynamoTable}
     */
    @Override
    @SuppressWarnings("unchecked")
    public <T> Table<T> table(Class<T> modelType) {
        Objects.requireNonNull(modelType, "modelType");
        DynamoTable annotation = ModelTypes.tableOf(modelType);
        if (annotation == null) {
            throw new ModelDefinitionException(
                    String.format(
                            Locale.ROOT,
                            "%s is not a model: annotate it with @DynamoTable(\"table-name\"), or"
                                    + " permit it from a sealed entity family annotated with it",
                            modelType.getName()),
                    modelType);
        }
        return (Table<T>)
                tables.computeIfAbsent(
                        modelType, t -> new MockTable<>(this, modelType, annotation.value()));
    }

    /**
     * Not mocked: MockDB has no client.
     *
     * @return never
     * @throws UnsupportedOperationException always
     */
    @Override
    public DynamoDbClient client() {
        throw notMocked("DynamORM.client()", "it sends nothing, so it has no DynamoDbClient");
    }

    /**
     * No plugins are installed in a MockDB.
     *
     * @return an empty list
     */
    @Override
    public List<String> plugins() {
        return List.of();
    }

    /**
     * No plugin publishes statistics in a MockDB.
     *
     * @return an empty list
     */
    @Override
    public List<Statistic> statistics() {
        return List.of();
    }

    /**
     * Accepts the statistic; no plugin listens in a MockDB, so {@link #statistics()} stays empty.
     *
     * @param statistic the statistic
     */
    @Override
    public void publish(Statistic statistic) {
        Objects.requireNonNull(statistic, "statistic");
    }

    /**
     * Runs the work: no hooks are installed in a MockDB.
     *
     * @param operation {@link Operation#STREAM_READ}, the only operation {@code observe} runs
     * @param modelType the model the work is about
     * @param attributes what hooks would read
     * @param work the work
     * @param <R> what the work returns
     * @return what {@code work} returned
     */
    @Override
    public <R> R observe(
            Operation operation,
            Class<?> modelType,
            Map<String, Object> attributes,
            Supplier<R> work) {
        ObservedOperations.require(operation);
        Objects.requireNonNull(modelType, "modelType");
        Objects.requireNonNull(attributes, "attributes");
        return Objects.requireNonNull(work, "work").get();
    }

    /**
     * Runs the body against a recording transaction and answers with the matching expectation of
     * {@link #expectTransaction(Consumer)}.
     *
     * @param body adds the actions
     * @return the programmed result
     */
    @Override
    public TransactionResult transaction(Consumer<Transaction> body) {
        MockTransaction tx = MockTransaction.describe(values, body);
        for (MockTransaction.Write w : tx.writes()) {
            if (w.update() != null) {
                UniqueWrites.requireKnownValues(w.model(), w.update());
            }
        }
        TransactionResult result =
                (TransactionResult)
                        answer(new MockCall("transaction", "transaction", tx.parts(), null), tx);
        claim(uniqueWrites.transaction(tx.writes()));
        return result;
    }

    /**
     * Runs the body against a recording read transaction and answers with the matching expectation
     * of {@link #expectReadTransaction(Consumer)}.
     *
     * @param body adds the gets
     * @return the programmed result
     */
    @Override
    public TransactionReadResult readTransaction(Consumer<ReadTransaction> body) {
        MockTransaction tx = MockTransaction.describe(values, body);
        return (TransactionReadResult)
                answer(new MockCall("transaction", "readTransaction", tx.parts(), null), tx);
    }

    /**
     * Not mocked: a collection reads a partition of an entity family's table.
     *
     * @param family ignored
     * @param <T> the family type
     * @return never
     * @throws UnsupportedOperationException always
     */
    @Override
    public <T> dev.dynamorm.Query<T> collection(Class<T> family) {
        throw notMocked(
                "DynamORM.collection()",
                "test collection queries of entity families on a real backend (the embedded engine)");
    }

    /**
     * Not mocked: the async view needs the engine and an async client.
     *
     * @return never
     * @throws UnsupportedOperationException always
     */
    @Override
    public dev.dynamorm.AsyncDynamORM async() {
        throw notMocked(
                "DynamORM.async()",
                "the async view needs the engine and an async client: test async code against"
                        + " dynamorm-local");
    }

    /**
     * Not mocked: a batch writer flushes in the background.
     *
     * @param options ignored
     * @return never
     * @throws UnsupportedOperationException always
     */
    @Override
    public BatchWriter batchWriter(BatchWriterOptions options) {
        throw notMocked(
                "DynamORM.batchWriter()",
                "mock the batch writes with expect(table).batchPut(...) and call"
                        + " table.batchPut(...) instead, or test the writer on a real backend");
    }

    /** Does nothing: a MockDB holds no resources. */
    @Override
    public void close() {}

    // ------------------------------------------------------------------ programming

    /**
     * Programs the answer to reads (or a key-bound update or delete) through a query built like
     * this one, on a table of this MockDB.
     *
     * @param query e.g. {@code orders.where("status", "=", "PAID").limit(10)}
     * @param <T> the model type
     * @return the stub to program the answer with
     * @throws IllegalArgumentException if the query is not of this MockDB
     */
    public <T> QueryStub<T> expect(Query<T> query) {
        Objects.requireNonNull(query, "query");
        if (!(query instanceof MockQuery<T> mock) || mock.table().db() != this) {
            throw new IllegalArgumentException(
                    "expect(query) takes a query of this MockDB's tables: build it from"
                            + " db.table(Model.class), got "
                            + query.getClass().getName());
        }
        return new QueryStub<>(this, mock, CallSite.location());
    }

    /**
     * Programs the answer to a single-item or batch operation on a table of this MockDB.
     *
     * @param table the table, from {@link #table(Class)}
     * @param <T> the model type
     * @return the stub whose methods name the operation
     * @throws IllegalArgumentException if the table is not of this MockDB
     */
    public <T> TableStub<T> expect(Table<T> table) {
        Objects.requireNonNull(table, "table");
        if (!(table instanceof MockTable<T> mock) || mock.db() != this) {
            throw new IllegalArgumentException(
                    "expect(table) takes a table of this MockDB: db.table(Model.class),"
                            + " got "
                            + table.getClass().getName());
        }
        return new TableStub<>(this, mock, CallSite.location());
    }

    /**
     * Programs the answer to a write transaction with these actions, in this order (the client
     * request token is not compared). {@link Stub#succeeds()} answers a result whose written items
     * are those of the create, put and update-of-an-item actions.
     *
     * @param body adds the expected actions, e.g. {@code tx -> tx.create(order).delete(cartLine)}
     * @return the stub
     */
    public Stub<TransactionResult> expectTransaction(Consumer<Transaction> body) {
        MockTransaction tx = MockTransaction.describe(values, body);
        return new Stub<>(
                this,
                new MockCall("transaction", "transaction", tx.parts(), null),
                CallSite.location(),
                (call, detail) -> {
                    MockTransaction actual = (MockTransaction) detail;
                    return new TransactionResult(
                            actual.token() != null ? actual.token() : UUID.randomUUID().toString(),
                            actual.written(),
                            0);
                });
    }

    /**
     * Programs the answer to a read transaction with these gets, in this order. {@link
     * Stub#succeeds()} answers no items (all gets empty).
     *
     * @param body adds the expected gets
     * @return the stub
     */
    public Stub<TransactionReadResult> expectReadTransaction(Consumer<ReadTransaction> body) {
        MockTransaction tx = MockTransaction.describe(values, body);
        return new Stub<>(
                this,
                new MockCall("transaction", "readTransaction", tx.parts(), null),
                CallSite.location(),
                (call, detail) ->
                        new TransactionReadResult(
                                Collections.nCopies(call.parts().size(), null), 0));
    }

    // ------------------------------------------------------------------ verification

    /**
     * Every call received, in order, matched or not.
     *
     * @return a snapshot
     */
    public List<MockCall> calls() {
        return ledger.calls();
    }

    /**
     * Fails unless every expectation was called as often as programmed and no unexpected call was
     * made (even one whose {@link AssertionError} your code swallowed).
     *
     * @throws AssertionError listing the unmet expectations, the unexpected calls and the calls
     *     received
     */
    public void verifyAllExpectationsMet() {
        ledger.verifyAllExpectationsMet();
    }

    /** Forgets every expectation, every recorded call and every {@code @Unique} value written. */
    public void reset() {
        ledger.reset();
        claims.reset();
    }

    @Override
    public String toString() {
        return ledger.toString();
    }

    // ------------------------------------------------------------------ answering

    /** Answers a call: the first matching expectation with uses left, else an AssertionError. */
    Object answer(MockCall call) {
        return ledger.answer(call, null);
    }

    Object answer(MockCall call, Object detail) {
        return ledger.answer(call, detail);
    }

    /** The engine's rule for values given for typed fields. */
    TypedValues values() {
        return values;
    }

    /** Reads the unique values and keys of writes. */
    UniqueWrites uniqueWrites() {
        return uniqueWrites;
    }

    /**
     * Records the {@code @Unique} values of writes that were answered as a success, all or none.
     *
     * @throws dev.dynamorm.UniqueConstraintException if one takes a value another item holds
     */
    void claim(List<UniqueClaims.Change> changes) {
        if (!changes.isEmpty()) {
            claims.apply(changes);
        }
    }

    void register(Programmed programmed) {
        ledger.register(programmed);
    }

    /** A handle on a registered expectation, to say how often it may be called. */
    Expectation expectation(Programmed programmed) {
        return new Expectation(ledger, programmed);
    }
}
