package dev.dynamorm.benchmarks;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Query;
import dev.dynamorm.QueryPlan;
import dev.dynamorm.Table;
import dev.dynamorm.benchmarks.model.Indexed;
import dev.dynamorm.benchmarks.model.IndexedBean;
import dev.dynamorm.benchmarks.model.Schemas;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Area 3, query compilation, on a model with four global and two local secondary indexes ({@link
 * Indexed}): {@code Query.explain()} compiles a query — index selection over the seven access
 * paths, expressions, value binding — without sending it.
 *
 * <ul>
 *   <li>{@code warm}: the same shape again (a plan-cache hit), on a query built once;
 *   <li>{@code warmBuild}: the same, building the query with {@code where(..)} calls each time;
 *   <li>{@code cold}: a new shape each call — 1023 shapes (every projection over ten fields) cycled
 *       through the table's 256-plan LRU cache, so every call compiles.
 * </ul>
 *
 * References for the same query (status = OPEN, updatedAt &gt; t, filter amount &gt; 100 on index
 * by-status): {@code handwritten} builds the {@code QueryRequest} with constant expressions; {@code
 * enhancedBean} builds the Enhanced Client's request and its key-condition expression for the index
 * ({@code QueryConditional.expression}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 3,
        jvmArgs = {"-Xms1g", "-Xmx1g"})
public class QueryCompilationBenchmark {

    private static final String[] SELECTABLE = {
        "status",
        "updatedAt",
        "owner",
        "priority",
        "region",
        "city",
        "sku",
        "createdAt",
        "amount",
        "note"
    };
    private static final Instant SINCE = Instant.parse("2026-01-01T00:00:00Z");

    private DynamORM db;
    private Table<Indexed> table;
    private Query<Indexed> warm;
    private List<Query<Indexed>> cold;
    private int next;
    private TableSchema<IndexedBean> beanSchema;

    /** Builds the table, the warm query and the cold shapes; checks the plans. */
    @Setup(Level.Trial)
    public void setUp() {
        db = OrmClients.dynamorm(OrmClients.sdk(new CannedHttpClient()));
        table = db.table(Indexed.class);
        warm = query();
        Check.equal("by-status", warm.explain().indexName().orElse(null), "the warm query's index");
        cold = new ArrayList<>();
        for (int mask = 1; mask < 1 << SELECTABLE.length; mask++) {
            List<String> fields = new ArrayList<>();
            for (int f = 0; f < SELECTABLE.length; f++) {
                if ((mask & 1 << f) != 0) {
                    fields.add(SELECTABLE[f]);
                }
            }
            cold.add(query().select(fields.toArray(String[]::new)));
        }
        Check.state(cold.size() > 3 * 256, "more cold shapes than the plan cache holds");
        beanSchema = Schemas.indexedBean();
    }

    private Query<Indexed> query() {
        return table.where("status", "=", "OPEN")
                .where("updatedAt", ">", SINCE)
                .filter("amount", ">", 100L);
    }

    /** Closes DynamORM. */
    @TearDown(Level.Trial)
    public void tearDown() {
        db.close();
    }

    /**
     * @return the plan
     */
    @Benchmark
    public QueryPlan warm_dynamorm() {
        return warm.explain();
    }

    /**
     * @return the plan
     */
    @Benchmark
    public QueryPlan warmBuild_dynamorm() {
        return query().explain();
    }

    /**
     * @return the plan
     */
    @Benchmark
    public QueryPlan cold_dynamorm() {
        Query<Indexed> q = cold.get(next);
        next = next + 1 == cold.size() ? 0 : next + 1;
        return q.explain();
    }

    /**
     * @return the request
     */
    @Benchmark
    public QueryRequest warm_handwritten() {
        return QueryRequest.builder()
                .tableName("indexed")
                .indexName("by-status")
                .keyConditionExpression("#n0 = :v0 AND #n1 > :v1")
                .filterExpression("#n2 > :v2")
                .expressionAttributeNames(
                        Map.of("#n0", "status", "#n1", "updatedAt", "#n2", "amount"))
                .expressionAttributeValues(
                        Map.of(
                                ":v0",
                                AttributeValue.createS("OPEN"),
                                ":v1",
                                AttributeValue.createS(SINCE.toString()),
                                ":v2",
                                AttributeValue.createN(Long.toString(100L))))
                .build();
    }

    /**
     * @return the key condition and filter expressions
     */
    @Benchmark
    public Expression[] warm_enhancedBean() {
        QueryConditional key =
                QueryConditional.sortGreaterThan(
                        Key.builder().partitionValue("OPEN").sortValue(SINCE.toString()).build());
        Expression filter =
                Expression.builder()
                        .expression("#a > :a")
                        .putExpressionName("#a", "amount")
                        .putExpressionValue(":a", AttributeValue.createN(Long.toString(100L)))
                        .build();
        return new Expression[] {key.expression(beanSchema, "by-status"), filter};
    }
}
