package dev.dynamorm.it.model;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;

/** A model whose table has a stream: the change data capture suites write and follow it. */
@DynamoTable("ledger")
public record Ledger(
        @PartitionKey String account, @SortKey String entry, long cents, String memo) {}
