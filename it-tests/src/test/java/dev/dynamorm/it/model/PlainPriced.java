package dev.dynamorm.it.model;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import java.math.BigDecimal;
import java.util.Set;

/** {@link Priced} without lifecycle fields: {@code written()} is the instance as given. */
@DynamoTable("plain_priced")
public record PlainPriced(@PartitionKey String id, BigDecimal price, Set<String> tags) {}
