package dev.dynamorm.benchmarks.generated.twins;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.IndexKey;
import dev.dynamorm.annotations.IndexType;
import dev.dynamorm.annotations.KeyRole;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import java.time.Instant;
import java.util.List;

/**
 * {@link dev.dynamorm.benchmarks.generated.GenIndexed} on another table, with the same field types
 * and indexes: registered first by {@code RegistrationBenchmark}'s {@code *TypesInUse_generated}
 * cases, so that registering the original afterwards costs what the second and later models of an
 * application pay.
 *
 * @param tenant the partition key
 * @param id the sort key
 * @param status partition key of {@code by-status}
 * @param updatedAt sort key of {@code by-status}
 * @param owner partition key of {@code by-owner}
 * @param priority sort key of {@code by-owner}
 * @param region partition key of {@code by-region}
 * @param city sort key of {@code by-region}
 * @param sku partition key of {@code by-sku} (no sort key)
 * @param createdAt sort key of the local index {@code by-created}
 * @param amount sort key of the local index {@code by-amount}
 * @param note a plain field
 * @param tags a list field
 */
@DynamoTable("indexed_twin")
public record GenIndexedTwin(
        @PartitionKey String tenant,
        @SortKey String id,
        @IndexKey(index = "by-status") String status,
        @IndexKey(index = "by-status", role = KeyRole.SORT) Instant updatedAt,
        @IndexKey(index = "by-owner") String owner,
        @IndexKey(index = "by-owner", role = KeyRole.SORT) long priority,
        @IndexKey(index = "by-region") String region,
        @IndexKey(index = "by-region", role = KeyRole.SORT) String city,
        @IndexKey(index = "by-sku") String sku,
        @IndexKey(index = "by-created", role = KeyRole.SORT, type = IndexType.LOCAL)
                Instant createdAt,
        @IndexKey(index = "by-amount", role = KeyRole.SORT, type = IndexType.LOCAL) long amount,
        String note,
        List<String> tags) {}
