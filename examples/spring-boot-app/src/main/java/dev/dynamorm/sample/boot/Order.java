package dev.dynamorm.sample.boot;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.IndexKey;
import dev.dynamorm.annotations.KeyRole;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import java.time.Instant;

/**
 * An order; its table is found by the starter's package scan.
 *
 * @param customerId partition key
 * @param orderId sort key
 * @param status NEW, PAID or SHIPPED
 * @param createdAt when it was placed
 * @param totalCents total
 */
@DynamoTable("orders")
public record Order(
        @PartitionKey String customerId,
        @SortKey String orderId,
        @IndexKey(index = "by-status") String status,
        @IndexKey(index = "by-status", role = KeyRole.SORT) Instant createdAt,
        long totalCents) {}
