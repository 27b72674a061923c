package dev.dynamorm.examples;

import dev.dynamorm.BatchGetResult;
import dev.dynamorm.BatchWriteResult;
import dev.dynamorm.BatchWriter;
import dev.dynamorm.Condition;
import dev.dynamorm.DynamORM;
import dev.dynamorm.Key;
import dev.dynamorm.OptimisticLockException;
import dev.dynamorm.ReturnValue;
import dev.dynamorm.Table;
import dev.dynamorm.TransactionCanceledException;
import dev.dynamorm.WriteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The code of the README's "Writes done right" section, compiled and run by the integration tests.
 */
public final class WritesTour {

    private WritesTour() {}

    /**
     * Runs the writes tour.
     *
     * @param dynamoDbClient the client to use
     * @param manyOrders orders to write in one batch, including c-42/o-1 and c-42/o-2
     * @param order a new order c-42/o-9 to create in a transaction
     * @return what the tour saw: renamed product, stale-write refusal, product after the sale,
     *     batch results, the product after the transaction and the cancelled transaction's reasons
     */
    // the batch writer's delete is not joined on purpose: its close() waits for every accepted
    // write
    @SuppressWarnings("FutureReturnValueIgnored")
    public static List<Object> tour(
            DynamoDbClient dynamoDbClient, List<Order> manyOrders, Order order) {
        List<Object> seen = new ArrayList<>();
        try (DynamORM db = DynamORM.builder().client(dynamoDbClient).build()) {
            Table<Product> products = db.table(Product.class);
            Table<Order> orders = db.table(Order.class);
            products.createTableIfMissing();
            orders.createTableIfMissing();

            Product pen =
                    products.create(new Product("pen", 0, null, null, "Pen", 10, Set.of("office")))
                            .written()
                            .orElseThrow(); // version 1, createdAt/updatedAt from the clock
            Product renamed =
                    products.update(
                                    pen,
                                    u ->
                                            u.set("name", "Blue pen")
                                                    .add("tags", "blue")
                                                    .returnValue(ReturnValue.ALL_NEW))
                            .written()
                            .orElseThrow(); // checks version 1, writes 2; ALL_NEW: as stored
            try {
                products.put(pen); // pen is stale: version 1
            } catch (OptimisticLockException e) {
                seen.add(e.expectedVersion()); // read the item again and reapply the change
            }
            seen.add(0, renamed);

            WriteResult<Product> sold =
                    products.where("sku", "=", "pen")
                            .update(
                                    u ->
                                            u.decrement("stock")
                                                    .when("stock", ">", 0)
                                                    .returnValue(ReturnValue.ALL_NEW));
            seen.add(sold.item().orElseThrow());

            BatchWriteResult<Order> written =
                    orders.batchPut(manyOrders); // chunks of 25, unprocessed items retried
            BatchGetResult<Order> read =
                    orders.batchGet(List.of(Key.of("c-42", "o-1"), Key.of("c-42", "nope")));
            try (BatchWriter writer = db.batchWriter()) { // buffers single writes from many threads
                writer.put(order).join();
                writer.delete(order);
            } // close() waits for every accepted write
            seen.add(written.written());
            seen.add(read);

            db.transaction(
                    tx ->
                            tx.create(order)
                                    .update(sold.written().orElseThrow(), u -> u.decrement("stock"))
                                    .conditionCheck(
                                            manyOrders.get(0),
                                            Condition.when("status", "=", "NEW")));
            seen.add(products.get("pen").orElseThrow());
            try {
                db.transaction(
                        tx ->
                                tx.delete(order)
                                        .create(
                                                manyOrders.get(
                                                        0))); // exists already: nothing is applied
            } catch (TransactionCanceledException e) {
                seen.add(e.reasons()); // per action: model, key, code, stored item
            }
        }
        return seen;
    }
}
