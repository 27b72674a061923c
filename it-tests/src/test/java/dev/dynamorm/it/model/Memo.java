package dev.dynamorm.it.model;

import dev.dynamorm.annotations.CreatedAt;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.UpdatedAt;
import java.time.Instant;

/** An unversioned model with lifecycle timestamps: a put replaces it without any condition. */
@DynamoTable("memos")
public record Memo(
        @PartitionKey String id,
        String text,
        @CreatedAt Instant createdAt,
        @UpdatedAt Instant updatedAt) {

    /** A memo without timestamps, as a caller builds it. */
    public static Memo of(String id, String text) {
        return new Memo(id, text, null, null);
    }
}
