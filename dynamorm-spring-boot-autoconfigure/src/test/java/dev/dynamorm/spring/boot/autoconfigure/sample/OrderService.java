package dev.dynamorm.spring.boot.autoconfigure.sample;

import dev.dynamorm.Table;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;

/** A bean with an injected table. */
public class OrderService {

    private final Table<Order> orders;

    /**
     * Injected by generic type.
     *
     * @param orders the table
     */
    @Autowired
    public OrderService(Table<Order> orders) {
        this.orders = orders;
    }

    /**
     * Stores an order.
     *
     * @param order the order
     */
    public void place(Order order) {
        orders.create(order);
    }

    /**
     * Reads an order.
     *
     * @param customerId partition key
     * @param orderId sort key
     * @return the order
     */
    public Optional<Order> find(String customerId, String orderId) {
        return orders.get(customerId, orderId);
    }
}
