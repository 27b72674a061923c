package dev.dynamorm.benchmarks;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Table;
import dev.dynamorm.benchmarks.generated.GenOrder;
import dev.dynamorm.benchmarks.model.Fixtures;
import dev.dynamorm.benchmarks.model.Order;
import dev.dynamorm.streams.ChangeDecoder;
import dev.dynamorm.streams.ChangeEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
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
import org.openjdk.jmh.infra.Blackhole;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Issue 19's decode target: a DynamoDB Streams record decoded into a typed {@code ChangeEvent}
 * ({@code ChangeDecoder.decode}) against the mapping a {@code get} runs on the same item ({@code
 * Table.fromItem}), for the typical model (15 fields), by reflection ({@code dynamorm}) and through
 * the generated schema ({@code generated}). {@code insert} decodes a {@code NEW_IMAGE} INSERT (one
 * image, compare with {@code get}); {@code modify} a {@code NEW_AND_OLD_IMAGES} MODIFY (two images
 * and the changed fields, compare with {@code getTwice}). Target: decode within 1.2× of the get
 * mapping.
 *
 * <p>Both sides take the same path: no plugin is installed, so {@code Table.fromItem} is exactly
 * the mapping {@code get} runs on its response ({@code fromItem(item, GET)}, no {@code afterRead}
 * hook to run), and decode maps each image the same way with {@code STREAM_READ}; each {@code
 * generated} row compares with the {@code get} row of the generated model.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 3,
        jvmArgs = {"-Xms1g", "-Xmx1g"})
public class StreamDecodeBenchmark {

    private DynamORM db;
    private Table<Order> orders;
    private Table<GenOrder> genOrders;
    private ChangeDecoder<Order> decoder;
    private ChangeDecoder<GenOrder> genDecoder;
    private Map<String, AttributeValue> item;
    private Map<String, AttributeValue> older;
    private Record insert;
    private Record modify;

    /** Builds the item, its records and the decoders, and checks they decode to the same order. */
    @Setup(Level.Trial)
    public void setUp() {
        db = OrmClients.dynamorm(OrmClients.sdk(new CannedHttpClient()));
        orders = db.table(Order.class);
        genOrders = db.table(GenOrder.class);
        decoder = ChangeDecoder.of(orders);
        genDecoder = ChangeDecoder.of(genOrders);
        Order order = Fixtures.order(42, 7);
        item = orders.toItem(order);
        // the same item before a status change: a MODIFY keeps the key
        older =
                orders.toItem(
                        new Order(
                                order.customerId(),
                                order.orderId(),
                                "PENDING",
                                order.createdAt(),
                                order.totalCents() - 100,
                                order.itemCount(),
                                order.discount(),
                                order.currency(),
                                order.gift(),
                                order.tags(),
                                order.attributes(),
                                order.shippingAddress(),
                                order.note(),
                                order.channel(),
                                order.priority()));
        Map<String, AttributeValue> keys =
                Map.of("customerId", item.get("customerId"), "orderId", item.get("orderId"));
        insert = record(OperationType.INSERT, StreamViewType.NEW_IMAGE, keys, null, item, 1);
        modify =
                record(
                        OperationType.MODIFY,
                        StreamViewType.NEW_AND_OLD_IMAGES,
                        keys,
                        older,
                        item,
                        2);
        Check.equal(order, decoder.decode(insert).newImage().orElseThrow(), "insert, dynamorm");
        Check.equal(order, decoder.decode(modify).newImage().orElseThrow(), "modify, dynamorm");
        Check.equal(
                genOrders.fromItem(item),
                genDecoder.decode(insert).newImage().orElseThrow(),
                "insert, generated");
        Check.equal(order, orders.fromItem(item), "get mapping, dynamorm");
        Check.equal(
                genOrders.fromItem(item),
                genDecoder.decode(modify).newImage().orElseThrow(),
                "modify, generated");
        Check.equal(
                orders.keyOf(order), decoder.decode(insert).key(), "key of the insert, dynamorm");
        Check.equal(
                Set.of("status", "totalCents"),
                decoder.decode(modify).changedFields(),
                "changed fields of the modify, dynamorm");
    }

    private static Record record(
            OperationType kind,
            StreamViewType view,
            Map<String, AttributeValue> keys,
            Map<String, AttributeValue> oldImage,
            Map<String, AttributeValue> newImage,
            int sequence) {
        return Record.builder()
                .eventID("event-" + sequence)
                .eventName(kind)
                .eventSource("aws:dynamodb")
                .awsRegion("us-east-1")
                .dynamodb(
                        d ->
                                d.keys(keys)
                                        .oldImage(oldImage)
                                        .newImage(newImage)
                                        .sequenceNumber(String.format("%021d", sequence))
                                        .sizeBytes(512L)
                                        .streamViewType(view)
                                        .approximateCreationDateTime(
                                                Instant.parse("2026-01-01T00:00:00Z")))
                .build();
    }

    /** Closes the instance. */
    @TearDown(Level.Trial)
    public void tearDown() {
        db.close();
    }

    /** The mapping a get runs on its item, by reflection. */
    @Benchmark
    public Order getDynamorm() {
        return orders.fromItem(item);
    }

    /** Two get mappings: the work of a MODIFY's two images. */
    @Benchmark
    public void getTwiceDynamorm(Blackhole bh) {
        bh.consume(orders.fromItem(older));
        bh.consume(orders.fromItem(item));
    }

    /** An INSERT with its new image, decoded by reflection. */
    @Benchmark
    public ChangeEvent<Order> insertDynamorm() {
        return decoder.decode(insert);
    }

    /** A MODIFY with both images, decoded by reflection. */
    @Benchmark
    public ChangeEvent<Order> modifyDynamorm() {
        return decoder.decode(modify);
    }

    /**
     * A MODIFY decoded and asked for its changed fields (computed on first use: both images
     * converted back and compared), the full cost a handler that reads them pays.
     */
    @Benchmark
    public Set<String> modifyWithChangedFieldsDynamorm() {
        return decoder.decode(modify).changedFields();
    }

    /** The mapping a get runs on its item, through the generated schema. */
    @Benchmark
    public GenOrder getGenerated() {
        return genOrders.fromItem(item);
    }

    /** An INSERT with its new image, decoded through the generated schema. */
    @Benchmark
    public ChangeEvent<GenOrder> insertGenerated() {
        return genDecoder.decode(insert);
    }

    /** Two get mappings through the generated schema. */
    @Benchmark
    public void getTwiceGenerated(Blackhole bh) {
        bh.consume(genOrders.fromItem(older));
        bh.consume(genOrders.fromItem(item));
    }

    /** A MODIFY with both images, decoded through the generated schema. */
    @Benchmark
    public ChangeEvent<GenOrder> modifyGenerated() {
        return genDecoder.decode(modify);
    }
}
