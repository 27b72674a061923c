package dev.dynamorm.sample;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Query;
import dev.dynamorm.SortOrder;
import dev.dynamorm.Table;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The sample app's service: the code a DynamORM user writes and tests with the kit. It depends on
 * the {@link DynamORM} interface only, so tests can give it a real backend or a MockDB.
 */
public final class OrderService {

    private final Table<Order> orders;

    /**
     * Creates the service.
     *
     * @param db the DynamORM instance
     */
    public OrderService(DynamORM db) {
        this.orders = Objects.requireNonNull(db, "db").table(Order.class);
    }

    /**
     * Places a new order.
     *
     * @param order the order, with status NEW
     * @throws IllegalArgumentException if the order is not NEW
     * @throws dev.dynamorm.ItemAlreadyExistsException if the customer already has an order with
     *     this id
     */
    public void place(Order order) {
        if (!"NEW".equals(order.status())) {
            throw new IllegalArgumentException("a placed order must be NEW, got " + order.status());
        }
        orders.create(order);
    }

    /**
     * The query behind {@link #paidSince(Instant)}: paid orders created after a time, newest first.
     *
     * @param since the earliest creation time, exclusive
     * @return the query; nothing is sent
     */
    public Query<Order> paidSinceQuery(Instant since) {
        return orders.where("status", "=", "PAID")
                .where("createdAt", ">", since)
                .orderBy(SortOrder.DESC);
    }

    /**
     * The paid orders created after a time, newest first.
     *
     * @param since the earliest creation time, exclusive
     * @return the orders
     */
    public List<Order> paidSince(Instant since) {
        return paidSinceQuery(since).all();
    }

    /**
     * Marks a paid order shipped.
     *
     * @param customerId the customer
     * @param orderId the order
     * @throws dev.dynamorm.ConditionFailedException if the order is not PAID
     * @throws dev.dynamorm.ItemNotFoundException if there is no such order
     */
    public void ship(String customerId, String orderId) {
        orders.where("customerId", "=", customerId)
                .where("orderId", "=", orderId)
                .update(u -> u.set("status", "SHIPPED").when("status", "=", "PAID"));
    }

    /**
     * What a customer spent on paid and shipped orders.
     *
     * @param customerId the customer
     * @return the total in cents
     */
    public long totalSpent(String customerId) {
        return orders.where("customerId", "=", customerId).all().stream()
                .filter(o -> !"NEW".equals(o.status()))
                .mapToLong(Order::totalCents)
                .sum();
    }
}
