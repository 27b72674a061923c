package dev.dynamorm.benchmarks;

import dev.dynamorm.BatchWriteResult;
import dev.dynamorm.DynamORM;
import dev.dynamorm.Table;
import dev.dynamorm.WriteResult;
import dev.dynamorm.benchmarks.model.Codecs;
import dev.dynamorm.benchmarks.model.Fixtures;
import dev.dynamorm.benchmarks.model.Order;
import dev.dynamorm.benchmarks.model.OrderBean;
import dev.dynamorm.benchmarks.model.Schemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchWriteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Area 2, client overhead per operation (sample mode: the ratio script compares medians, which a
 * busy machine's descheduling spikes do not move): get, put, conditional update, query of 25 items
 * and batch write of 25, all through one SDK client whose HTTP client answers in-process with
 * canned, valid DynamoDB responses ({@link CannedHttpClient}) — so a score is the ORM's cost plus
 * the SDK's (marshalling, signing, unmarshalling), no network, no server. Variants: {@code
 * dynamorm}, {@code handwritten} (the low-level client with hand-written conversion), {@code
 * enhancedBean} and {@code enhancedStatic} (the Enhanced Client). Same model (the typical order),
 * same data, same responses. The Enhanced Client cannot update one attribute of a model with
 * primitive fields, so its conditional update sends the whole item (its idiomatic
 * read-modify-write).
 *
 * <p>The {@code dynamorm} and {@code handwritten} requests are the same on the wire (checked by
 * capturing the marshalled bodies): the update sends the same key, {@code SET}, condition ({@code
 * attribute_exists} of the partition key and the user's comparison) and {@code
 * ReturnValuesOnConditionCheckFailure=ALL_OLD} (which the ORM needs to tell "not found" from
 * "condition failed"), with other placeholder names; the put differs only in the stored text of
 * {@code createdAt} (DynamORM's fixed-width instant); the batch write adds {@code
 * ReturnConsumedCapacity=TOTAL}, which {@code BatchWriteResult.consumedCapacity()} reports.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 3,
        jvmArgs = {"-Xms1g", "-Xmx1g"})
public class ClientOverheadBenchmark {

    private static final String TABLE = "orders";
    private static final AttributeValue NEW = AttributeValue.createS("NEW");
    private static final AttributeValue SHIPPED = AttributeValue.createS("SHIPPED");

    private CannedHttpClient http;
    private DynamoDbClient client;
    private DynamORM db;
    private Table<Order> orders;
    private DynamoDbEnhancedClient enhanced;
    private DynamoDbTable<OrderBean> beanTable;
    private DynamoDbTable<OrderBean> staticTable;

    private Order order;
    private OrderBean orderBean;
    private OrderBean shippedBean;
    private List<Order> batch;
    private List<OrderBean> batchBeans;
    private String customerId;
    private String orderId;

    /**
     * Builds the clients and checks that each variant sends one request of the expected operation.
     */
    @Setup(Level.Trial)
    public void setUp() {
        http = CannedOrders.client();
        client = OrmClients.sdk(http);
        db = OrmClients.dynamorm(client);
        orders = db.table(Order.class);
        enhanced = OrmClients.enhanced(client);
        beanTable = enhanced.table(TABLE, Schemas.orderBean());
        staticTable = enhanced.table(TABLE, Schemas.orderStatic());

        order = Fixtures.order(CannedOrders.CUSTOMER, 1);
        orderBean = Fixtures.bean(order);
        shippedBean = Fixtures.bean(order);
        shippedBean.setStatus("SHIPPED");
        batch = CannedOrders.batch();
        batchBeans = new ArrayList<>();
        batch.forEach(o -> batchBeans.add(Fixtures.bean(o)));
        customerId = order.customerId();
        orderId = order.orderId();

        Check.equal(order, get_dynamorm().orElseThrow(), "get, dynamorm");
        Check.equal(order, get_handwritten(), "get, handwritten");
        Check.equal(orderBean, get_enhancedBean(), "get, enhanced bean");
        Check.equal(orderBean, get_enhancedStatic(), "get, enhanced static");
        for (String op : List.of("query25", "put", "update", "batchWrite25")) {
            for (String variant :
                    List.of("dynamorm", "handwritten", "enhancedBean", "enhancedStatic")) {
                checkOneRequest(op, variant);
            }
        }
        Check.equal(CannedOrders.QUERY_SIZE, query25_dynamorm().size(), "query size, dynamorm");
        Check.equal(
                CannedOrders.QUERY_SIZE, query25_handwritten().size(), "query size, handwritten");
        Check.equal(
                CannedOrders.QUERY_SIZE,
                query25_enhancedBean().size(),
                "query size, enhanced bean");
        Check.equal(
                CannedOrders.QUERY_SIZE,
                query25_enhancedStatic().size(),
                "query size, enhanced static");
    }

