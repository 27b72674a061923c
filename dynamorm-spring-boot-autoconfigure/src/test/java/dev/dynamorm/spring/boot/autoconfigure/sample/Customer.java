package dev.dynamorm.spring.boot.autoconfigure.sample;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;

/**
 * A second test model.
 *
 * @param id partition key
 * @param name name
 */
@DynamoTable("customers")
public record Customer(@PartitionKey String id, String name) {}
