package dev.dynamorm.sample.boot;

import dev.dynamorm.Condition;
import dev.dynamorm.DynamORM;
import dev.dynamorm.SortOrder;
import dev.dynamorm.Table;
import dev.dynamorm.WriteOptions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Orders, over the injected {@code Table<Order>}. */
@Service
public class OrderDesk {

    private final DynamORM db;
    private final Table<Order> orders;

    /**
     * Both beans come from the starter.
     *
     * @param db the DynamORM bean
     * @param orders the table bean of {@link Order}
     */
    public OrderDesk(DynamORM db, Table<Order> orders) {
        this.db = db;
        this.orders = orders;
    }

    /**
     * Places a new order.
     *
     * @param order the order
     */
    public void place(Order order) {
        orders.create(order);
    }

    /**
     * Reads an order.
     *
     * @param customerId customer
     * @param orderId order
     * @return the order, if stored
     */
    public Optional<Order> find(String customerId, String orderId) {
        return orders.get(customerId, orderId);
    }

    /**
     * Paid orders since a time, newest first (a Query on the by-status index).
     *
     * @param since the earliest time
     * @return the orders
     */
    public List<Order> paidSince(Instant since) {
        return orders.where("status", "=", "PAID")
                .where("createdAt", ">", since)
                .orderBy(SortOrder.DESC)
                .all();
    }

    /**
     * Marks a paid order SHIPPED; a DynamoDB conditional write, not a Spring transaction.
     *
     * @param customerId customer
     * @param orderId order
     */
    public void ship(String customerId, String orderId) {
        Order o = orders.get(customerId, orderId).orElseThrow();
        orders.put(
                new Order(o.customerId(), o.orderId(), "SHIPPED", o.createdAt(), o.totalCents()),
                WriteOptions.when(Condition.when("status", "=", "PAID")));
    }

    /**
     * Moves an order to another customer in one DynamoDB transaction (all or nothing).
     *
     * @param order the order
     * @param newCustomerId the new owner
     */
    public void transfer(Order order, String newCustomerId) {
        db.transaction(
                tx -> {
                    tx.delete(order);
                    tx.create(
                            new Order(
                                    newCustomerId,
                                    order.orderId(),
                                    order.status(),
                                    order.createdAt(),
                                    order.totalCents()));
                });
    }
}
