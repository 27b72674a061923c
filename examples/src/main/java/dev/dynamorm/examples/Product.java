package dev.dynamorm.examples;

import dev.dynamorm.annotations.CreatedAt;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.UpdatedAt;
import dev.dynamorm.annotations.Version;
import java.time.Instant;
import java.util.Set;

/**
 * A product with optimistic locking and lifecycle timestamps, stored in table {@code products}.
 *
 * @param sku the stock-keeping unit (partition key)
 * @param version the optimistic-locking version, 0 before the first write
 * @param createdAt set once when the product is created
 * @param updatedAt set on every write
 * @param name the display name
 * @param stock the units in stock
 * @param tags free-form tags
 */
@DynamoTable("products")
public record Product(
        @PartitionKey String sku,
        @Version long version,
        @CreatedAt Instant createdAt,
        @UpdatedAt Instant updatedAt,
        String name,
        int stock,
        Set<String> tags) {}
