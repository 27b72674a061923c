package dev.dynamorm.it.model;

import dev.dynamorm.annotations.CreatedAt;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.UpdatedAt;
import dev.dynamorm.annotations.Version;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A versioned model with lifecycle timestamps, a set, a list and a nested record. */
@DynamoTable("accounts")
public record Account(
        @PartitionKey String id,
        @Version long version,
        @CreatedAt Instant createdAt,
        @UpdatedAt Instant updatedAt,
        long balance,
        Set<String> tags,
        List<String> history,
        Address address,
        String note,
        Integer visits) {

    /** A new account (version 0: never stored). */
    public static Account of(String id, long balance) {
        return new Account(
                id,
                0,
                null,
                null,
                balance,
                Set.of("a"),
                List.of("h1"),
                new Address("Main St", "Oslo", 1234),
                "n",
                null);
    }

    /** This account with another balance. */
    public Account withBalance(long newBalance) {
        return new Account(
                id,
                version,
                createdAt,
                updatedAt,
                newBalance,
                tags,
                history,
                address,
                note,
                visits);
    }

    /** This account with another note. */
    public Account withNote(String newNote) {
        return new Account(
                id, version, createdAt, updatedAt, balance, tags, history, address, newNote,
                visits);
    }
}
