package dev.dynamorm.examples;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Page;
import dev.dynamorm.Query;
import dev.dynamorm.QueryPlan;
import dev.dynamorm.QueryRequiresScanException;
import dev.dynamorm.SortOrder;
import dev.dynamorm.Table;
import dev.dynamorm.local.LocalDynamoDb;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The README's query tour: index selection, {@code explain()}, pages with cursors, counts and an
 * explicit scan. Runs on the embedded engine and prints what it sees.
 */
public final class QueryTour {

    private QueryTour() {}

    /**
     * Runs the query tour on the embedded engine.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        try (LocalDynamoDb local = LocalDynamoDb.start()) {
            for (Object seen : tour(local.client())) {
                System.out.println(seen);
            }
        }
    }

    /**
     * Runs the query tour.
     *
     * @param dynamoDbClient the client to use
     * @return what the tour saw: the plan, two pages, a count, the scan's results, the refusal and
     *     the typed query's items
     */
    public static List<Object> tour(DynamoDbClient dynamoDbClient) {
        DynamORM db = DynamORM.builder().client(dynamoDbClient).build();
        Table<Order> orders = db.table(Order.class);
        orders.createTableIfMissing();
        for (int i = 0; i < 30; i++) {
            orders.put(
                    new Order(
                            "c-42",
                            "o-" + i,
                            i % 2 == 0 ? "PAID" : "NEW",
                            Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600L * i),
                            1000L + 100L * i,
                            List.of("item"),
                            i == 7 ? "leave at the door" : null));
        }

        Query<Order> paid =
                orders.where("status", "=", "PAID") // no customerId: not the table's key...
                        .where(
                                "createdAt",
                                ">",
                                Instant.parse("2026-01-01T05:00:00Z")) // ...but index by-status's
                        .orderBy(SortOrder.DESC)
                        .limit(5);
        QueryPlan plan = paid.explain(); // nothing is sent
        System.out.println(plan); // QUERY on index 'by-status', candidates and scores
        Page<Order> page = paid.page(); // a Query on by-status, newest first
        Page<Order> next = paid.after(page.cursor()).page(); // the cursor is opaque and URL-safe
        long big =
                orders.where("customerId", "=", "c-42")
                        .where("totalCents", ">", 2000)
                        .count(); // Select COUNT
        String refused;
        try {
            orders.where("note", "CONTAINS", "door").all(); // no key bound: refused before sending
            refused = "not refused";
        } catch (QueryRequiresScanException e) {
            refused = e.getMessage();
        }
        List<Order> scanned =
                orders.query().where("note", "CONTAINS", "door").scan(); // an explicit Scan
        // the same query with the field references dynamorm-processor generates (Order_)
        List<Order> large =
                orders.where(Order_.customerId, "=", "c-42")
                        .where(
                                Order_.totalCents,
                                ">",
                                2000L) // where(Order_.totalCents, ">", "x") does not compile
                        .all();

        db.close();
        return List.of(plan, page, next, big, scanned, refused, large);
    }
}
