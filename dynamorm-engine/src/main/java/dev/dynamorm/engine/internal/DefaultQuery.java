package dev.dynamorm.engine.internal;

import dev.dynamorm.Condition;
import dev.dynamorm.Operation;
import dev.dynamorm.Operator;
import dev.dynamorm.Page;
import dev.dynamorm.Query;
import dev.dynamorm.QueryPlan;
import dev.dynamorm.SortOrder;
import dev.dynamorm.engine.internal.expr.ValueBinder;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import dev.dynamorm.engine.internal.query.PlanCache;
import dev.dynamorm.engine.internal.query.QueryRunner;
import dev.dynamorm.engine.internal.query.QuerySpec;
import dev.dynamorm.engine.internal.query.TableAccess;
import dev.dynamorm.spi.IndexScorer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An immutable query: a {@link QuerySpec} over a table. Builder calls return copies; terminal calls
 * compile the spec (through the table's plan cache) and run it with a {@link QueryRunner}. See
 * {@link Query} for the access-path rules.
 */
final class DefaultQuery<T> implements Query<T> {

    /** The test kit's MockQuery gives the same message. */
    static final String AFTER_NULL =
            "after(null): the last page has no cursor (check Page.hasNext()); to start from the"
                    + " first page, leave after(..) out";

    private final DefaultTable<T> table;
    private final QuerySpec spec;

    DefaultQuery(DefaultTable<T> table, QuerySpec spec) {
        this.table = table;
        this.spec = spec;
    }

    /** What the query states. */
    QuerySpec spec() {
        return spec;
    }

    /** Whether this is a query of that table. */
    boolean of(DefaultTable<?> other) {
        return table == other;
    }

    // ---- conditions ----

    @Override
    public Query<T> where(String field, String operator, Object value) {
        return with(spec.withTerm(Condition.when(field, operator, value), false));
    }

    @Override
    public Query<T> where(String field, Operator operator, Object value) {
        Objects.requireNonNull(operator, "operator");
        return with(spec.withTerm(Condition.when(field, operator, value), false));
    }

    @Override
    public Query<T> where(Condition condition) {
        return with(spec.withTerm(condition, false));
    }

    @Override
    public Query<T> filter(String field, String operator, Object value) {
        return with(spec.withTerm(Condition.when(field, operator, value), true));
    }

    @Override
    public Query<T> filter(Condition condition) {
        return with(spec.withTerm(condition, true));
    }

    @Override
    public Query<T> or(String field, String operator, Object value) {
        return with(spec.withOr(Condition.when(field, operator, value)));
    }

    @Override
    public Query<T> or(Condition condition) {
        return with(spec.withOr(condition));
    }

    // ---- shape ----

    @Override
    public Query<T> select(String... fields) {
        List<String> list = new ArrayList<>(Arrays.asList(fields));
        list.forEach(f -> Objects.requireNonNull(f, "field"));
        return with(spec.withSelect(list));
    }

    @Override
    public Query<T> orderBy(SortOrder order) {
        Objects.requireNonNull(order, "order");
        return with(spec.withOrder(spec.orderField(), order));
    }

    @Override
    public Query<T> orderBy(String field, SortOrder order) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(order, "order");
        return with(spec.withOrder(field, order));
    }

    @Override
    public Query<T> limit(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + n);
        }
        return with(spec.withLimit(n));
    }

    @Override
    public Query<T> consistentRead() {
        return with(spec.withConsistentRead());
    }

    @Override
    public Query<T> index(String name) {
        Objects.requireNonNull(name, "name");
        return with(spec.withIndex(name));
    }

    @Override
    public Query<T> allowScan() {
        return with(spec.withAllowScan());
    }

    @Override
    public Query<T> indexScorer(IndexScorer scorer) {
        Objects.requireNonNull(scorer, "scorer");
        return with(spec.withScorer(scorer));
    }

    @Override
    public Query<T> after(String cursor) {
        return with(spec.withCursor(Objects.requireNonNull(cursor, AFTER_NULL)));
    }

    private DefaultQuery<T> with(QuerySpec next) {
        return new DefaultQuery<>(table, next);
    }

    // ---- terminal calls ----

    private QueryRunner<T> runner() {
        return new QueryRunner<>(table.queryAccess(), spec);
    }

    @Override
    public Optional<T> first() {
        return runner().first();
    }

    @Override
    public List<T> all() {
        return runner().all();
    }

    @Override
    public Stream<T> stream() {
        return runner().stream();
    }

    @Override
    public Page<T> page() {
        return runner().page();
    }

    @Override
    public long count() {
        return runner().count();
    }

    @Override
    public List<T> scan() {
        return runner().scan();
    }

    @Override
    public List<T> parallelScan(int segments) {
        return runner().parallelScan(segments);
    }

    @Override
    public QueryPlan explain() {
        return runner().explain();
    }

    @Override
    public dev.dynamorm.WriteResult<T> update(
            java.util.function.Consumer<dev.dynamorm.UpdateBuilder> update) {
        return table.updateByTerms(spec.terms(), update);
    }

    @Override
    public dev.dynamorm.WriteResult<T> delete() {
        return table.deleteByTerms(spec.terms());
    }

    /**
     * The bridge from the query engine to a {@link DefaultTable}; one per table, holding its plan
     * cache.
     */
    static final class Access<T> implements TableAccess<T> {

        /** How many compiled plans a table keeps (least recently used evicted first). */
        static final int PLAN_CACHE_SIZE = 256;

        private final DefaultTable<T> table;
        private final PlanCache cache = new PlanCache(PLAN_CACHE_SIZE);

        Access(DefaultTable<T> table) {
            this.table = table;
        }

        @Override
        public ModelMetadata<T> model() {
            return table.model();
        }

        @Override
        public DynamoDbClient client() {
            return table.context().client();
        }

        @Override
        public String tableName() {
            return table.tableName();
        }

        @Override
        public ValueBinder values() {
            return table.context().values();
        }

        @Override
        public PlanCache planCache() {
            return cache;
        }

        @Override
        public boolean logAttributeValues() {
            return table.context().logAttributeValues();
        }

        @Override
        public SecretKey cursorKey() {
            return table.context().cursorKey();
        }

        @Override
        public String hiddenByTtlAttribute() {
            return table.hidesExpiredItems()
                    ? table.model().ttlField().map(f -> f.attributeName()).orElse(null)
                    : null;
        }

        @Override
        public boolean hidden(Map<String, AttributeValue> item) {
            return table.hidden(item);
        }

        @Override
        public void requireReadable(Operation op) {
            table.requireReadableForQuery(op);
        }

        @Override
        public <R> R call(Operation op, Map<String, AttributeValue> key, Supplier<R> call) {
            return table.context()
                    .executor()
                    .run(table.event(op, key), call, e -> table.map(e, op));
        }

        @Override
        public <Q extends software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest, R> R send(
                Operation op,
                Map<String, AttributeValue> key,
                Q request,
                java.util.function.Function<Q, R> call) {
            return table.context()
                    .executor()
                    .run(table.event(op, key), request, call, e -> table.map(e, op));
        }
    }
}