    private void checkOneRequest(String op, String variant) {
        String operation =
                switch (op) {
                    case "query25" -> "Query";
                    case "put" -> "PutItem";
                    case "update" -> "UpdateItem";
                    default -> "BatchWriteItem";
                };
        long before = http.calls(operation);
        try {
            getClass().getMethod(op + "_" + variant).invoke(this);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(op + "_" + variant + " failed", e);
        }
        Check.equal(
                before + 1, http.calls(operation), op + "_" + variant + " sends one " + operation);
    }

    /** Closes the clients. */
    @TearDown(Level.Trial)
    public void tearDown() {
        db.close();
        client.close();
    }

    // ---- get ----

    /** Returns the order, for the benchmark to consume. */
    @Benchmark
    public Optional<Order> get_dynamorm() {
        return orders.get(customerId, orderId);
    }

    /** Returns the order, for the benchmark to consume. */
    @Benchmark
    public Order get_handwritten() {
        GetItemResponse r =
                client.getItem(
                        b ->
                                b.tableName(TABLE)
                                        .key(
                                                Map.of(
                                                        "customerId",
                                                        AttributeValue.createS(customerId),
                                                        "orderId",
                                                        AttributeValue.createS(orderId))));
        return r.hasItem() ? Codecs.orderFromItem(r.item()) : null;
    }

    /** Returns the order, for the benchmark to consume. */
    @Benchmark
    public OrderBean get_enhancedBean() {
        return beanTable.getItem(
                Key.builder().partitionValue(customerId).sortValue(orderId).build());
    }

    /** Returns the order, for the benchmark to consume. */
    @Benchmark
    public OrderBean get_enhancedStatic() {
        return staticTable.getItem(
                Key.builder().partitionValue(customerId).sortValue(orderId).build());
    }

    // ---- put ----

    /** Returns the result, for the benchmark to consume. */
    @Benchmark
    public WriteResult<Order> put_dynamorm() {
        return orders.put(order);
    }

    /** Returns the response, for the benchmark to consume. */
    @Benchmark
    public PutItemResponse put_handwritten() {
        return client.putItem(b -> b.tableName(TABLE).item(Codecs.toItem(order)));
    }

    /** Returns the bean, for the benchmark to consume. */
    @Benchmark
    public OrderBean put_enhancedBean() {
        beanTable.putItem(orderBean);
        return orderBean;
    }

    /** Returns the bean, for the benchmark to consume. */
    @Benchmark
    public OrderBean put_enhancedStatic() {
        staticTable.putItem(orderBean);
        return orderBean;
    }

    // ---- conditional update: status NEW -> SHIPPED ----

    /** Returns the result, for the benchmark to consume. */
    @Benchmark
    public WriteResult<Order> update_dynamorm() {
        return orders.where("customerId", "=", customerId)
                .where("orderId", "=", orderId)
                .update(u -> u.set("status", "SHIPPED").when("status", "=", "NEW"));
    }

    /** Returns the response, for the benchmark to consume. */
    @Benchmark
    public UpdateItemResponse update_handwritten() {
        return client.updateItem(
                b ->
                        b.tableName(TABLE)
                                .key(
                                        Map.of(
                                                "customerId",
                                                AttributeValue.createS(customerId),
                                                "orderId",
                                                AttributeValue.createS(orderId)))
                                .updateExpression("SET #s = :s")
                                .conditionExpression("attribute_exists(#pk) AND (#s = :e)")
                                .expressionAttributeNames(
                                        Map.of("#pk", "customerId", "#s", "status"))
                                .expressionAttributeValues(Map.of(":s", SHIPPED, ":e", NEW))
                                .returnValuesOnConditionCheckFailure(
                                        ReturnValuesOnConditionCheckFailure.ALL_OLD));
    }

