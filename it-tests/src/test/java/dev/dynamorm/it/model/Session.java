package dev.dynamorm.it.model;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.Ttl;
import java.time.Instant;

/** A model with a time-to-live attribute. */
@DynamoTable("sessions")
public record Session(@PartitionKey String token, String user, @Ttl Instant expiresAt) {}
