package dev.dynamorm.it.model;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.UpdatedAt;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/**
 * A model with a decimal and a set, the values DynamoDB normalises; with {@code @UpdatedAt}, so
 * {@code written()} is mapped from the attributes sent.
 */
@DynamoTable("priced")
public record Priced(
        @PartitionKey String id, BigDecimal price, Set<String> tags, @UpdatedAt Instant at) {}
