package dev.dynamorm.sample;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.IndexKey;
import dev.dynamorm.annotations.KeyRole;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import java.time.Instant;
import java.util.List;

/**
 * An order of the sample shop (the README's {@code Order}): keyed by customer and order, and
 * indexed by status and creation time for the warehouse's "what is paid" view.
 *
 * @param customerId the customer
 * @param orderId the order, unique per customer
 * @param status NEW, PAID or SHIPPED
 * @param createdAt when the order was placed
 * @param totalCents the amount, in cents
 * @param items the ordered product ids
 * @param note a free-text note, may be null
 */
@DynamoTable("orders")
public record Order(
        @PartitionKey String customerId,
        @SortKey String orderId,
        @IndexKey(index = "by-status") String status,
        @IndexKey(index = "by-status", role = KeyRole.SORT) Instant createdAt,
        long totalCents,
        List<String> items,
        String note) {}
