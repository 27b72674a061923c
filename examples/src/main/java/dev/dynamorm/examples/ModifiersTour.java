package dev.dynamorm.examples;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Query;
import dev.dynamorm.Table;
import dev.dynamorm.local.LocalDynamoDb;
import java.time.Instant;
import java.util.List;

/** The README's query modifiers on the embedded engine. */
public final class ModifiersTour {

    private ModifiersTour() {}

    /**
     * Runs the tour.
     *
     * @param args none
     */
    public static void main(String[] args) {
        try (LocalDynamoDb local = LocalDynamoDb.start();
                DynamORM db = DynamORM.builder().client(local.client()).build()) {
            Table<Order> orders = db.table(Order.class);
            orders.createTableIfMissing();
            orders.put(
                    new Order(
                            "c-1",
                            "o-1",
                            "PAID",
                            Instant.parse("2025-12-30T10:00:00Z"),
                            100,
                            List.of(),
                            null));
            orders.put(
                    new Order(
                            "c-2",
                            "o-2",
                            "PAID",
                            Instant.parse("2026-01-02T10:00:00Z"),
                            200,
                            List.of(),
                            null));

            Query<Order> recent =
                    orders.where("status", "=", "PAID")
                            .with(
                                    OrderModifiers.createdAfter(
                                            Instant.parse("2026-01-01T00:00:00Z")));
            List<Order> found = recent.all(); // by-status, createdAt > t in the key condition
            System.out.println(recent.explain().modifiers()); // [createdAfter]
            System.out.println(
                    found.size()
                            + " order(s), "
                            + orders.query().with(OrderModifiers.notCancelled()).scan().size()
                            + " not cancelled");
        }
    }
}
