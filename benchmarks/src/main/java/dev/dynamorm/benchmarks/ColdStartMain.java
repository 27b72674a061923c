package dev.dynamorm.benchmarks;

import dev.dynamorm.DynamORM;
import dev.dynamorm.benchmarks.generated.GenOrder;
import dev.dynamorm.benchmarks.model.Codecs;
import dev.dynamorm.benchmarks.model.Order;
import dev.dynamorm.benchmarks.model.OrderBean;
import dev.dynamorm.benchmarks.model.Schemas;
import java.lang.management.ManagementFactory;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * The child process of {@link ColdStartBenchmark}: in a fresh JVM, builds the client stack of one
 * variant over the canned HTTP client (whose GetItem answer comes in system property {@code
 * cold.response}), reads one order, prints {@code ok <id>}, then on a second line {@code t <ms
 * since JVM start> <µs since main>} (its own measurement, free of the parent's process-spawn
 * jitter; taken before the {@code ok} line, computed after it so the parent's measurement is
 * unchanged) and exits at once.
 */
public final class ColdStartMain {

    private ColdStartMain() {}

    /**
     * Runs one variant.
     *
     * @param args {@code dynamorm}, {@code generated} (the order model compiled with {@code
     *     dynamorm-processor}), {@code enhancedBean}, {@code enhancedStatic}, {@code handwritten}
     *     or {@code noop}
     */
    public static void main(String[] args) {
        long mainStart = System.nanoTime();
        String variant = args[0];
        if (variant.equals("noop")) {
            finish("noop", mainStart);
        }
        CannedHttpClient http =
                new CannedHttpClient().respond("GetItem", System.getProperty("cold.response"));
        DynamoDbClient client = OrmClients.sdk(http);
        String got;
        switch (variant) {
            case "dynamorm" -> {
                DynamORM db = OrmClients.dynamorm(client);
                got = db.table(Order.class).get("c-42", "o-000001").orElseThrow().orderId();
            }
            case "generated" -> {
                DynamORM db = OrmClients.dynamorm(client);
                got = db.table(GenOrder.class).get("c-42", "o-000001").orElseThrow().orderId();
            }
            case "enhancedBean" -> {
                DynamoDbEnhancedClient enhanced = OrmClients.enhanced(client);
                got =
                        enhanced.table("orders", Schemas.orderBean())
                                .getItem(
                                        Key.builder()
                                                .partitionValue("c-42")
                                                .sortValue("o-000001")
                                                .build())
                                .getOrderId();
            }
            case "enhancedStatic" -> {
                DynamoDbEnhancedClient enhanced = OrmClients.enhanced(client);
                OrderBean bean =
                        enhanced.table("orders", Schemas.orderStatic())
                                .getItem(
                                        Key.builder()
                                                .partitionValue("c-42")
                                                .sortValue("o-000001")
                                                .build());
                got = bean.getOrderId();
            }
            case "handwritten" -> {
                GetItemResponse r =
                        client.getItem(
                                b ->
                                        b.tableName("orders")
                                                .key(
                                                        Map.of(
                                                                "customerId",
                                                                AttributeValue.createS("c-42"),
                                                                "orderId",
                                                                AttributeValue.createS(
                                                                        "o-000001"))));
                Order order = Codecs.orderFromItem(r.item());
                got = order.orderId();
            }
            default -> throw new IllegalArgumentException("unknown variant " + variant);
        }
        finish(got, mainStart);
    }

    /**
     * Prints {@code ok <got>}, then the child's own times ({@code java.management} is loaded only
     * after the {@code ok} line, when the parent's measurement has ended), and exits.
     */
    private static void finish(String got, long mainStart) {
        long end = System.nanoTime();
        long endMillis = System.currentTimeMillis();
        // no string concatenation: in a fresh JVM the first one bootstraps StringConcatFactory
        System.out.print("ok ");
        System.out.println(got);
        System.out.flush();
        long sinceJvmStart = endMillis - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("t " + sinceJvmStart + " " + (end - mainStart) / 1_000);
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
