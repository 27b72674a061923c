package dev.dynamorm.test.mock;

import dev.dynamorm.Condition;
import dev.dynamorm.IndexScorer;
import dev.dynamorm.Operation;
import dev.dynamorm.Operator;
import dev.dynamorm.Page;
import dev.dynamorm.Query;
import dev.dynamorm.QueryPlan;
import dev.dynamorm.SortOrder;
import dev.dynamorm.UpdateBuilder;
import dev.dynamorm.WriteResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A query of a {@link MockDB} table: an immutable record of how it was built. Terminal calls ask
 * the MockDB for the programmed answer.
 *
 * @param <T> the model type
 */
final class MockQuery<T> implements Query<T> {

    private final MockTable<T> table;
    private final List<MockCall.Part> parts;

    MockQuery(MockTable<T> table, List<MockCall.Part> parts) {
        this.table = table;
        this.parts = List.copyOf(parts);
    }

    MockTable<T> table() {
        return table;
    }

    /** The query's shape, for a read with this terminal (null for the expectation of any read). */
    MockCall call(String operation, List<MockCall.Part> extra, String terminal) {
        List<MockCall.Part> all = new ArrayList<>(parts.size() + extra.size());
        for (MockCall.Part part : parts) {
            all.add(typed(part));
        }
        all.addAll(extra);
        return new MockCall(table.tableName(), operation, all, terminal);
    }

    /**
     * A where or filter part with its values typed as the engine binds them when the query runs (so
     * a refused value fails the terminal call, as in the engine).
     */
    private MockCall.Part typed(MockCall.Part part) {
        if (part.value() instanceof Condition c
                && (part.label().equals("where") || part.label().equals("filter"))) {
            Condition typed = table.db().values().condition(table.modelType(), Operation.QUERY, c);
            return typed == c ? part : new MockCall.Part(part.label(), typed);
        }
        return part;
    }

    /** The parts of an update through this query, its values typed for the model. */
    List<MockCall.Part> updateParts(Consumer<UpdateBuilder> update) {
        return MockUpdateBuilder.describe(
                table.db().values(), table.modelType(), Operation.UPDATE, update);
    }

    private MockQuery<T> with(String label, Object value) {
        List<MockCall.Part> next = new ArrayList<>(parts);
        next.add(new MockCall.Part(label, value));
        return new MockQuery<>(table, next);
    }

    @Override
    public Query<T> where(String field, String operator, Object value) {
        return where(Condition.when(field, operator, value));
    }

    @Override
    public Query<T> where(String field, Operator operator, Object value) {
        return where(Condition.when(field, operator, value));
    }

    @Override
    public Query<T> where(Condition condition) {
        return with("where", Objects.requireNonNull(condition, "condition"));
    }

    @Override
    public Query<T> filter(String field, String operator, Object value) {
        return filter(Condition.when(field, operator, value));
    }

    @Override
    public Query<T> filter(Condition condition) {
        return with("filter", Objects.requireNonNull(condition, "condition"));
    }

    @Override
    public Query<T> or(String field, String operator, Object value) {
        return or(Condition.when(field, operator, value));
    }

    @Override
    public Query<T> or(Condition condition) {
        Objects.requireNonNull(condition, "condition");
        for (int i = parts.size() - 1; i >= 0; i--) {
            MockCall.Part part = parts.get(i);
            if (part.label().equals("where") || part.label().equals("filter")) {
                List<MockCall.Part> next = new ArrayList<>(parts);
                next.set(
                        i,
                        new MockCall.Part(part.label(), ((Condition) part.value()).or(condition)));
                return new MockQuery<>(table, next);
            }
        }
        throw new IllegalStateException(
                "or(..) needs a condition before it: start with where(..) or filter(..)");
    }

    @Override
    public Query<T> select(String... fields) {
        for (String field : fields) {
            Objects.requireNonNull(field, "field");
        }
        return with("select", Arrays.asList(fields.clone()));
    }

    @Override
    public Query<T> orderBy(SortOrder order) {
        return with("orderBy", Objects.requireNonNull(order, "order"));
    }

