package dev.dynamorm.benchmarks;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Table;
import dev.dynamorm.benchmarks.generated.GenOrder;
import dev.dynamorm.benchmarks.generated.GenSmallItem;
import dev.dynamorm.benchmarks.generated.GenWide;
import dev.dynamorm.benchmarks.model.Codecs;
import dev.dynamorm.benchmarks.model.Fixtures;
import dev.dynamorm.benchmarks.model.Order;
import dev.dynamorm.benchmarks.model.OrderBean;
import dev.dynamorm.benchmarks.model.Schemas;
import dev.dynamorm.benchmarks.model.SmallBean;
import dev.dynamorm.benchmarks.model.SmallItem;
import dev.dynamorm.benchmarks.model.Wide;
import dev.dynamorm.benchmarks.model.WideBean;
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
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Area 1, marshalling: model to {@code Map<String, AttributeValue>} ({@code write}) and back
 * ({@code read}) for a small (5 fields), a typical (15 fields: list, map, Instant, nested record)
 * and a large (60 fields) model. Variants: {@code dynamorm} ({@code Table.toItem}/{@code fromItem},
 * the conversion every operation runs), {@code handwritten} (direct code, {@link Codecs}), {@code
 * enhancedBean}/{@code enhancedStatic} (the Enhanced Client's {@code BeanTableSchema} and a
 * hand-built {@code StaticTableSchema}; {@code itemToMap(item, true)} as its put does, and {@code
 * mapToItem}), {@code generated} (the same models, copied to the {@code generated} package and
 * compiled with {@code dynamorm-processor}: DynamORM through their generated schemas, where {@code
 * dynamorm} reads the originals by reflection). Each variant reads the item it writes. Run with
 * {@code -prof gc} for allocation per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 3,
        jvmArgs = {"-Xms1g", "-Xmx1g"})
public class MarshallingBenchmark {

    private DynamORM db;
    private Table<SmallItem> smallTable;
    private Table<Order> orderTable;
    private Table<Wide> wideTable;
    private TableSchema<SmallBean> smallBeanSchema;
    private TableSchema<SmallBean> smallStaticSchema;
    private TableSchema<OrderBean> orderBeanSchema;
    private TableSchema<OrderBean> orderStaticSchema;
    private TableSchema<WideBean> wideBeanSchema;
    private TableSchema<WideBean> wideStaticSchema;

    private SmallItem small;
    private SmallBean smallBean;
    private Order order;
    private OrderBean orderBean;
    private Wide wide;
    private WideBean wideBean;

    private Map<String, AttributeValue> smallItemDynamorm;
    private Map<String, AttributeValue> smallItemHandwritten;
    private Map<String, AttributeValue> smallItemEnhanced;
    private Map<String, AttributeValue> orderItemDynamorm;
    private Map<String, AttributeValue> orderItemHandwritten;
    private Map<String, AttributeValue> orderItemEnhanced;
    private Map<String, AttributeValue> wideItemDynamorm;
    private Map<String, AttributeValue> wideItemHandwritten;
    private Map<String, AttributeValue> wideItemEnhanced;

    private Table<GenSmallItem> genSmallTable;
    private Table<GenOrder> genOrderTable;
    private Table<GenWide> genWideTable;
    private GenSmallItem genSmall;
    private GenOrder genOrder;
    private GenWide genWide;
    private Map<String, AttributeValue> smallItemGenerated;
    private Map<String, AttributeValue> orderItemGenerated;
    private Map<String, AttributeValue> wideItemGenerated;

