package dev.dynamorm.it.model;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.IndexKey;
import dev.dynamorm.annotations.KeyRole;
import dev.dynamorm.annotations.PartitionKey;

/**
 * A tournament match, for multi-attribute index keys: the global index {@code by-region} is
 * partitioned by tournament and region together and sorted by round, then sequence number.
 */
@DynamoTable("mk_matches")
public record Match(
        @PartitionKey String id,
        @IndexKey(index = "by-region", order = 1) String tournament,
        @IndexKey(index = "by-region", order = 2) String region,
        @IndexKey(index = "by-region", role = KeyRole.SORT, order = 1) String round,
        @IndexKey(index = "by-region", role = KeyRole.SORT, order = 2) int seq,
        String winner) {}
