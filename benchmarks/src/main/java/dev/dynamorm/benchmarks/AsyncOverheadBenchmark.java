package dev.dynamorm.benchmarks;

import dev.dynamorm.AsyncTable;
import dev.dynamorm.DynamORM;
import dev.dynamorm.WriteResult;
import dev.dynamorm.benchmarks.generated.GenOrder;
import dev.dynamorm.benchmarks.model.Codecs;
import dev.dynamorm.benchmarks.model.Fixtures;
import dev.dynamorm.benchmarks.model.Order;
import java.net.URI;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.SdkAdvancedAsyncClientOption;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

/**
 * Issue 20 target: the async view ({@code table.async()}) against hand-written async SDK code, per
 * operation (get, put, query of 25), both over one {@code DynamoDbAsyncClient} whose HTTP client
 * answers in-process with canned responses ({@link CannedAsyncHttpClient}); each call waits for its
 * future. Target: dynamorm ≤ 1.05 × handwritten. The set-up checks that both sides answer the same
 * and send one request of the same operation per call. Both sides use the one client as built here,
 * so both pay the SDK's own hand-off of every answer to its future-completion executor; the ORM
 * side has no {@code asyncExecutor}, as a user's instance by default, so its hooks, conversion and
 * completion run on that same SDK thread, as the hand-written {@code thenApply} does (an instance
 * with an {@code asyncExecutor} would add one more hand-off per call).
 *
 * <p>{@code completion}: {@code sdk} keeps the SDK's default future-completion executor (one thread
 * hand-off and wake-up per call on both sides, as a user gets: tens of microseconds whose spread
 * under load swamps a 5 % difference); {@code direct} sets {@link
 * SdkAdvancedAsyncClientOption#FUTURE_COMPLETION_EXECUTOR} to run on the completing thread, so both
 * sides run every step on the calling thread and the score is their CPU work alone (the stricter
 * ratio: the hand-off both pay equally is out of the denominator).
 *
 * <p>{@code dynamorm} uses the reflective {@code Order} model; {@code generated} the same model
 * compiled with {@code dynamorm-processor} ({@code GenOrder}, the same table and items), the path
 * the README recommends: the difference between the two is the models' conversion, the rest of the
 * async path is shared.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 3,
        jvmArgs = {"-Xms1g", "-Xmx1g"})
public class AsyncOverheadBenchmark {

    private static final String TABLE = "orders";

    /** Every operation the canned client can count: a variant sending more would show here. */
    private static final List<String> OPERATIONS =
            List.of(
                    "GetItem",
                    "PutItem",
                    "UpdateItem",
                    "DeleteItem",
                    "Query",
                    "Scan",
                    "BatchGetItem",
                    "BatchWriteItem",
                    "TransactGetItems",
                    "TransactWriteItems",
                    "DescribeTable");

    /** Where the SDK completes its futures: its own executor, or the completing thread. */
    @Param({"sdk", "direct"})
    public String completion;

    private CannedHttpClient canned;
    private DynamoDbAsyncClient client;
    private DynamORM db;
    private AsyncTable<Order> orders;
    private AsyncTable<GenOrder> genOrders;
    private Order order;
    private GenOrder genOrder;
    private String customerId;
    private String orderId;

    /**
     * Builds the clients and checks that both variants read the same order and page and send the
     * same single request per call (the same work on both sides).
     */
    @Setup(Level.Trial)
    public void setUp() {
        canned = CannedOrders.client();
        client =
                DynamoDbAsyncClient.builder()
                        .httpClient(new CannedAsyncHttpClient(canned))
                        .endpointOverride(URI.create("http://localhost:8000"))
                        .region(Region.US_EAST_1)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("bench", "bench")))
                        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                        .asyncConfiguration(
                                c -> {
                                    if (completion.equals("direct")) {
                                        c.advancedOption(
                                                SdkAdvancedAsyncClientOption
                                                        .FUTURE_COMPLETION_EXECUTOR,
                                                Runnable::run);
                                    }
                                })
                        .build();
        db = DynamORM.builder().asyncClient(client).discoverPlugins(false).build();
        orders = db.table(Order.class).async();
        genOrders = db.table(GenOrder.class).async();
        order = Fixtures.order(CannedOrders.CUSTOMER, 1);
        genOrder = db.table(GenOrder.class).fromItem(Codecs.toItem(order));
        customerId = order.customerId();
        orderId = order.orderId();
        Check.equal(order, get_dynamorm().orElseThrow(), "get, dynamorm");
        Check.equal(order, get_handwritten(), "get, handwritten");
        Check.equal(genOrder, get_generated().orElseThrow(), "get, generated");
        Check.sameShape(
                Codecs.toItem(order),
                db.table(GenOrder.class).toItem(genOrder),
                "the generated order's item");
        Check.equal(query25_handwritten(), query25_dynamorm(), "query of 25");
        Check.equal(CannedOrders.QUERY_SIZE, query25_dynamorm().size(), "query size");
        Check.equal(asGenerated(query25_handwritten()), query25_generated(), "query, generated");
        put_dynamorm();
        put_handwritten();
        oneRequest("GetItem", this::get_dynamorm, "get, dynamorm");
        oneRequest("GetItem", this::get_handwritten, "get, handwritten");
        oneRequest("PutItem", this::put_dynamorm, "put, dynamorm");
        oneRequest("PutItem", this::put_handwritten, "put, handwritten");
        oneRequest("Query", this::query25_dynamorm, "query of 25, dynamorm");
        oneRequest("Query", this::query25_handwritten, "query of 25, handwritten");
        oneRequest("GetItem", this::get_generated, "get, generated");
        oneRequest("PutItem", this::put_generated, "put, generated");
        oneRequest("Query", this::query25_generated, "query of 25, generated");
    }

    /** The hand-written side's orders as generated ones, read from the same items. */
    private List<GenOrder> asGenerated(List<Order> orders) {
        List<GenOrder> out = new ArrayList<>(orders.size());
        for (Order o : orders) {
            out.add(db.table(GenOrder.class).fromItem(Codecs.toItem(o)));
        }
        return out;
    }

    /** Checks that one call sends exactly one request, of the given operation. */
    private void oneRequest(String operation, Runnable call, String what) {
        long before = sent();
        long ofOperation = canned.calls(operation);
        call.run();
        Check.equal(1L, sent() - before, what + ": requests per call");
        Check.equal(
                1L, canned.calls(operation) - ofOperation, what + ": " + operation + " per call");
    }

    private long sent() {
        long n = 0;
        for (String operation : OPERATIONS) {
            n += canned.calls(operation);
        }
        return n;
    }

    /** Closes the clients. */
    @TearDown(Level.Trial)
    public void tearDown() {
        db.close();
        client.close();
    }

    /** Returns the order, for the benchmark to consume. */
    @Benchmark
    public Optional<Order> get_dynamorm() {
        return orders.get(customerId, orderId).join();
    }

    /** Returns the order, for the benchmark to consume. */
    @Benchmark
    public Order get_handwritten() {
        return client.getItem(
                        b ->
                                b.tableName(TABLE)
                                        .key(
                                                Map.of(
                                                        "customerId",
                                                        AttributeValue.createS(customerId),
                                                        "orderId",
                                                        AttributeValue.createS(orderId))))
                .thenApply(r -> r.hasItem() ? Codecs.orderFromItem(r.item()) : null)
                .join();
    }

    /** Returns the result, for the benchmark to consume. */
    @Benchmark
    public WriteResult<Order> put_dynamorm() {
        return orders.put(order).join();
    }

    /** Returns the response, for the benchmark to consume. */
    @Benchmark
    public PutItemResponse put_handwritten() {
        return client.putItem(b -> b.tableName(TABLE).item(Codecs.toItem(order))).join();
    }

    /** Returns the orders, for the benchmark to consume. */
    @Benchmark
    public List<Order> query25_dynamorm() {
        return orders.all(orders.where("customerId", "=", customerId)).join();
    }

    /** Returns the orders, for the benchmark to consume. */
    @Benchmark
    public List<Order> query25_handwritten() {
        return client.query(
                        b ->
                                b.tableName(TABLE)
                                        .keyConditionExpression("#pk = :pk")
                                        .expressionAttributeNames(Map.of("#pk", "customerId"))
                                        .expressionAttributeValues(
                                                Map.of(":pk", AttributeValue.createS(customerId))))
                .thenApply(
                        r -> {
                            List<Order> out = new ArrayList<>(r.items().size());
                            for (Map<String, AttributeValue> item : r.items()) {
                                out.add(Codecs.orderFromItem(item));
                            }
                            return out;
                        })
                .join();
    }

    /** Returns the order, for the benchmark to consume: the same get with the generated model. */
    @Benchmark
    public Optional<GenOrder> get_generated() {
        return genOrders.get(customerId, orderId).join();
    }

    /** Returns the result, for the benchmark to consume: the same put with the generated model. */
    @Benchmark
    public WriteResult<GenOrder> put_generated() {
        return genOrders.put(genOrder).join();
    }

    /** Returns the orders, for the benchmark to consume: the same query, generated model. */
    @Benchmark
    public List<GenOrder> query25_generated() {
        return genOrders.all(genOrders.where("customerId", "=", customerId)).join();
    }
}
