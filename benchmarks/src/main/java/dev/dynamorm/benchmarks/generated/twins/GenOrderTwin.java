package dev.dynamorm.benchmarks.generated.twins;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import dev.dynamorm.benchmarks.generated.GenAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@link dev.dynamorm.benchmarks.generated.GenOrder} on another table, with the same field types
 * (the same nested {@link GenAddress}): registered first by {@code RegistrationBenchmark}'s {@code
 * *TypesInUse_generated} cases, so that registering the original afterwards costs what the second
 * and later models of an application pay.
 *
 * @param customerId the partition key
 * @param orderId the sort key
 * @param status the status
 * @param createdAt when it was placed
 * @param totalCents the total
 * @param itemCount how many items
 * @param discount the discount rate
 * @param currency the currency
 * @param gift whether it is a gift
 * @param tags tags
 * @param attributes free-form attributes
 * @param shippingAddress where it goes
 * @param note a note, often null
 * @param channel the sales channel
 * @param priority the priority
 */
@DynamoTable("orders_twin")
public record GenOrderTwin(
        @PartitionKey String customerId,
        @SortKey String orderId,
        String status,
        Instant createdAt,
        long totalCents,
        int itemCount,
        double discount,
        String currency,
        boolean gift,
        List<String> tags,
        Map<String, String> attributes,
        GenAddress shippingAddress,
        String note,
        String channel,
        int priority) {}
