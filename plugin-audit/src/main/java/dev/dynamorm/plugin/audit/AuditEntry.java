package dev.dynamorm.plugin.audit;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An audit record as stored in the audit table {@code dynamorm_audit} (with the instance's table
 * prefix). Read an item's history with {@code db.table(AuditEntry.class).where("subject", "=",
 * AuditEntry.subjectOf(table, key)).all()}.
 *
 * @param subject the audited item: {@code <table>#<key attributes, sorted, as name=value joined by
 *     ,>}
 * @param at when and which: the ISO-8601 timestamp, {@code #}, and a random id
 * @param operation the write
 * @param tableName the physical table name
 * @param model the model class name
 * @param actor who wrote
 * @param timestamp when, from DynamORM's clock
 * @param changedFields the fields written or removed
 * @param before the item before the write, or null
 * @param after the item after the write, or null
 * @param transactional whether the write was part of a transaction
 */
@DynamoTable("dynamorm_audit")
public record AuditEntry(
        @PartitionKey String subject,
        @SortKey String at,
        String operation,
        String tableName,
        String model,
        String actor,
        Instant timestamp,
        List<String> changedFields,
        Map<String, String> before,
        Map<String, String> after,
        boolean transactional) {

    /**
     * The entry of a record.
     *
     * @param record the record
     * @param id a unique id (e.g. a random UUID)
     * @return the entry
     */
    public static AuditEntry of(AuditRecord record, String id) {
        return new AuditEntry(
                subjectOf(record.tableName(), record.key()),
                record.timestamp() + "#" + id,
                record.operation().name(),
                record.tableName(),
                record.model(),
                record.actor(),
                record.timestamp(),
                record.changedFields(),
                record.before().orElse(null),
                record.after().orElse(null),
                record.transactional());
    }

    /**
     * The subject of an item, to query its history.
     *
     * @param tableName the physical table name
     * @param key the key attributes, rendered as in {@link AuditRecord#key()}
     * @return the subject
     */
    public static String subjectOf(String tableName, Map<String, String> key) {
        StringBuilder b = new StringBuilder(tableName).append('#');
        String sep = "";
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(key).entrySet()) {
            b.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = ",";
        }
        return b.toString();
    }
}
