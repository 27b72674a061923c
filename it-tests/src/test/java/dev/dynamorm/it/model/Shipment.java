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

/**
 * A model with several global and local indexes of every projection type, for index selection:
 *
 * <ul>
 *   <li>table: warehouse + shipmentId
 *   <li>GSI by-carrier (ALL): carrier + shippedAt
 *   <li>GSI by-status (KEYS_ONLY): status + shippedAt
 *   <li>GSI by-zip (INCLUDE weightGrams): zip
 *   <li>LSI by-weight (ALL): warehouse + weightGrams
 *   <li>LSI by-priority (KEYS_ONLY): warehouse + priority
 * </ul>
 */
@DynamoTable("shipments")
public record Shipment(
        @PartitionKey String warehouse,
        @SortKey String shipmentId,
        @IndexKey(index = "by-carrier") String carrier,
        @IndexKey(index = "by-status", projection = ProjectionType.KEYS_ONLY) String status,
        @IndexKey(index = "by-carrier", role = KeyRole.SORT)
                @IndexKey(index = "by-status", role = KeyRole.SORT)
                Instant shippedAt,
        @IndexKey(
                        index = "by-zip",
                        projection = ProjectionType.INCLUDE,
                        include = {"weightGrams"})
                String zip,
        @IndexKey(index = "by-weight", role = KeyRole.SORT, type = IndexType.LOCAL)
                long weightGrams,
        @IndexKey(
                        index = "by-priority",
                        role = KeyRole.SORT,
                        type = IndexType.LOCAL,
                        projection = ProjectionType.KEYS_ONLY)
                int priority,
        List<String> tags,
        String note) {

    /** A shipment with defaults for the fields a test does not care about. */
    public static Shipment of(
            String warehouse,
            String id,
            String carrier,
            String status,
            int minute,
            long weight,
            int priority) {
        return new Shipment(
                warehouse,
                id,
                carrier,
                status,
                Instant.parse("2026-03-01T00:00:00Z").plusSeconds(60L * minute),
                "z" + (priority % 3),
                weight,
                priority,
                List.of("t" + priority),
                null);
    }
}
