package dev.dynamorm.benchmarks;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Table;
import dev.dynamorm.benchmarks.generated.GenIndexed;
import dev.dynamorm.benchmarks.generated.GenOrder;
import dev.dynamorm.benchmarks.generated.GenSmallItem;
import dev.dynamorm.benchmarks.generated.GenWide;
import dev.dynamorm.benchmarks.generated.twins.GenIndexedTwin;
import dev.dynamorm.benchmarks.generated.twins.GenOrderTwin;
import dev.dynamorm.benchmarks.generated.twins.GenWideTwin;
import dev.dynamorm.benchmarks.model.Indexed;
import dev.dynamorm.benchmarks.model.IndexedBean;
import dev.dynamorm.benchmarks.model.Order;
import dev.dynamorm.benchmarks.model.OrderBean;
import dev.dynamorm.benchmarks.model.Schemas;
import dev.dynamorm.benchmarks.model.SmallBean;
import dev.dynamorm.benchmarks.model.SmallItem;
import dev.dynamorm.benchmarks.model.Wide;
import dev.dynamorm.benchmarks.model.WideBean;
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
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Area 4, model registration, cold: each measurement is one call in a fresh JVM (ten forks, one
 * single-shot each). The setup builds the mapper and registers another model first (the small one),
 * so the engine's own classes are loaded and the score is the cost of one more model: reflection,
 * converters, accessors, validation. {@code dynamorm}: {@code db.table(Model.class)}; {@code
 * enhancedBean}: {@code TableSchema.fromBean(Bean.class)}; {@code enhancedStatic}: building the
 * hand-written {@code StaticTableSchema}. {@code first*} cases register the small model as the
 * first one after the mapper is built (engine classes still loading; for the Enhanced Client, the
 * first schema built in the JVM). {@code generated}: {@code db.table(GenModel.class)} for the same
 * models compiled with {@code dynamorm-processor} (found through their generated schemas; the
 * primed engine has registered the generated small model too); {@code buildAndFirstSmall_generated}
 * builds DynamORM and registers the generated small model in the one measured call. {@code
 * *TypesInUse_generated}: the same generated registrations on an engine that has also registered a
 * generated twin of each model (same field types, nested record included, another table), so the
 * JVM already uses every field type and the score is what an application's second and later models
 * pay; the {@code *_generated} rows include the first use of each field type in the JVM (converter
 * classes, the nested model), paid once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(
        value = 10,
        jvmArgs = {"-Xms256m", "-Xmx256m"})
public class RegistrationBenchmark {

    /**
     * Collects the garbage a setup left, so that a young collection it made due does not fall
     * inside the measured call (with a 256 MB heap G1's second one, 6-9 ms, came at about the time
     * of the measured registration and took half the forks of a 0.5 ms case to 4-12 ms).
     */
    static void collectSetupGarbage() {
        System.gc();
    }

    /** DynamORM built, no model registered yet. */
    @State(Scope.Benchmark)
    public static class Fresh {
        DynamORM db;

        /** Builds DynamORM. */
        @Setup(Level.Trial)
        public void setUp() {
            db = OrmClients.dynamorm(OrmClients.sdk(new CannedHttpClient()));
            collectSetupGarbage();
        }

        /** Closes DynamORM. */
        @TearDown(Level.Trial)
        public void tearDown() {
            db.close();
        }
    }

    /** The SDK client built, DynamORM not yet; closes the DynamORM a benchmark builds. */
    @State(Scope.Benchmark)
    public static class Unbuilt {
        DynamoDbClient sdk;
        DynamORM db;

        /** Builds the SDK client. */
        @Setup(Level.Trial)
        public void setUp() {
            sdk = OrmClients.sdk(new CannedHttpClient());
            collectSetupGarbage();
        }

        /** Closes DynamORM. */
        @TearDown(Level.Trial)
        public void tearDown() {
            if (db != null) {
                db.close();
            }
        }
    }

    /** Primes the engine with the small model. */
    @State(Scope.Benchmark)
    public static class Primed {
        DynamORM db;

        /** Builds DynamORM and registers the small model. */
        @Setup(Level.Trial)
        public void setUp() {
            db = OrmClients.dynamorm(OrmClients.sdk(new CannedHttpClient()));
            db.table(SmallItem.class);
            db.table(GenSmallItem.class);
            TableSchema.fromBean(SmallBean.class);
            Schemas.smallStatic();
            collectSetupGarbage();
        }

        /** Closes DynamORM. */
        @TearDown(Level.Trial)
        public void tearDown() {
            db.close();
        }
    }

    /**
     * The primed engine, and a generated twin of each generated model registered: every field type
     * of the measured models is in use.
     */
    @State(Scope.Benchmark)
    public static class TypesInUse {
        DynamORM db;

