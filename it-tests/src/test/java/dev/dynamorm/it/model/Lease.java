package dev.dynamorm.it.model;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.IndexKey;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.ProjectionType;
import dev.dynamorm.annotations.SortKey;
import dev.dynamorm.annotations.Ttl;
import java.time.Instant;

/**
 * A lease that expires by time-to-live, with a global index that projects every attribute (so reads
 * through it can tell expired items apart too). A null {@code expiresAt} never expires.
 */
@DynamoTable("leases")
public record Lease(
        @PartitionKey String owner,
        @SortKey String id,
        @IndexKey(index = "by-holder", projection = ProjectionType.ALL) String holder,
        @Ttl Instant expiresAt) {}
