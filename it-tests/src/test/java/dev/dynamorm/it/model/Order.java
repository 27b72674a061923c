package dev.dynamorm.it.model;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.IndexKey;
import dev.dynamorm.annotations.IndexType;
import dev.dynamorm.annotations.KeyRole;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.ProjectionType;
import dev.dynamorm.annotations.SortKey;
import java.time.Instant;
import java.util.List;

/** A model with partition and sort key, a GSI with INCLUDE projection and a KEYS_ONLY LSI. */
@DynamoTable("orders")
public record Order(
        @PartitionKey String customerId,
        @SortKey String orderId,
        @IndexKey(
                        index = "by-status",
                        projection = ProjectionType.INCLUDE,
                        include = {"totalCents"})
                String status,
        @IndexKey(index = "by-status", role = KeyRole.SORT) Instant createdAt,
        @IndexKey(
                        index = "by-total",
                        role = KeyRole.SORT,
                        type = IndexType.LOCAL,
                        projection = ProjectionType.KEYS_ONLY)
                long totalCents,
        List<String> items,
        String note) {

    /** An order with defaults for the fields a test does not care about. */
    public static Order of(String customerId, String orderId, String status, long totalCents) {
        return new Order(
                customerId,
                orderId,
                status,
                Instant.parse("2026-01-01T00:00:00Z"),
                totalCents,
                List.of("item"),
                null);
    }

    /** This order with another status. */
    public Order withStatus(String newStatus) {
        return new Order(customerId, orderId, newStatus, createdAt, totalCents, items, note);
    }

    /** This order with another note. */
    public Order withNote(String newNote) {
        return new Order(customerId, orderId, status, createdAt, totalCents, items, newNote);
    }

    /** This order with another total. */
    public Order withTotal(long newTotal) {
        return new Order(customerId, orderId, status, createdAt, newTotal, items, note);
    }
}
