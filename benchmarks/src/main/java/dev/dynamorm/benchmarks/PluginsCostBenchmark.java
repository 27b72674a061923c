package dev.dynamorm.benchmarks;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Table;
import dev.dynamorm.WriteResult;
import dev.dynamorm.benchmarks.model.Fixtures;
import dev.dynamorm.benchmarks.model.Order;
import java.util.List;
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
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Area 6, plugins cost (sample mode: compared by median): DynamORM operations over the canned HTTP
 * client with no plugin ({@code noPlugins}: discovery off) and with all four plugin jars installed
 * but idle ({@code allPlugins}: cache with no cached model, audit without sinks, metrics into a
 * registry with no backend, tracing with the no-op OpenTelemetry) — what a deployment pays for
 * having the jars on the class path before configuring them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 3,
        jvmArgs = {"-Xms1g", "-Xmx1g"})
public class PluginsCostBenchmark {

    private DynamoDbClient client;
    private DynamORM bare;
    private DynamORM plugged;
    private Table<Order> bareOrders;
    private Table<Order> pluggedOrders;
    private Order order;

    /** Builds both instances over one canned client and checks which plugins each has. */
    @Setup(Level.Trial)
    public void setUp() {
        client = OrmClients.sdk(CannedOrders.client());
        bare = OrmClients.dynamorm(client);
        plugged = OrmClients.dynamormWithIdlePlugins(client);
        Check.equal(List.of(), bare.plugins(), "plugins of the bare instance");
        bareOrders = bare.table(Order.class);
        pluggedOrders = plugged.table(Order.class);
        order = Fixtures.order(CannedOrders.CUSTOMER, 1);
        Check.equal(Optional.of(order), get_allPlugins(), "get through the plugins");
        Check.equal(
                CannedOrders.QUERY_SIZE, query25_allPlugins().size(), "query through the plugins");
    }

    /** Closes everything. */
    @TearDown(Level.Trial)
    public void tearDown() {
        plugged.close();
        bare.close();
        client.close();
    }

    /**
     * @return the order
     */
    @Benchmark
    public Optional<Order> get_noPlugins() {
        return bareOrders.get(order.customerId(), order.orderId());
    }

    /**
     * @return the order
     */
    @Benchmark
    public Optional<Order> get_allPlugins() {
        return pluggedOrders.get(order.customerId(), order.orderId());
    }

    /**
     * @return the result
     */
    @Benchmark
    public WriteResult<Order> put_noPlugins() {
        return bareOrders.put(order);
    }

    /**
     * @return the result
     */
    @Benchmark
    public WriteResult<Order> put_allPlugins() {
        return pluggedOrders.put(order);
    }

    /**
     * @return the result
     */
    @Benchmark
    public WriteResult<Order> update_noPlugins() {
        return update(bareOrders);
    }

    /**
     * @return the result
     */
    @Benchmark
    public WriteResult<Order> update_allPlugins() {
        return update(pluggedOrders);
    }

    private WriteResult<Order> update(Table<Order> orders) {
        return orders.where("customerId", "=", order.customerId())
                .where("orderId", "=", order.orderId())
                .update(u -> u.set("status", "SHIPPED").when("status", "=", "NEW"));
    }

    /**
     * @return the orders
     */
    @Benchmark
    public List<Order> query25_noPlugins() {
        return bareOrders.where("customerId", "=", order.customerId()).all();
    }

    /**
     * @return the orders
     */
    @Benchmark
    public List<Order> query25_allPlugins() {
        return pluggedOrders.where("customerId", "=", order.customerId()).all();
    }
}
