package dev.dynamorm.examples;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Statistic;
import dev.dynamorm.Table;
import dev.dynamorm.local.LocalDynamoDb;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;

/**
 * Shows which plugins are active: whatever plugin jars are on the module path (or class path) are
 * installed with no code change, and configured from system properties ({@code
 * -Ddynamorm.plugin.cache.models=dev.dynamorm.examples.Order}, {@code
 * -Ddynamorm.plugins.disabled=audit}, {@code -Ddynamorm.plugins.discover=false}). Runs on the
 * embedded engine.
 */
public final class PluginsDemo {

    private PluginsDemo() {}

    /**
     * Runs the demo.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        try (LocalDynamoDb local = LocalDynamoDb.start();
                DynamORM db =
                        DynamORM.builder()
                                .client(local.client())
                                .pluginProperties(System.getProperties())
                                .build()) {
            run(db, System.out);
        }
    }

    static void run(DynamORM db, PrintStream out) {
        out.println("running in " + PluginsDemo.class.getModule());
        out.println("plugins: " + db.plugins());
        Table<Order> orders = db.table(Order.class);
        orders.createTableIfMissing();
        Order order =
                new Order(
                        "c-7",
                        "o-1",
                        "NEW",
                        Instant.parse("2026-11-27T10:15:30Z"),
                        1200,
                        List.of("lamp"),
                        null);
        orders.put(order);
        orders.get("c-7", "o-1");
        orders.get("c-7", "o-1");
        orders.update(
                new Order("c-7", "o-1", "PAID", order.createdAt(), 1200, order.items(), null),
                "status");
        out.println("status after update: " + orders.get("c-7", "o-1").orElseThrow().status());
        for (Statistic s : db.statistics()) {
            out.println("statistic " + s.name() + s.tags() + " = " + s.value());
        }
        out.println("plugins demo finished");
    }
}
