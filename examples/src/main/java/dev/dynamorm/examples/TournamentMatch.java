package dev.dynamorm.examples;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.IndexKey;
import dev.dynamorm.annotations.KeyRole;
import dev.dynamorm.annotations.PartitionKey;

/**
 * A tournament match: the README's multi-attribute index key example. The global index {@code
 * by-region} is partitioned by tournament and region together and sorted by round, then bracket.
 *
 * @param matchId the match (the table's partition key)
 * @param tournament first partition attribute of {@code by-region}
 * @param region second partition attribute of {@code by-region}
 * @param round first sort attribute of {@code by-region}
 * @param bracket second sort attribute of {@code by-region}
 * @param winner who won
 */
@DynamoTable("matches")
public record TournamentMatch(
        @PartitionKey String matchId,
        @IndexKey(index = "by-region", order = 1) String tournament,
        @IndexKey(index = "by-region", order = 2) String region,
        @IndexKey(index = "by-region", role = KeyRole.SORT, order = 1) String round,
        @IndexKey(index = "by-region", role = KeyRole.SORT, order = 2) String bracket,
        String winner) {}
