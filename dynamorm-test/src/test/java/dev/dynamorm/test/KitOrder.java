package dev.dynamorm.test;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.IndexKey;
import dev.dynamorm.annotations.KeyRole;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import java.time.Instant;
import java.util.List;

/** The order model of the kit's own tests: a table key, a global index and a few value types. */
@DynamoTable("orders")
public record KitOrder(
        @PartitionKey String customerId,
        @SortKey String orderId,
        @IndexKey(index = "by-status") Status status,
        @IndexKey(index = "by-status", role = KeyRole.SORT) Instant createdAt,
        long totalCents,
        List<String> items,
        Address shipTo) {

    /** The states of an order. */
    public enum Status {
        NEW,
        PAID,
        SHIPPED
    }

    /** A nested value. */
    public record Address(String city, int zip) {}
}
