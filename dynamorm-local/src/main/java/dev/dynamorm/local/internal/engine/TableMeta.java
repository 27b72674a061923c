package dev.dynamorm.local.internal.engine;

import dev.dynamorm.local.internal.error.DynamoException;
import dev.dynamorm.local.internal.value.KeyDef;
import dev.dynamorm.local.internal.wire.Request;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Immutable table definition; UpdateTable, TTL and tag changes produce a new instance. */
public record TableMeta(
        String name,
        String tableId,
        KeyDef key,
        Map<String, String> attributeTypes,
        List<IndexDef> indexes,
        String billingMode,
        long readCapacity,
        long writeCapacity,
        long createdMillis,
        String ttlAttribute,
        Map<String, String> tags,
        boolean deletionProtection,
        VectorIndexes vectors) {
    public TableMeta {
        attributeTypes = Map.copyOf(attributeTypes);
        vectors = vectors == null ? VectorIndexes.NONE : vectors;
        indexes = List.copyOf(indexes);
        tags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** A definition without vector indexes. */
    public TableMeta(
            String name,
            String tableId,
            KeyDef key,
            Map<String, String> attributeTypes,
            List<IndexDef> indexes,
            String billingMode,
            long readCapacity,
            long writeCapacity,
            long createdMillis,
            String ttlAttribute,
            Map<String, String> tags,
            boolean deletionProtection) {
        this(
                name,
                tableId,
                key,
                attributeTypes,
                indexes,
                billingMode,
                readCapacity,
                writeCapacity,
                createdMillis,
                ttlAttribute,
                tags,
                deletionProtection,
                VectorIndexes.NONE);
    }

    /** This definition with other vector indexes. */
    public TableMeta withVectors(VectorIndexes newVectors) {
        return new TableMeta(
                name,
                tableId,
                key,
                attributeTypes,
                indexes,
                billingMode,
                readCapacity,
                writeCapacity,
                createdMillis,
                ttlAttribute,
                tags,
                deletionProtection,
                newVectors);
    }

    public IndexDef index(String indexName) {
        for (IndexDef i : indexes) {
            if (i.name().equals(indexName)) {
                return i;
            }
        }
        return null;
    }

    public TableMeta withIndexes(List<IndexDef> newIndexes, Map<String, String> newTypes) {
        return new TableMeta(
                name,
                tableId,
                key,
                newTypes,
                newIndexes,
                billingMode,
                readCapacity,
                writeCapacity,
                createdMillis,
                ttlAttribute,
                tags,
                deletionProtection,
                vectors);
    }

    public TableMeta withBilling(String mode, long read, long write) {
        return new TableMeta(
                name,
                tableId,
                key,
                attributeTypes,
                indexes,
                mode,
                read,
                write,
                createdMillis,
                ttlAttribute,
                tags,
                deletionProtection,
                vectors);
    }

    public TableMeta withTtl(String attribute) {
        return new TableMeta(
                name,
                tableId,
                key,
                attributeTypes,
                indexes,
                billingMode,
                readCapacity,
                writeCapacity,
                createdMillis,
                attribute,
                tags,
                deletionProtection,
                vectors);
    }

    public TableMeta withTags(Map<String, String> newTags) {
        return new TableMeta(
                name,
                tableId,
                key,
                attributeTypes,
                indexes,
                billingMode,
                readCapacity,
                writeCapacity,
                createdMillis,
                ttlAttribute,
                newTags,
                deletionProtection,
                vectors);
    }

    public TableMeta withDeletionProtection(boolean enabled) {
        return new TableMeta(
                name,
                tableId,
                key,
                attributeTypes,
                indexes,
                billingMode,
                readCapacity,
                writeCapacity,
                createdMillis,
                ttlAttribute,
                tags,
                enabled,
                vectors);
    }

    // ---- parsing of CreateTable requests (also used to restore persisted tables)

    /**
     * The member constraint of {@code TableName} in the data plane: the API reference allows a name
     * or a table ARN, 1 to 1024 characters, so a short or unusual name is simply not found.
     */
    static void validateTableReference(String name) {
        if (name == null) {
            validateTableName(null, "tableName");
        } else if (name.isEmpty() || name.length() > 1024) {
            throw DynamoException.validation(
                    "1 validation error detected: Value '"
                            + name
                            + "' at 'tableName' failed to satisfy constraint: Member must have length "
                            + (name.isEmpty()
                                    ? "greater than or equal to 1"
                                    : "less than or equal to 1024"));
        }
    }

    static void validateTableName(String name, String field) {
        if (name == null) {
            throw DynamoException.validation(
                    "1 validation error detected: Value null at '"
                            + field
                            + "' failed to satisfy constraint: Member must not be null");
        }
        if (name.length() < 3 || name.length() > 255) {
            throw DynamoException.validation(
                    "1 validation error detected: Value '"
                            + name
                            + "' at '"
                            + field
                            + "' failed to satisfy constraint: Member must have length "
                            + (name.length() < 3
                                    ? "greater than or equal to 3"
                                    : "less than or equal to 255"));
        }
        if (!name.matches("[a-zA-Z0-9_.-]+")) {
            throw DynamoException.validation(
                    "1 validation error detected: Value '"
                            + name
                            + "' at '"
                            + field
                            + "' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
    }

    public static TableMeta fromCreateRequest(Request r, long createdMillis, String tableId) {
        String name = r.string("TableName");
        validateTableName(name, "tableName");
        Map<String, String> types = new LinkedHashMap<>();
        List<Object> defs = r.list("AttributeDefinitions");
        if (defs == null) {
            throw DynamoException.validation(
                    "1 validation error detected: Value null at 'attributeDefinitions' failed to satisfy constraint: Member must not be null");
        }
        for (Object o : defs) {
            Request d = Request.of(o);
            String attr = d.requiredString("AttributeName");
            String type = d.requiredString("AttributeType");
            if (!Set.of("S", "N", "B").contains(type)) {
                throw DynamoException.validation(
                        "1 validation error detected: Value '"
                                + type
                                + "' at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]");
            }
            if (types.put(attr, type) != null) {
                throw DynamoException.validation("Cannot have two attributes with the same name");
            }
        }
        KeyDef key = KeySchemas.parse(r.list("KeySchema"), types, false);
        String billing = r.string("BillingMode", "PROVISIONED");
        long[] throughput = throughput(r.object("ProvisionedThroughput"), billing, "");
        Set<String> used = new TreeSet<>(key.names());
        List<IndexDef> indexes = new ArrayList<>();
        Set<String> indexNames = new TreeSet<>();
        List<Object> lsis = r.list("LocalSecondaryIndexes");
        if (lsis != null) {
            if (lsis.isEmpty()) {
                throw DynamoException.validation(
                        "One or more parameter values were invalid: List of LocalSecondaryIndexes is empty");
            }
            if (!key.hasRange()) {
                throw DynamoException.validation(
                        "One or more parameter values were invalid: Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
            }
            for (Object o : lsis) {
                IndexDef idx = index(Request.of(o), false, types, billing);
                if (!idx.key().hashName().equals(key.hashName())) {
                    throw DynamoException.validation(
                            "One or more parameter values were invalid: Index KeySchema does not have the same leading hash key as table KeySchema for index: "
                                    + idx.name()
                                    + ". index hash key: "
                                    + idx.key().hashName()
                                    + ", table hash key: "
                                    + key.hashName());
                }
                if (!idx.key().hasRange()) {
                    throw DynamoException.validation(
                            "One or more parameter values were invalid: Index KeySchema must have a range key for index: "
                                    + idx.name());
                }
                addIndex(indexes, indexNames, idx);
                used.addAll(idx.key().names());
            }
        }
        List<Object> gsis = r.list("GlobalSecondaryIndexes");
        if (gsis != null) {
            if (gsis.isEmpty()) {
                throw DynamoException.validation(
                        "One or more parameter values were invalid: List of GlobalSecondaryIndexes is empty");
            }
            for (Object o : gsis) {
                IndexDef idx = index(Request.of(o), true, types, billing);
                addIndex(indexes, indexNames, idx);
                used.addAll(idx.key().names());
            }
        }
        if (!used.equals(new TreeSet<>(types.keySet()))) {
            throw DynamoException.validation(
                    "One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        List<Object> tagList = r.list("Tags");
        if (tagList != null) {
            for (Object o : tagList) {
                Request t = Request.of(o);
                tags.put(t.requiredString("Key"), t.requiredString("Value"));
            }
        }
        return new TableMeta(
                name,
                tableId,
                key,
                types,
                indexes,
                billing,
                throughput[0],
                throughput[1],
                createdMillis,
                null,
                tags,
                r.bool("DeletionProtectionEnabled"));
    }

    private static void addIndex(List<IndexDef> indexes, Set<String> names, IndexDef idx) {
        if (!names.add(idx.name())) {
            throw DynamoException.validation(
                    "One or more parameter values were invalid: Duplicate index name: "
                            + idx.name());
        }
        indexes.add(idx);
    }

    static long[] throughput(Request pt, String billing, String what) {
        if (!billing.equals("PROVISIONED") && !billing.equals("PAY_PER_REQUEST")) {
            throw DynamoException.validation(
                    "1 validation error detected: Value '"
                            + billing
                            + "' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]");
        }
        if (billing.equals("PAY_PER_REQUEST")) {
            if (pt != null) {
                throw DynamoException.validation(
                        "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
            }
            return new long[] {0, 0};
        }
        if (pt == null
                || pt.longValue("ReadCapacityUnits") == null
                || pt.longValue("WriteCapacityUnits") == null) {
            throw DynamoException.validation(
                    "One or more parameter values were invalid: "
                            + (what.isEmpty()
                                    ? "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED"
                                    : "ProvisionedThroughput must be specified for index: "
                                            + what));
        }
        long read = pt.longValue("ReadCapacityUnits");
        long write = pt.longValue("WriteCapacityUnits");
        if (read < 1 || write < 1) {
            throw DynamoException.validation(
                    "1 validation error detected: Value '"
                            + Math.min(read, write)
                            + "' at 'provisionedThroughput.readCapacityUnits' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }
        return new long[] {read, write};
    }

    static IndexDef index(Request r, boolean global, Map<String, String> types, String billing) {
        String name = r.string("IndexName");
        validateTableName(name, "indexName");
        KeyDef key = KeySchemas.parse(r.list("KeySchema"), types, global);
        Projection projection = Projection.of(r);
        String type = projection.type();
        List<String> nonKey = projection.nonKey();
        long[] tp =
                global
                        ? throughput(r.object("ProvisionedThroughput"), billing, name)
                        : new long[] {0, 0};
        return new IndexDef(name, global, key, type, nonKey, tp[0], tp[1]);
    }
}