    /**
     * Returns the updated bean as the response gives it (null here: the canned answer has no
     * attributes).
     */
    @Benchmark
    public OrderBean update_enhancedBean() {
        return beanTable.updateItem(updateRequest());
    }

    /**
     * Returns the updated bean (null: the canned answer has no attributes), for the benchmark to
     * consume.
     */
    @Benchmark
    public OrderBean update_enhancedStatic() {
        return staticTable.updateItem(updateRequest());
    }

    private UpdateItemEnhancedRequest<OrderBean> updateRequest() {
        return UpdateItemEnhancedRequest.builder(OrderBean.class)
                .item(shippedBean)
                .conditionExpression(
                        Expression.builder()
                                .expression("#s = :e")
                                .putExpressionName("#s", "status")
                                .putExpressionValue(":e", NEW)
                                .build())
                .build();
    }

    // ---- query of 25 ----

    /** Returns the orders, for the benchmark to consume. */
    @Benchmark
    public List<Order> query25_dynamorm() {
        return orders.where("customerId", "=", customerId).all();
    }

    /** Returns the orders, for the benchmark to consume. */
    @Benchmark
    public List<Order> query25_handwritten() {
        QueryResponse r =
                client.query(
                        b ->
                                b.tableName(TABLE)
                                        .keyConditionExpression("#pk = :pk")
                                        .expressionAttributeNames(Map.of("#pk", "customerId"))
                                        .expressionAttributeValues(
                                                Map.of(":pk", AttributeValue.createS(customerId))));
        List<Order> out = new ArrayList<>(r.items().size());
        for (Map<String, AttributeValue> item : r.items()) {
            out.add(Codecs.orderFromItem(item));
        }
        return out;
    }

    /** Returns the orders, for the benchmark to consume. */
    @Benchmark
    public List<OrderBean> query25_enhancedBean() {
        return query(beanTable);
    }

    /** Returns the orders, for the benchmark to consume. */
    @Benchmark
    public List<OrderBean> query25_enhancedStatic() {
        return query(staticTable);
    }

    private List<OrderBean> query(DynamoDbTable<OrderBean> table) {
        List<OrderBean> out = new ArrayList<>();
        table.query(QueryConditional.keyEqualTo(Key.builder().partitionValue(customerId).build()))
                .items()
                .forEach(out::add);
        return out;
    }

    // ---- batch write of 25 ----

    /** Returns the result, for the benchmark to consume. */
    @Benchmark
    public BatchWriteResult<Order> batchWrite25_dynamorm() {
        return orders.batchPut(batch);
    }

    /** Returns the response, for the benchmark to consume. */
    @Benchmark
    public BatchWriteItemResponse batchWrite25_handwritten() {
        List<WriteRequest> writes = new ArrayList<>(batch.size());
        for (Order o : batch) {
            writes.add(
                    WriteRequest.builder()
                            .putRequest(PutRequest.builder().item(Codecs.toItem(o)).build())
                            .build());
        }
        BatchWriteItemResponse r =
                client.batchWriteItem(b -> b.requestItems(Map.of(TABLE, writes)));
        if (r.hasUnprocessedItems() && !r.unprocessedItems().isEmpty()) {
            throw new IllegalStateException("unprocessed items");
        }
        return r;
    }

    /** Returns the result, for the benchmark to consume. */
    @Benchmark
    public Object batchWrite25_enhancedBean() {
        return batchWrite(beanTable);
    }

    /** Returns the result, for the benchmark to consume. */
    @Benchmark
    public Object batchWrite25_enhancedStatic() {
        return batchWrite(staticTable);
    }

    private Object batchWrite(DynamoDbTable<OrderBean> table) {
        WriteBatch.Builder<OrderBean> writes =
                WriteBatch.builder(OrderBean.class).mappedTableResource(table);
        for (OrderBean b : batchBeans) {
            writes.addPutItem(b);
        }
        return enhanced.batchWriteItem(
                BatchWriteItemEnhancedRequest.builder().writeBatches(writes.build()).build());
    }
}
