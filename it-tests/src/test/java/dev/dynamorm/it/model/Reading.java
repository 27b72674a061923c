package dev.dynamorm.it.model;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.IndexKey;
import dev.dynamorm.annotations.KeyRole;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;

/**
 * A sensor reading, for pagination: numeric sort key, a GSI by level ordered by sequence, and a few
 * fields to filter on.
 */
@DynamoTable("readings")
public record Reading(
        @PartitionKey String sensor,
        @SortKey int seq,
        @IndexKey(index = "by-level") String level,
        @IndexKey(index = "by-level", role = KeyRole.SORT) long stamp,
        int value,
        boolean ok) {}
