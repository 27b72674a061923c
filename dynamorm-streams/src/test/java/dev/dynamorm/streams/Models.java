package dev.dynamorm.streams;

import dev.dynamorm.annotations.Attribute;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.Encrypted;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import dev.dynamorm.annotations.Ttl;
import java.time.Instant;

/** The models of the streams tests. */
final class Models {
    private Models() {}

    /** An order: key, plain fields, a renamed field and a TTL. */
    @DynamoTable("orders")
    public record Order(
            @PartitionKey String customerId,
            @SortKey String orderId,
            String status,
            long totalCents,
            @Attribute("note_text") String note,
            @Ttl Instant expiresAt) {

        static Order of(String customer, String id, String status, long cents) {
            return new Order(customer, id, status, cents, null, null);
        }
    }

    /** A model with an encrypted field. */
    @DynamoTable("secrets")
    public record Secret(@PartitionKey String id, String label, @Encrypted String pin) {}

    /** Orders per customer and status: a materialized view of {@link Order}. */
    @DynamoTable("status_totals")
    public record StatusTotals(
            @PartitionKey String customerId,
            @SortKey String status,
            long orders,
            long totalCents) {}
}
