package dev.dynamorm.examples.changes;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Key;
import dev.dynamorm.Table;
import dev.dynamorm.examples.Order;
import dev.dynamorm.local.LocalDynamoDb;
import dev.dynamorm.streams.ChangeEvent;
import dev.dynamorm.streams.MaterializedView;
import dev.dynamorm.streams.StreamConsumer;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The README's change data capture tour: orders are written, a stream consumer hands their changes
 * to a handler as typed {@link ChangeEvent}s, and a materialized view keeps each customer's order
 * count and total. Runs on the embedded engine, whose Streams API the consumer reads.
 */
public final class ChangesTour {
    private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

    private ChangesTour() {}

    /**
     * Runs the tour on the embedded engine and prints each change and the view.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        try (LocalDynamoDb local = LocalDynamoDb.start();
                DynamORM db = DynamORM.builder().client(local.client()).build()) {
            run(db, local.client(), local.streamsClient(), System.out);
        }
    }

    /**
     * Creates the orders table with a stream, writes, and consumes the changes.
     *
     * @param db the DynamORM instance
     * @param client the raw client, to turn the table's stream on
     * @param streams the Streams client of the same server
     * @param out where to print
     */
    public static void run(
            DynamORM db, DynamoDbClient client, DynamoDbStreamsClient streams, PrintStream out) {
        out.println("running in " + ChangesTour.class.getModule());
        Table<Order> orders = db.table(Order.class);
        orders.createTableIfMissing();
        client.updateTable(
                r ->
                        r.tableName(orders.tableName())
                                .streamSpecification(
                                        s ->
                                                s.streamEnabled(true)
                                                        .streamViewType(
                                                                StreamViewType
                                                                        .NEW_AND_OLD_IMAGES)));

        MaterializedView<Order, CustomerTotals> totals =
                MaterializedView.builder(db, Order.class, CustomerTotals.class)
                        .groupBy(o -> Key.of(o.customerId()))
                        .count("orders")
                        .sum("totalCents", Order::totalCents)
                        .build();

        try (StreamConsumer consumer =
                StreamConsumer.builder(db, Order.class)
                        .streamsClient(streams)
                        .group("changes-tour")
                        .handler(
                                changes -> {
                                    changes.forEach(c -> out.println(describe(c)));
                                    totals.applyAll(changes);
                                })
                        .build()) {
            Order first = order("o-1", "NEW", 2500);
            orders.put(first);
            orders.put(order("o-2", "NEW", 1200));
            orders.put(order("o-1", "PAID", 2500));
            orders.delete(order("o-2", "NEW", 1200));
            // drain() reads on this thread until every change written so far is handled; a
            // service would call start() and let the consumer poll in the background
            consumer.drain();
            out.println("checkpoints: " + consumer.checkpoints().size() + " shard(s)");
        }
        CustomerTotals c42 = db.table(CustomerTotals.class).get(Key.of("c-42")).orElseThrow();
        out.println(
                "view: customer c-42 has "
                        + c42.orders()
                        + " order(s) totalling "
                        + c42.totalCents());
        out.println("changes tour finished");
    }

    private static Order order(String id, String status, long cents) {
        return new Order("c-42", id, status, AT, cents, List.of("book"), null);
    }

    private static String describe(ChangeEvent<Order> c) {
        String status = c.newImage().or(c::oldImage).map(Order::status).orElse("?");
        return c.kind()
                + " "
                + c.key().partitionKey()
                + "/"
                + c.key().sortKeyValue().orElse("")
                + " status "
                + status
                + (c.kind().name().equals("MODIFY")
                        ? " changed " + new TreeSet<>(c.changedFields())
                        : "");
    }
}