        /** Primes like {@link Primed}, then registers the twins. */
        @Setup(Level.Trial)
        public void setUp() {
            db = OrmClients.dynamorm(OrmClients.sdk(new CannedHttpClient()));
            db.table(SmallItem.class);
            db.table(GenSmallItem.class);
            db.table(GenOrderTwin.class);
            db.table(GenWideTwin.class);
            db.table(GenIndexedTwin.class);
            collectSetupGarbage();
        }

        /** Closes DynamORM. */
        @TearDown(Level.Trial)
        public void tearDown() {
            db.close();
        }
    }

    // ---- the first model after the mapper is built ----

    /**
     * @param f DynamORM without models @return the table
     */
    @Benchmark
    public Table<SmallItem> firstSmall_dynamorm(Fresh f) {
        return f.db.table(SmallItem.class);
    }

    /**
     * @return the schema
     */
    @Benchmark
    public TableSchema<SmallBean> firstSmall_enhancedBean() {
        return TableSchema.fromBean(SmallBean.class);
    }

    /**
     * @return the schema
     */
    @Benchmark
    public TableSchema<SmallBean> firstSmall_enhancedStatic() {
        return Schemas.smallStatic();
    }

    // ---- one more model ----

    /**
     * @param p the primed engine @return the table
     */
    @Benchmark
    public Table<Order> typical_dynamorm(Primed p) {
        return p.db.table(Order.class);
    }

    /**
     * @param p the primed engine @return the schema
     */
    @Benchmark
    public TableSchema<OrderBean> typical_enhancedBean(Primed p) {
        return TableSchema.fromBean(OrderBean.class);
    }

    /**
     * @param p the primed engine @return the schema
     */
    @Benchmark
    public TableSchema<OrderBean> typical_enhancedStatic(Primed p) {
        return Schemas.orderStatic();
    }

    /**
     * @param p the primed engine @return the table
     */
    @Benchmark
    public Table<Wide> large_dynamorm(Primed p) {
        return p.db.table(Wide.class);
    }

    /**
     * @param p the primed engine @return the schema
     */
    @Benchmark
    public TableSchema<WideBean> large_enhancedBean(Primed p) {
        return TableSchema.fromBean(WideBean.class);
    }

    /**
     * @param p the primed engine @return the schema
     */
    @Benchmark
    public TableSchema<WideBean> large_enhancedStatic(Primed p) {
        return Schemas.wideStatic();
    }

    /**
     * @param p the primed engine @return the table
     */
    @Benchmark
    public Table<Indexed> indexed_dynamorm(Primed p) {
        return p.db.table(Indexed.class);
    }

    /**
     * @param p the primed engine @return the schema
     */
    @Benchmark
    public TableSchema<IndexedBean> indexed_enhancedBean(Primed p) {
        return TableSchema.fromBean(IndexedBean.class);
    }

    // ---- generated schemas ----

    /**
     * @param f DynamORM without models @return the table
     */
    @Benchmark
    public Table<GenSmallItem> firstSmall_generated(Fresh f) {
        return f.db.table(GenSmallItem.class);
    }

    /**
     * The first model including engine load (issue 16: at most 15 ms): {@code DynamORM.builder()
     * ... build()} and {@code db.table(GenSmallItem.class)} in one shot, the SDK client already
     * built.
     *
     * @param u the SDK client @return the table
     */
    @Benchmark
    public Table<GenSmallItem> buildAndFirstSmall_generated(Unbuilt u) {
        u.db = OrmClients.dynamorm(u.sdk);
        return u.db.table(GenSmallItem.class);
    }

    /**
     * @param p the primed engine @return the table
     */
    @Benchmark
    public Table<GenOrder> typical_generated(Primed p) {
        return p.db.table(GenOrder.class);
    }

    /**
     * @param p the primed engine @return the table
     */
    @Benchmark
    public Table<GenWide> large_generated(Primed p) {
        return p.db.table(GenWide.class);
    }

    /**
     * @param p the primed engine @return the table
     */
    @Benchmark
    public Table<GenIndexed> indexed_generated(Primed p) {
        return p.db.table(GenIndexed.class);
    }

    /**
     * The typical model when its field types are in use (the second and later models of an app).
     *
     * @param t the engine with the twins registered @return the table
     */
    @Benchmark
    public Table<GenOrder> typicalTypesInUse_generated(TypesInUse t) {
        return t.db.table(GenOrder.class);
    }

    /**
     * The large model when its field types are in use.
     *
     * @param t the engine with the twins registered @return the table
     */
    @Benchmark
    public Table<GenWide> largeTypesInUse_generated(TypesInUse t) {
        return t.db.table(GenWide.class);
    }

    /**
     * The indexed model when its field types are in use.
     *
     * @param t the engine with the twins registered @return the table
     */
    @Benchmark
    public Table<GenIndexed> indexedTypesInUse_generated(TypesInUse t) {
        return t.db.table(GenIndexed.class);
    }
}
