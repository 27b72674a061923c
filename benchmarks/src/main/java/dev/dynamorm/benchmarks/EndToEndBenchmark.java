package dev.dynamorm.benchmarks;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Table;
import dev.dynamorm.benchmarks.model.Codecs;
import dev.dynamorm.benchmarks.model.Fixtures;
import dev.dynamorm.benchmarks.model.Order;
import dev.dynamorm.benchmarks.model.OrderBean;
import dev.dynamorm.benchmarks.model.Schemas;
import dev.dynamorm.local.LocalDynamoDb;
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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Area 7, end to end: requests per second of a mixed workload — put of a typical order, get of it,
 * query of a 20-order partition, conditional update of an order (status set unless CANCELLED) — on
 * one thread against a real server: {@code embedded} (dynamorm-local's in-process client) or {@code
 * dynoxide} (over HTTP with the Apache client). Variants: {@code dynamorm}, {@code enhancedBean},
 * {@code handwritten}. Each invocation is four requests.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 2,
        jvmArgs = {"-Xms1g", "-Xmx1g"})
public class EndToEndBenchmark {

    private static final String TABLE = "orders";
    private static final int QUERY_CUSTOMER = 7;
    private static final int PARTITION = 20;
    private static final AttributeValue CANCELLED = AttributeValue.createS("CANCELLED");

    /** The server. */
    @Param({"embedded", "dynoxide"})
    public String backend;

    private LocalDynamoDb local;
    private Servers.Running server;
    private DynamoDbClient client;
    private DynamORM db;
    private Table<Order> orders;
    private DynamoDbTable<OrderBean> beanTable;
    private final List<Order> puts = new ArrayList<>();
    private final List<OrderBean> putBeans = new ArrayList<>();
    private OrderBean shipped;
    private Order queried;
    private int next;

    /** Starts the server, creates the table from the model and seeds the query partition. */
    @Setup(Level.Trial)
    public void setUp() {
        switch (backend) {
            case "embedded" -> {
                local = LocalDynamoDb.start();
                client = local.client();
            }
            case "dynoxide" -> {
                server = Servers.dynoxide();
                client = Clients.http(server.endpoint);
            }
            default -> throw new IllegalArgumentException("unknown backend " + backend);
        }
        db = OrmClients.dynamorm(client);
        orders = db.table(Order.class);
        orders.createTableIfMissing();
        for (int i = 0; i < PARTITION; i++) {
            orders.put(Fixtures.order(QUERY_CUSTOMER, i));
        }
        DynamoDbEnhancedClient enhanced = OrmClients.enhanced(client);
        beanTable = enhanced.table(TABLE, Schemas.orderBean());
        for (int i = 0; i < 1000; i++) {
            Order o = Fixtures.order(100_000 + i, 0);
            puts.add(o);
            putBeans.add(Fixtures.bean(o));
        }
        queried = Fixtures.order(QUERY_CUSTOMER, 3);
        shipped = Fixtures.bean(queried);
        shipped.setStatus("SHIPPED");
        Check.equal(8, mixed_dynamorm(), "dynamorm workload");
        Check.equal(8, mixed_enhancedBean(), "enhanced workload");
        Check.equal(8, mixed_handwritten(), "handwritten workload");
    }

    /** Stops everything. */
    @TearDown(Level.Trial)
    public void tearDown() {
        db.close();
        if (local != null) {
            local.close();
        } else {
            client.close();
            server.close();
        }
    }

    private int nextIndex() {
        int i = next;
        next = next + 1 == puts.size() ? 0 : next + 1;
        return i;
    }

    /**
     * @return a value derived from the answers
     */
    @Benchmark
    @OperationsPerInvocation(4)
    public int mixed_dynamorm() {
        Order o = puts.get(nextIndex());
        orders.put(o);
        Order got = orders.get(o.customerId(), o.orderId()).orElseThrow();
        List<Order> partition = orders.where("customerId", "=", queried.customerId()).all();
        orders.where("customerId", "=", queried.customerId())
                .where("orderId", "=", queried.orderId())
                .update(u -> u.set("status", "SHIPPED").when("status", "<>", "CANCELLED"));
        return got.itemCount() + partition.size() / 4;
    }

    /**
     * @return a value derived from the answers
     */
    @Benchmark
    @OperationsPerInvocation(4)
    public int mixed_enhancedBean() {
        OrderBean o = putBeans.get(nextIndex());
        beanTable.putItem(o);
        OrderBean got =
                beanTable.getItem(
                        Key.builder()
                                .partitionValue(o.getCustomerId())
                                .sortValue(o.getOrderId())
                                .build());
        List<OrderBean> partition = new ArrayList<>();
        beanTable
                .query(
                        QueryConditional.keyEqualTo(
                                Key.builder().partitionValue(queried.customerId()).build()))
                .items()
                .forEach(partition::add);
        beanTable.updateItem(
                UpdateItemEnhancedRequest.builder(OrderBean.class)
                        .item(shipped)
                        .conditionExpression(
                                Expression.builder()
                                        .expression("#s <> :c")
                                        .putExpressionName("#s", "status")
                                        .putExpressionValue(":c", CANCELLED)
                                        .build())
                        .build());
        return got.getItemCount() + partition.size() / 4;
    }

    /**
     * @return a value derived from the answers
     */
    @Benchmark
    @OperationsPerInvocation(4)
    public int mixed_handwritten() {
        Order o = puts.get(nextIndex());
        client.putItem(b -> b.tableName(TABLE).item(Codecs.toItem(o)));
        Map<String, AttributeValue> item =
                client.getItem(
                                b ->
                                        b.tableName(TABLE)
                                                .key(
                                                        Map.of(
                                                                "customerId",
                                                                AttributeValue.createS(
                                                                        o.customerId()),
                                                                "orderId",
                                                                AttributeValue.createS(
                                                                        o.orderId()))))
                        .item();
        Order got = Codecs.orderFromItem(item);
        QueryResponse r =
                client.query(
                        b ->
                                b.tableName(TABLE)
                                        .keyConditionExpression("#pk = :pk")
                                        .expressionAttributeNames(Map.of("#pk", "customerId"))
                                        .expressionAttributeValues(
                                                Map.of(
                                                        ":pk",
                                                        AttributeValue.createS(
                                                                queried.customerId()))));
        List<Order> partition = new ArrayList<>(r.items().size());
        for (Map<String, AttributeValue> i : r.items()) {
            partition.add(Codecs.orderFromItem(i));
        }
        client.updateItem(
                b ->
                        b.tableName(TABLE)
                                .key(
                                        Map.of(
                                                "customerId",
                                                AttributeValue.createS(queried.customerId()),
                                                "orderId",
                                                AttributeValue.createS(queried.orderId())))
                                .updateExpression("SET #s = :s")
                                .conditionExpression("attribute_exists(#pk) AND (#s <> :c)")
                                .expressionAttributeNames(
                                        Map.of("#pk", "customerId", "#s", "status"))
                                .expressionAttributeValues(
                                        Map.of(
                                                ":s",
                                                AttributeValue.createS("SHIPPED"),
                                                ":c",
                                                CANCELLED)));
        return got.getClass() == Order.class ? got.itemCount() + partition.size() / 4 : 0;
    }
}
