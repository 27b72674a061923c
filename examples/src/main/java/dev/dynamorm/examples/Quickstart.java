package dev.dynamorm.examples;

import dev.dynamorm.DynamORM;
import dev.dynamorm.ItemAlreadyExistsException;
import dev.dynamorm.Table;
import dev.dynamorm.local.LocalDynamoDb;
import java.io.PrintStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The quickstart: creates a table, writes, reads, queries, updates and deletes an order, printing
 * each step. Runs on the embedded engine unless {@code --endpoint URL} names another server.
 */
public final class Quickstart {

    private Quickstart() {}

    /**
     * Runs the quickstart.
     *
     * @param args {@code [--endpoint http://127.0.0.1:8000]}
     */
    public static void main(String[] args) {
        URI endpoint =
                args.length == 2 && args[0].equals("--endpoint") ? URI.create(args[1]) : null;
        if (endpoint == null) {
            try (LocalDynamoDb local = LocalDynamoDb.start();
                    DynamORM db = DynamORM.builder().client(local.client()).build()) {
                System.out.println("engine: dynamorm-local (embedded, in-process)");
                run(db, System.out);
            }
        } else {
            try (DynamORM db =
                    DynamORM.builder()
                            .endpoint(endpoint)
                            .region(Region.US_EAST_1)
                            .credentialsProvider(
                                    StaticCredentialsProvider.create(
                                            AwsBasicCredentials.create("local", "local")))
                            .build()) {
                System.out.println("engine: " + endpoint);
                run(db, System.out);
            }
        }
    }

    static void run(DynamORM db, PrintStream out) {
        out.println(
                "running in "
                        + Quickstart.class.getModule()
                        + ", engine in "
                        + db.getClass().getModule());
        Table<Order> orders = db.table(Order.class);
        boolean created = orders.createTableIfMissing();
        out.println((created ? "created" : "found") + " table " + orders.tableName());

        Order order =
                new Order(
                        "c-42",
                        "o-1",
                        "NEW",
                        Instant.parse("2026-11-27T10:15:30Z"),
                        2599,
                        List.of("book", "pen"),
                        "leave at the door");
        orders.create(order);
        out.println("created " + order);

        try {
            orders.create(order);
        } catch (ItemAlreadyExistsException e) {
            out.println("second create refused: " + e.getMessage());
        }

        orders.create(
                new Order(
                        "c-42",
                        "o-2",
                        "NEW",
                        Instant.parse("2026-11-27T11:00:00Z"),
                        1000,
                        List.of("mug"),
                        null));
        Order read = orders.get("c-42", "o-1").orElseThrow();
        out.println("read back " + read);

        List<Order> all = orders.where("customerId", "=", "c-42").all();
        out.println(
                "customer c-42 has "
                        + all.size()
                        + " orders: "
                        + all.stream().map(Order::orderId).toList());

        List<Order> big =
                orders.where("customerId", "=", "c-42").where("totalCents", ">", 2000).all();
        out.println("orders over 20.00: " + big.stream().map(Order::orderId).toList());

        Order paid =
                new Order(
                        read.customerId(),
                        read.orderId(),
                        "PAID",
                        read.createdAt(),
                        read.totalCents(),
                        read.items(),
                        read.note());
        orders.update(paid, "status");
        out.println("updated status: " + orders.get("c-42", "o-1").orElseThrow().status());

        orders.delete(paid);
        out.println("deleted o-1; present now: " + orders.get("c-42", "o-1").isPresent());
        out.println("quickstart finished");
    }
}