    /** Builds the mappers and the data, and checks that every variant maps it the same way. */
    @Setup(Level.Trial)
    public void setUp() {
        db = OrmClients.dynamorm(OrmClients.sdk(new CannedHttpClient()));
        smallTable = db.table(SmallItem.class);
        orderTable = db.table(Order.class);
        wideTable = db.table(Wide.class);
        smallBeanSchema = Schemas.smallBean();
        smallStaticSchema = Schemas.smallStatic();
        orderBeanSchema = Schemas.orderBean();
        orderStaticSchema = Schemas.orderStatic();
        wideBeanSchema = Schemas.wideBean();
        wideStaticSchema = Schemas.wideStatic();

        small = Fixtures.small(7);
        smallBean = Fixtures.bean(small);
        order = Fixtures.order(42, 7);
        orderBean = Fixtures.bean(order);
        wide = Fixtures.wide(7);
        wideBean = Fixtures.bean(wide);

        smallItemDynamorm = smallTable.toItem(small);
        smallItemHandwritten = Codecs.toItem(small);
        smallItemEnhanced = smallBeanSchema.itemToMap(smallBean, true);
        orderItemDynamorm = orderTable.toItem(order);
        orderItemHandwritten = Codecs.toItem(order);
        orderItemEnhanced = orderBeanSchema.itemToMap(orderBean, true);
        wideItemDynamorm = wideTable.toItem(wide);
        wideItemHandwritten = Codecs.toItem(wide);
        wideItemEnhanced = wideBeanSchema.itemToMap(wideBean, true);

        setUpGenerated();
        Check.sameShape(smallItemHandwritten, smallItemDynamorm, "small item, dynamorm");
        Check.sameShape(smallItemHandwritten, smallItemEnhanced, "small item, enhanced bean");
        Check.sameShape(
                smallItemHandwritten,
                smallStaticSchema.itemToMap(smallBean, true),
                "small item, enhanced static");
        Check.sameShape(orderItemHandwritten, orderItemDynamorm, "typical item, dynamorm");
        Check.sameShape(orderItemHandwritten, orderItemEnhanced, "typical item, enhanced bean");
        Check.sameShape(
                orderItemHandwritten,
                orderStaticSchema.itemToMap(orderBean, true),
                "typical item, enhanced static");
        Check.sameShape(wideItemHandwritten, wideItemDynamorm, "large item, dynamorm");
        Check.sameShape(wideItemHandwritten, wideItemEnhanced, "large item, enhanced bean");
        Check.sameShape(
                wideItemHandwritten,
                wideStaticSchema.itemToMap(wideBean, true),
                "large item, enhanced static");

        Check.equal(small, smallTable.fromItem(smallItemDynamorm), "small round trip, dynamorm");
        Check.equal(
                small, Codecs.smallFromItem(smallItemHandwritten), "small round trip, handwritten");
        Check.equal(
                smallBean,
                smallBeanSchema.mapToItem(smallItemEnhanced),
                "small round trip, enhanced bean");
        Check.equal(
                smallBean,
                smallStaticSchema.mapToItem(smallItemEnhanced),
                "small round trip, enhanced static");
        Check.equal(order, orderTable.fromItem(orderItemDynamorm), "typical round trip, dynamorm");
        Check.equal(
                order,
                Codecs.orderFromItem(orderItemHandwritten),
                "typical round trip, handwritten");
        Check.equal(
                orderBean,
                orderBeanSchema.mapToItem(orderItemEnhanced),
                "typical round trip, enhanced bean");
        Check.equal(
                orderBean,
                orderStaticSchema.mapToItem(orderItemEnhanced),
                "typical round trip, enhanced static");
        Check.equal(wide, wideTable.fromItem(wideItemDynamorm), "large round trip, dynamorm");
        Check.equal(
                wide, Codecs.wideFromItem(wideItemHandwritten), "large round trip, handwritten");
        Check.equal(
                wideBean,
                wideBeanSchema.mapToItem(wideItemEnhanced),
                "large round trip, enhanced bean");
        Check.equal(
                wideBean,
                wideStaticSchema.mapToItem(wideItemEnhanced),
                "large round trip, enhanced static");
    }

    /** The generated copies, built from the hand-written items; checked like the others. */
    private void setUpGenerated() {
        genSmallTable = db.table(GenSmallItem.class);
        genOrderTable = db.table(GenOrder.class);
        genWideTable = db.table(GenWide.class);
        genSmall = genSmallTable.fromItem(smallItemHandwritten);
        genOrder = genOrderTable.fromItem(orderItemHandwritten);
        genWide = genWideTable.fromItem(wideItemHandwritten);
        smallItemGenerated = genSmallTable.toItem(genSmall);
        orderItemGenerated = genOrderTable.toItem(genOrder);
        wideItemGenerated = genWideTable.toItem(genWide);
        Check.sameShape(smallItemHandwritten, smallItemGenerated, "small item, generated");
        Check.sameShape(orderItemHandwritten, orderItemGenerated, "typical item, generated");
        Check.sameShape(wideItemHandwritten, wideItemGenerated, "large item, generated");
        Check.equal(genSmall, genSmallTable.fromItem(smallItemGenerated), "small, generated");
        Check.equal(genOrder, genOrderTable.fromItem(orderItemGenerated), "typical, generated");
        Check.equal(genWide, genWideTable.fromItem(wideItemGenerated), "large, generated");
        Check.state(
                genSmall.toString().equals(small.toString().replace("SmallItem", "GenSmallItem")),
                "small, generated: " + genSmall + " differs from " + small);
    }

    /** Closes DynamORM. */
    @TearDown(Level.Trial)
    public void tearDown() {
        db.close();
    }

    // ---- small: write ----

    /**
     * @return the item
     */
    @Benchmark
    public Map<String, AttributeValue> smallWrite_dynamorm() {
        return smallTable.toItem(small);
    }

    /**
     * @return the item
     */
    @Benchmark
    public Map<String, AttributeValue> smallWrite_handwritten() {
        return Codecs.toItem(small);
    }

    /**
     * @return the item
     */
    @Benchmark
    public Map<String, AttributeValue> smallWrite_enhancedBean() {
        return smallBeanSchema.itemToMap(smallBean, true);
    }

    /**
     * @return the item
     */
    @Benchmark
    public Map<String, AttributeValue> smallWrite_enhancedStatic() {
        return smallStaticSchema.itemToMap(smallBean, true);
    }

