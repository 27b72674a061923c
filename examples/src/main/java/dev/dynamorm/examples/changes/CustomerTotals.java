package dev.dynamorm.examples.changes;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;

/**
 * A materialized view of the orders: how many orders each customer has and what they total.
 *
 * @param customerId the customer, the view's key
 * @param orders the number of orders
 * @param totalCents the sum of their totals
 */
@DynamoTable("customer_totals")
public record CustomerTotals(@PartitionKey String customerId, long orders, long totalCents) {}