    @Override
    public Query<T> orderBy(String field, SortOrder order) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(order, "order");
        return with("orderBy", field + " " + order);
    }

    @Override
    public Query<T> limit(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + n);
        }
        return with("limit", n);
    }

    @Override
    public Query<T> consistentRead() {
        return with("consistentRead", true);
    }

    @Override
    public Query<T> index(String name) {
        return with("index", Objects.requireNonNull(name, "name"));
    }

    @Override
    public Query<T> allowScan() {
        return with("allowScan", true);
    }

    @Override
    public Query<T> indexScorer(IndexScorer scorer) {
        return with("indexScorer", Objects.requireNonNull(scorer, "scorer"));
    }

    /**
     * Applies the modifier at once (MockDB has no plugins and no deferred chain): the conditions it
     * adds are AND-ed with this query's, as in the engine; an {@code or(..)} inside it combines
     * with this query's last condition, unlike the engine, which runs it on a condition-free copy.
     */
    @Override
    public Query<T> with(dev.dynamorm.QueryModifier<T> modifier) {
        Objects.requireNonNull(modifier, "modifier");
        return Objects.requireNonNull(
                modifier.apply(this),
                () -> "query modifier '" + modifier.name() + "' returned null");
    }

    @Override
    public Query<T> after(String cursor) {
        return with(
                "after",
                Objects.requireNonNull(
                        cursor,
                        "after(null): the last page has no cursor (check Page.hasNext()); to start"
                                + " from the first page, leave after(..) out"));
    }

    // ---- terminal calls: answered by the MockDB ----

    private Object read(String terminal) {
        return table.db().answer(call("query", List.of(), terminal));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<T> first() {
        return (Optional<T>) read("first()");
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<T> all() {
        return (List<T>) read("all()");
    }

    @Override
    @SuppressWarnings("unchecked")
    public Stream<T> stream() {
        return (Stream<T>) read("stream()");
    }

    @Override
    @SuppressWarnings("unchecked")
    public Page<T> page() {
        return (Page<T>) read("page()");
    }

    @Override
    public long count() {
        return (Long) read("count()");
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<T> scan() {
        return (List<T>) read("scan()");
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<T> parallelScan(int segments) {
        if (segments < 1 || segments > 1000) {
            throw new IllegalArgumentException(
                    "segments must be between 1 and 1000, got " + segments);
        }
        return (List<T>) read("parallelScan(" + segments + ")");
    }

    @Override
    public QueryPlan explain() {
        throw MockDB.notMocked(
                "Query.explain()",
                "the plan comes from the engine: assert plans with"
                        + " DynamoAssertions.assertThatQuery on a query of a real backend's table (@DynamoBackend)");
    }

    @Override
    public java.util.Set<String> readFields() {
        throw MockDB.notMocked(
                "Query.readFields()",
                "the fields read depend on the index the engine chooses: call it on a query of a"
                        + " real backend's table (@DynamoBackend)");
    }

    @Override
    @SuppressWarnings("unchecked")
    public WriteResult<T> update(Consumer<UpdateBuilder> update) {
        List<MockCall.Part> actions = updateParts(update);
        UniqueWrites.requireKnownValues(table.modelType(), actions);
        UniqueWrites.requireNoReturnValue(table.modelType(), actions);
        MockCall call = call("query.update", actions, null);
        WriteResult<T> result = (WriteResult<T>) table.db().answer(call);
        UniqueWrites unique = table.db().uniqueWrites();
        UniqueClaims.Change change =
                unique.updated(
                        table.tableName(),
                        table.modelType(),
                        Operation.UPDATE,
                        unique.keyOfQuery(table.modelType(), call.parts()),
                        actions);
        table.db().claim(change == null ? List.of() : List.of(change));
        return result;
    }

    @Override
    @SuppressWarnings("unchecked")
    public WriteResult<T> delete() {
        MockCall call = call("query.delete", List.of(), null);
        WriteResult<T> result = (WriteResult<T>) table.db().answer(call);
        UniqueWrites unique = table.db().uniqueWrites();
        UniqueClaims.Change change =
                unique.deleted(
                        table.tableName(),
                        table.modelType(),
                        Operation.DELETE,
                        unique.keyOfQuery(table.modelType(), call.parts()));
        table.db().claim(change == null ? List.of() : List.of(change));
        return result;
    }

    @Override
    public String toString() {
        return call("query", List.of(), null).toString();
    }
}
