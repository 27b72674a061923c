package dev.dynamorm.plugin.audit;

import dev.dynamorm.Operation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * One audited write of one item. Values are rendered as strings (numbers as digits, binary as
 * Base64, sets and lists in brackets, maps in braces); encrypted and redacted values are replaced
 * by {@code <encrypted>} and {@code <redacted>}. Immutable.
 */
public final class AuditRecord {

    private final Operation operation;
    private final String tableName;
    private final String model;
    private final Map<String, String> key;
    private final String actor;
    private final Instant timestamp;
    private final List<String> changedFields;
    private final Map<String, String> before;
    private final Map<String, String> after;
    private final boolean transactional;

    /**
     * Creates a record.
     *
     * @param operation the write: CREATE, PUT, UPDATE, DELETE, BATCH_WRITE or TRANSACT_WRITE
     * @param tableName the physical table name
     * @param model the model class name, or empty string when none
     * @param key the key attributes, rendered
     * @param actor who wrote
     * @param timestamp when, from DynamORM's clock
     * @param changedFields the fields written or removed (Java names where the model is known)
     * @param before the item before the write, or null when not recorded
     * @param after the item after the write, or null when not recorded or deleted
     * @param transactional whether the write was part of a transaction
     */
    public AuditRecord(
            Operation operation,
            String tableName,
            String model,
            Map<String, String> key,
            String actor,
            Instant timestamp,
            List<String> changedFields,
            Map<String, String> before,
            Map<String, String> after,
            boolean transactional) {
        this.operation = Objects.requireNonNull(operation, "operation");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.model = Objects.requireNonNull(model, "model");
        this.key = Map.copyOf(key);
        this.actor = Objects.requireNonNull(actor, "actor");
        this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
        this.changedFields = List.copyOf(changedFields);
        this.before = before == null ? null : Map.copyOf(before);
        this.after = after == null ? null : Map.copyOf(after);
        this.transactional = transactional;
    }

    /**
     * The write.
     *
     * @return the operation
     */
    public Operation operation() {
        return operation;
    }

    /**
     * The physical table name.
     *
     * @return the table
     */
    public String tableName() {
        return tableName;
    }

    /**
     * The model class name.
     *
     * @return the name, empty when no model maps the table
     */
    public String model() {
        return model;
    }

    /**
     * The key attributes, rendered.
     *
     * @return attribute name to value
     */
    public Map<String, String> key() {
        return key;
    }

    /**
     * Who wrote.
     *
     * @return the actor, {@code unknown} when no provider knew
     */
    public String actor() {
        return actor;
    }

    /**
     * When the write succeeded, from DynamORM's clock.
     *
     * @return the instant
     */
    public Instant timestamp() {
        return timestamp;
    }

    /**
     * The fields written or removed.
     *
     * @return the field names, sorted
     */
    public List<String> changedFields() {
        return changedFields;
    }

    /**
     * The item before the write.
     *
     * @return the rendered attributes, or empty when images are off or the item did not exist
     */
    public Optional<Map<String, String>> before() {
        return Optional.ofNullable(before);
    }

    /**
     * The item after the write.
     *
     * @return the rendered attributes, or empty when images are off or the item was deleted
     */
    public Optional<Map<String, String>> after() {
        return Optional.ofNullable(after);
    }

    /**
     * Whether the write was part of a transaction.
     *
     * @return true for transactions
     */
    public boolean transactional() {
        return transactional;
    }

    /**
     * The record as one line of JSON (keys sorted), as the log sink writes it.
     *
     * @return the JSON text
     */
    public String toJson() {
        StringJoiner out = new StringJoiner(",", "{", "}");
        out.add(q("operation") + ":" + q(operation.name()));
        out.add(q("table") + ":" + q(tableName));
        out.add(q("model") + ":" + q(model));
        out.add(q("key") + ":" + map(key));
        out.add(q("actor") + ":" + q(actor));
        out.add(q("timestamp") + ":" + q(timestamp.toString()));
        StringJoiner fields = new StringJoiner(",", "[", "]");
        changedFields.forEach(f -> fields.add(q(f)));
        out.add(q("changedFields") + ":" + fields);
        if (before != null) {
            out.add(q("before") + ":" + map(before));
        }
        if (after != null) {
            out.add(q("after") + ":" + map(after));
        }
        out.add(q("transactional") + ":" + transactional);
        return out.toString();
    }

    private static String map(Map<String, String> m) {
        StringJoiner out = new StringJoiner(",", "{", "}");
        new java.util.TreeMap<>(m).forEach((k, v) -> out.add(q(k) + ":" + q(v)));
        return out.toString();
    }

    private static String q(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuditRecord r
                && operation == r.operation
                && tableName.equals(r.tableName)
                && model.equals(r.model)
                && key.equals(r.key)
                && actor.equals(r.actor)
                && timestamp.equals(r.timestamp)
                && changedFields.equals(r.changedFields)
                && Objects.equals(before, r.before)
                && Objects.equals(after, r.after)
                && transactional == r.transactional;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                operation,
                tableName,
                model,
                key,
                actor,
                timestamp,
                changedFields,
                before,
                after,
                transactional);
    }

    @Override
    public String toString() {
        return "AuditRecord" + toJson();
    }
}
