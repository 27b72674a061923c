package dev.dynamorm.spring.boot.test.app;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;

/**
 * The slice test's model.
 *
 * @param id key
 * @param text text
 */
@DynamoTable("notes")
public record Note(@PartitionKey String id, String text) {}
