package dev.dynamorm.examples;

import dev.dynamorm.Condition;
import dev.dynamorm.DynamORM;
import dev.dynamorm.SchemaDrift;
import dev.dynamorm.Table;
import dev.dynamorm.WriteOptions;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The code of the README's tour, compiled and run by the integration tests. */
public final class Tour {

    private Tour() {}

    /**
     * Runs the tour.
     *
     * @param dynamoDbClient the client to use
     * @param order a new order with status NEW and total over 2000 cents, for customer c-42, id o-1
     * @param paid the same order with status PAID
     * @return what the tour saw: the order read back, the customer's big orders, and the drift
     */
    public static List<Object> tour(DynamoDbClient dynamoDbClient, Order order, Order paid) {
        DynamORM db =
                DynamORM.builder().client(dynamoDbClient).build(); // or .region(..).endpoint(..)
        Table<Order> orders = db.table(Order.class); // reflects once, validates the model
        orders.createTableIfMissing(); // keys, GSIs/LSIs, projections, TTL from the model

        orders.create(order); // ItemAlreadyExistsException if the key exists
        Optional<Order> o = orders.get("c-42", "o-1"); // GetItem
        List<Order> mine =
                orders.where("customerId", "=", "c-42")
                        .where("totalCents", ">", 2000)
                        .all(); // Query + filter
        orders.put(
                order,
                WriteOptions.when(
                        Condition.when(
                                "status", "=",
                                "NEW"))); // ConditionFailedException carries the stored item
        orders.update(
                paid, "status"); // sends only the chosen fields; ItemNotFoundException if absent
        Optional<Order> afterUpdate = orders.get("c-42", "o-1");
        orders.delete(order);
        SchemaDrift drift = orders.drift(); // how the live table differs from the model
        db.close();
        return List.of(o, mine, afterUpdate, drift);
    }
}
