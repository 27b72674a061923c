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
     * Writes a customer with one order of two lines, then reads the customer's collection, the
     * orders alone, and the order with its lines through the overloaded index.
     *
     * @param client the client to use
     * @return what the tour read: the collection, the pieces ordered, the orders alone, then the
     *     order with its lines
     */
    public static List<Object> tour(DynamoDbClient client) {
        try (DynamORM db = DynamORM.builder().client(client).build()) {
            Table<ShopItem> shop = db.table(ShopItem.class); // every member type, one table
            shop.createTableIfMissing();
            shop.put(new Customer("c1", "Ada", "ada@example.com")); // PK CUSTOMER#c1, SK PROFILE
            shop.put(new ShopOrder("c1", "o1", "NEW", 2500)); // SK ORDER#o1
            shop.put(new OrderLine("c1", "o1", 1, "pen", 2)); // SK ORDER#o1#LINE#1
            shop.put(new OrderLine("c1", "o1", 2, "ink", 1));

            // one Query of the partition CUSTOMER#c1, every type
            List<ShopItem> collection =
                    db.collection(ShopItem.class).where("customerId", "=", "c1").all();
            int pieces = 0;
            for (ShopItem item : collection) {
                if (item instanceof OrderLine line) { // each item comes back as its type
                    pieces += line.quantity();
                }
            }
            // PK = CUSTOMER#c1 AND begins_with(SK, ORDER#), orders only
            List<ShopOrder> orders = db.table(ShopOrder.class).where("customerId", "=", "c1").all();
            // GSI1PK = ORDER#o1: the order and its lines
            List<ShopItem> order = shop.where("orderId", "=", "o1").all();
            List<Object> seen = new ArrayList<>(collection);
            seen.add(pieces);
            seen.addAll(orders);
            seen.addAll(order);
            return seen;
        }
    }
}
