package dev.dynamorm.examples;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.IndexKey;
import dev.dynamorm.annotations.IndexType;
import dev.dynamorm.annotations.KeyRole;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import java.time.Instant;

/**
 * A chat message: the README's local secondary index example. The table is keyed by room and time;
 * the local index {@code by-author} keeps the room as partition key and sorts by author.
 *
 * @param roomId the room (partition key of the table and of the local index)
 * @param sentAt when the message was sent (sort key)
 * @param author who wrote it, sort key of the local index {@code by-author}
 * @param text the message
 */
@DynamoTable("messages")
public record Message(
        @PartitionKey String roomId,
        @SortKey Instant sentAt,
        @IndexKey(index = "by-author", type = IndexType.LOCAL, role = KeyRole.SORT) String author,
        String text) {}