    // ---- small: read ----

    /**
     * @return the model
     */
    @Benchmark
    public SmallItem smallRead_dynamorm() {
        return smallTable.fromItem(smallItemDynamorm);
    }

    /**
     * @return the model
     */
    @Benchmark
    public SmallItem smallRead_handwritten() {
        return Codecs.smallFromItem(smallItemHandwritten);
    }

    /**
     * @return the model
     */
    @Benchmark
    public SmallBean smallRead_enhancedBean() {
        return smallBeanSchema.mapToItem(smallItemEnhanced);
    }

    /**
     * @return the model
     */
    @Benchmark
    public SmallBean smallRead_enhancedStatic() {
        return smallStaticSchema.mapToItem(smallItemEnhanced);
    }

    // ---- typical: write ----

    /**
     * @return the item
     */
    @Benchmark
    public Map<String, AttributeValue> typicalWrite_dynamorm() {
        return orderTable.toItem(order);
    }

    /**
     * @return the item
     */
    @Benchmark
    public Map<String, AttributeValue> typicalWrite_handwritten() {
        return Codecs.toItem(order);
    }

    /**
     * @return the item
     */
    @Benchmark
    public Map<String, AttributeValue> typicalWrite_enhancedBean() {
        return orderBeanSchema.itemToMap(orderBean, true);
    }

    /**
     * @return the item
     */
    @Benchmark
    public Map<String, AttributeValue> typicalWrite_enhancedStatic() {
        return orderStaticSchema.itemToMap(orderBean, true);
    }

    // ---- typical: read ----

    /**
     * @return the model
     */
    @Benchmark
    public Order typicalRead_dynamorm() {
        return orderTable.fromItem(orderItemDynamorm);
    }

    /**
     * @return the model
     */
    @Benchmark
    public Order typicalRead_handwritten() {
        return Codecs.orderFromItem(orderItemHandwritten);
    }

    /**
     * @return the model
     */
    @Benchmark
    public OrderBean typicalRead_enhancedBean() {
        return orderBeanSchema.mapToItem(orderItemEnhanced);
    }

    /**
     * @return the model
     */
    @Benchmark
    public OrderBean typicalRead_enhancedStatic() {
        return orderStaticSchema.mapToItem(orderItemEnhanced);
    }

    // ---- large: write ----

    /**
     * @return the item
     */
    @Benchmark
    public Map<String, AttributeValue> largeWrite_dynamorm() {
        return wideTable.toItem(wide);
    }

    /**
     * @return the item
     */
    @Benchmark
    public Map<String, AttributeValue> largeWrite_handwritten() {
        return Codecs.toItem(wide);
    }

    /**
     * @return the item
     */
    @Benchmark
    public Map<String, AttributeValue> largeWrite_enhancedBean() {
        return wideBeanSchema.itemToMap(wideBean, true);
    }

    /**
     * @return the item
     */
    @Benchmark
    public Map<String, AttributeValue> largeWrite_enhancedStatic() {
        return wideStaticSchema.itemToMap(wideBean, true);
    }

    // ---- large: read ----

    /**
     * @return the model
     */
    @Benchmark
    public Wide largeRead_dynamorm() {
        return wideTable.fromItem(wideItemDynamorm);
    }

    /**
     * @return the model
     */
    @Benchmark
    public Wide largeRead_handwritten() {
        return Codecs.wideFromItem(wideItemHandwritten);
    }

    /**
     * @return the model
     */
    @Benchmark
    public WideBean largeRead_enhancedBean() {
        return wideBeanSchema.mapToItem(wideItemEnhanced);
    }

    /**
     * @return the model
     */
    @Benchmark
    public WideBean largeRead_enhancedStatic() {
        return wideStaticSchema.mapToItem(wideItemEnhanced);
    }

    // ---- generated schemas (the same models, compiled with dynamorm-processor) ----

    /**
     * @return the item
     */
    @Benchmark
    public Map<String, AttributeValue> smallWrite_generated() {
        return genSmallTable.toItem(genSmall);
    }

    /**
     * @return the model
     */
    @Benchmark
    public GenSmallItem smallRead_generated() {
        return genSmallTable.fromItem(smallItemGenerated);
    }

    /**
     * @return the item
     */
    @Benchmark
    public Map<String, AttributeValue> typicalWrite_generated() {
        return genOrderTable.toItem(genOrder);
    }

    /**
     * @return the model
     */
    @Benchmark
    public GenOrder typicalRead_generated() {
        return genOrderTable.fromItem(orderItemGenerated);
    }

    /**
     * @return the item
     */
    @Benchmark
    public Map<String, AttributeValue> largeWrite_generated() {
        return genWideTable.toItem(genWide);
    }

    /**
     * @return the model
     */
    @Benchmark
    public GenWide largeRead_generated() {
        return genWideTable.fromItem(wideItemGenerated);
    }
}
