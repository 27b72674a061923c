package dev.dynamorm.it.model;

import dev.dynamorm.annotations.Attribute;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;

/** A model keyed by a partition key only, with a renamed attribute. */
@DynamoTable("customers")
public record Customer(
        @PartitionKey String id, String name, @Attribute("mail") String email, int age) {}
