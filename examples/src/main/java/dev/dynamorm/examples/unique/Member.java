package dev.dynamorm.examples.unique;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.Unique;

/**
 * A member whose e-mail address no other member may have.
 *
 * @param id the key
 * @param email the unique address
 * @param name the display name
 */
@DynamoTable("members")
public record Member(@PartitionKey String id, @Unique String email, String name) {}
