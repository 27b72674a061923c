package dev.dynamorm.benchmarks.generated;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;

/**
 * The small model: five scalar fields.
 *
 * @param id the partition key
 * @param name a name
 * @param quantity a count
 * @param priceCents a price
 * @param active a flag
 */
@DynamoTable("small")
public record GenSmallItem(
        @PartitionKey String id, String name, int quantity, long priceCents, boolean active) {}
