package dev.dynamorm.spring.boot.autoconfigure.sample;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;

/**
 * A test model.
 *
 * @param customerId partition key
 * @param orderId sort key
 * @param totalCents total
 */
@DynamoTable("orders")
public record Order(@PartitionKey String customerId, @SortKey String orderId, long totalCents) {}
