package dev.dynamorm.benchmarks.generated;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The typical model: fifteen fields with a list, a map, an Instant and a nested record.
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
@DynamoTable("orders")
public record GenOrder(
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
