package dev.dynamorm.examples;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.IndexKey;
import dev.dynamorm.annotations.KeyRole;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import java.time.Instant;
import java.util.List;

/**
 * An order: stored in table {@code orders}, keyed by customer and order id, with a global index on
 * status and creation time.
 *
 * @param customerId the customer (partition key)
 * @param orderId the order id (sort key)
 * @param status the order status, partition key of index {@code by-status}
 * @param createdAt when the order was placed, sort key of index {@code by-status}
 * @param totalCents the order total in cents
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
