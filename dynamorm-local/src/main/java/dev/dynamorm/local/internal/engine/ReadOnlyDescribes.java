package dev.dynamorm.local.internal.engine;

import dev.dynamorm.local.internal.error.DynamoException;
import dev.dynamorm.local.internal.wire.Request;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read-only describe calls for features dynamorm-local does not implement (point-in-time recovery,
 * contributor insights, Kinesis streaming), answered as DynamoDB answers them for a fresh table, so
 * that tools which inspect a table before using it work.
 */
final class ReadOnlyDescribes {
    private ReadOnlyDescribes() {}

    /** The answer to {@code op}, or null when it is not one of these calls. */
    static Map<String, Object> answer(Engine engine, String op, Request r) {
        switch (op) {
            case "DescribeContinuousBackups" -> {
                String name = r.requiredString("TableName");
                if (engine.tables.get(name) == null) {
                    TableMeta.validateTableReference(name);
                    throw new DynamoException(
                            "TableNotFoundException", "Table not found: " + name, 400, null);
                }
                Map<String, Object> description = new LinkedHashMap<>();
                // continuous backups are on for every table; point-in-time recovery is opt-in
                description.put("ContinuousBackupsStatus", "ENABLED");
                description.put(
                        "PointInTimeRecoveryDescription",
                        Map.of("PointInTimeRecoveryStatus", "DISABLED"));
                return Map.of("ContinuousBackupsDescription", description);
            }
            case "DescribeContributorInsights" -> {
                String name = existing(engine, r);
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("TableName", name);
                if (r.has("IndexName")) {
                    out.put("IndexName", r.string("IndexName"));
                }
                out.put("ContributorInsightsStatus", "DISABLED");
                return out;
            }
            case "DescribeKinesisStreamingDestination" -> {
                String name = existing(engine, r);
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("TableName", name);
                out.put("KinesisDataStreamDestinations", List.of());
                return out;
            }
            default -> {
                return null;
            }
        }
    }

    private static String existing(Engine engine, Request r) {
        String name = r.requiredString("TableName");
        engine.table(name);
        return name;
    }
}
