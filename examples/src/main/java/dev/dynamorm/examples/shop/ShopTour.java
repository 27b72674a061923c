package dev.dynamorm.examples.shop;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Table;
import dev.dynamorm.local.LocalDynamoDb;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The README's single-table tour: a customer, an order and its lines in one partition. */
public final class ShopTour {

    private ShopTour() {}

    /**
     * Runs the tour on the embedded engine and prints what it read.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        try (LocalDynamoDb local = LocalDynamoDb.start()) {
            tour(local.client()).forEach(System.out::println);
        }
    }

    /**
     * Writes a customer with one order of two lines, then reads the partition back.
     *
     * @param client the client to use
     * @return what the tour read: the whole partition, then the orders alone
     */
    public static List<Object> tour(DynamoDbClient client) {
        try (DynamORM db = DynamORM.builder().client(client).build()) {
            Table<ShopItem> shop = db.table(ShopItem.class); // every member type, one table
            shop.createTableIfMissing();
            shop.put(new Customer("CUSTOMER#c1", "PROFILE", "Ada", "ada@example.com"));
            shop.put(new ShopOrder("CUSTOMER#c1", "ORDER#o1", "NEW", 2500));
            shop.put(new OrderLine("CUSTOMER#c1", "ORDER#o1#LINE#1", "pen", 2));
            shop.put(new OrderLine("CUSTOMER#c1", "ORDER#o1#LINE#2", "ink", 1));

            List<ShopItem> partition = shop.where("pk", "=", "CUSTOMER#c1").all(); // one Query
            int pieces = 0;
            for (ShopItem item : partition) {
                if (item instanceof OrderLine line) { // each item comes back as its type
                    pieces += line.quantity();
                }
            }
            List<ShopOrder> orders =
                    db.table(ShopOrder.class).where("pk", "=", "CUSTOMER#c1").all(); // orders only
            List<Object> seen = new ArrayList<>(partition);
            seen.add(pieces);
            seen.addAll(orders);
            return seen;
        }
    }
}
