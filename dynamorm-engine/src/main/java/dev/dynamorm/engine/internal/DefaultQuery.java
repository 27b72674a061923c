package dev.dynamorm.engine.internal;

import dev.dynamorm.Condition;
import dev.dynamorm.IndexScorer;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Operation;
import dev.dynamorm.Operator;
import dev.dynamorm.Page;
import dev.dynamorm.Query;
import dev.dynamorm.QueryModifier;
import dev.dynamorm.QueryPlan;
import dev.dynamorm.SortOrder;
import dev.dynamorm.engine.internal.expr.ValueBinder;
import dev.dynamorm.engine.internal.model.FieldMetadata;
import dev.dynamorm.engine.internal.model.IndexMetadata;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import dev.dynamorm.engine.internal.query.AsyncQueryRunner;
import dev.dynamorm.engine.internal.query.AsyncSend;
import dev.dynamorm.engine.internal.query.PlanCache;
import dev.dynamorm.engine.internal.query.QueryRunner;
import dev.dynamorm.engine.internal.query.QuerySpec;
import dev.dynamorm.engine.internal.query.TableAccess;
import dev.dynamorm.engine.internal.query.TemplateBinding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
    private final List<QueryModifier<T>> modifiers;

    /**
     * For the copy a modifier amends and the copies made from it, a token unique to that
     * application (terminal calls are refused); null otherwise.
     */
    private final Object applying;

    /** A collection query ({@code db.collection(..)}): one partition of the table, never a scan. */
    private final boolean collection;

    DefaultQuery(DefaultTable<T> table, QuerySpec spec) {
        this(table, spec, false, List.of(), null);
    }

    DefaultQuery(DefaultTable<T> table, QuerySpec spec, boolean collection) {
        this(table, spec, collection, List.of(), null);
    }

    private DefaultQuery(
            DefaultTable<T> table,
            QuerySpec spec,
            boolean collection,
            List<QueryModifier<T>> modifiers,
            Object applying) {
        this.table = table;
        this.spec = spec;
        this.collection = collection;
        this.modifiers = modifiers;
        this.applying = applying;
    }

    /** The copy of a query a modifier amends (see {@link ModifierChain}). */
    static <T> DefaultQuery<T> applying(DefaultTable<T> table, QuerySpec spec) {
        return new DefaultQuery<>(table, spec, false, List.of(), new Object());
    }

    /** The query's own modifiers, in the order given. */
    List<QueryModifier<T>> modifiers() {
        return modifiers;
    }

    /** Whether this query is {@code view} or was made from it. */
    boolean derivedFrom(DefaultQuery<?> view) {
        return applying != null && applying == view.applying;
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
    public Set<String> readFields() {
        ModelMetadata<T> model = table.model();
        Set<String> read = new HashSet<>();
        if (spec.select().isEmpty()) {
            model.fields().forEach(f -> read.add(f.name()));
        } else {
            for (String path : spec.select()) {
                read.add(path.split("[.\\[]", 2)[0]);
            }
            read.add(model.partitionKey().name());
            model.sortKey().ifPresent(f -> read.add(f.name()));
            Optional<String> index = explain().indexName();
            for (IndexMetadata i : model.indexes()) {
                if (index.isPresent() && i.name().equals(index.get())) {
                    i.partitionKeys().forEach(f -> read.add(f.name()));
                    i.sortKeys().forEach(f -> read.add(f.name()));
                }
            }
        }
        Set<String> ordered = new LinkedHashSet<>();
        model.fields().stream()
                .map(FieldMetadata::name)
                .filter(read::contains)
                .forEach(ordered::add);
        return Collections.unmodifiableSet(ordered);
    }

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
        return new DefaultQuery<>(table, next, collection, modifiers, applying);
    }

    @Override
    public Query<T> with(QueryModifier<T> modifier) {
        Objects.requireNonNull(modifier, "modifier");
        List<QueryModifier<T>> next = new ArrayList<>(modifiers);
        next.add(modifier);
        return new DefaultQuery<>(table, spec, collection, List.copyOf(next), applying);
    }

    // ---- terminal calls ----

    private QueryRunner<T> runner() {
        return runner(modified());
    }

    private QueryRunner<T> runner(ModifierChain.Applied applied) {
        return new QueryRunner<>(table.queryAccess(), bound(applied));
    }

    /** The spec a terminal call runs: modifiers applied, key templates bound, checked. */
    QuerySpec runSpec() {
        return bound(modified());
    }

    private QuerySpec bound(ModifierChain.Applied applied) {
        // modifiers first (they may name template fields), then the key templates
        QuerySpec bound = TemplateBinding.bind(table.model(), applied.spec());
        if (collection) {
            CollectionQueries.check(table.model(), bound);
        }
        return bound;
    }

    private ModifierChain.Applied modified() {
        if (applying != null) {
            throw new IllegalStateException(
                    "a query modifier must only amend the query it is given and return it; a"
                            + " terminal call (first, all, page, ...) inside a modifier is not"
                            + " allowed");
        }
        return ModifierChain.apply(table, spec, modifiers);
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
        ModifierChain.Applied applied = modified();
        return ModifiedPlan.of(runner(applied).explain(), applied.applied());
    }

    @Override
    public dev.dynamorm.WriteResult<T> update(
            java.util.function.Consumer<dev.dynamorm.UpdateBuilder> update) {
        requireNoModifiers(Operation.UPDATE, "update(..)");
        return table.updateByTerms(TemplateBinding.bind(table.model(), spec).terms(), update);
    }

    @Override
    public dev.dynamorm.WriteResult<T> delete() {
        requireNoModifiers(Operation.DELETE, "delete()");
        return table.deleteByTerms(TemplateBinding.bind(table.model(), spec).terms());
    }

    private void requireNoModifiers(Operation op, String call) {
        if (applying != null || !modifiers.isEmpty()) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "%s on model %s: query modifiers %s shape reads, not key writes; write"
                                    + " by key without with(..), or read the items first",
                            call,
                            table.modelType().getName(),
                            modifiers.stream().map(QueryModifier::name).toList()),
                    op,
                    table.modelType(),
                    null);
        }
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

        /**
         * The async runner of a query spec over this table: made here, so that {@link DefaultTable}
         * (loaded at every registration) passes no {@code Access} as a {@link TableAccess}, which
         * would load that interface to verify the upcast.
         */
        AsyncQueryRunner<T> asyncRunner(QuerySpec spec, AsyncSend send) {
            return new AsyncQueryRunner<>(this, spec, send);
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

        @Override
        public <Q extends software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest, R> R send(
                Operation op,
                Map<String, AttributeValue> key,
                Q request,
                java.util.function.Function<Q, R> call,
                dev.dynamorm.engine.internal.plugin.Event origin) {
            return table.context()
                    .executor()
                    .run(table.event(op, key).follow(origin), request, call, e -> table.map(e, op));
        }

        @Override
        public dev.dynamorm.engine.internal.plugin.Event origin(Operation op) {
            return table.context()
                    .executor()
                    .hooks()
                    .origin(op, table.tableName(), table.model().type());
        }
    }
}
