package dev.dynamorm.local.internal.engine;

import dev.dynamorm.local.internal.error.DynamoException;
import dev.dynamorm.local.internal.wire.Request;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The member constraints DynamoDB checks before anything else (enum values, lengths, ranges of
 * top-level request members), every violation counted and joined as DynamoDB reports them: {@code 2
 * validation errors detected: Value '' at 'tableName' failed to satisfy constraint: ...; Value '0'
 * at 'limit' failed to satisfy constraint: ...}.
 */
final class MemberConstraints {
    private static final Set<String> ITEM_OPERATIONS =
            Set.of("GetItem", "PutItem", "UpdateItem", "DeleteItem", "Query", "Scan");
    private static final Set<String> CAPACITY_OPERATIONS =
            Set.of(
                    "GetItem",
                    "PutItem",
                    "UpdateItem",
                    "DeleteItem",
                    "Query",
                    "Scan",
                    "BatchGetItem",
                    "BatchWriteItem",
                    "TransactGetItems",
                    "TransactWriteItems",
                    "SearchVectors",
                    "ExecuteStatement",
                    "BatchExecuteStatement",
                    "ExecuteTransaction");
    private static final Set<String> METRICS_OPERATIONS =
            Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems");

    private MemberConstraints() {}

    /** Throws one ValidationException listing every violated member constraint of the request. */
    static void check(String operation, Request r) {
        List<String> violations = new ArrayList<>();
        if (ITEM_OPERATIONS.contains(operation)) {
            tableName(r, violations);
        }
        if (CAPACITY_OPERATIONS.contains(operation)) {
            oneOf(r, "ReturnConsumedCapacity", "[INDEXES, TOTAL, NONE]", violations);
        }
        if (operation.equals("PutItem")
                || operation.equals("UpdateItem")
                || operation.equals("DeleteItem")) {
            oneOf(
                    r,
                    "ReturnValues",
                    "[ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]",
                    violations);
        }
        if (operation.equals("Query") || operation.equals("Scan")) {
            oneOf(
                    r,
                    "Select",
                    "[SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]",
                    violations);
            range(r, "Limit", 1, null, violations);
        }
        if (operation.equals("Scan")) {
            range(r, "Segment", 0, 999_999L, violations);
            range(r, "TotalSegments", 1, 1_000_000L, violations);
        }
        if (METRICS_OPERATIONS.contains(operation)) {
            oneOf(r, "ReturnItemCollectionMetrics", "[SIZE, NONE]", violations);
        }
        if (violations.isEmpty()) {
            return;
        }
        int n = violations.size();
        throw DynamoException.validation(
                n
                        + (n == 1
                                ? " validation error detected: "
                                : " validation errors detected: ")
                        + String.join("; ", violations));
    }

    private static String member(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static void tableName(Request r, List<String> violations) {
        Object v = r.raw().get("TableName");
        if (v == null) {
            violations.add(
                    "Value null at 'tableName' failed to satisfy constraint: Member must not be null");
        } else if (v instanceof String s && (s.isEmpty() || s.length() > 1024)) {
            violations.add(
                    "Value '"
                            + s
                            + "' at 'tableName' failed to satisfy constraint: Member must have length "
                            + (s.isEmpty()
                                    ? "greater than or equal to 1"
                                    : "less than or equal to 1024"));
        }
    }

    private static void oneOf(Request r, String name, String values, List<String> violations) {
        // most requests leave the member out: split the allowed values only when it is there
        if (!(r.raw().get(name) instanceof String v)) {
            return;
        }
        List<String> allowed = List.of(values.substring(1, values.length() - 1).split(", "));
        if (!allowed.contains(v)) {
            violations.add(
                    "Value '"
                            + v
                            + "' at '"
                            + member(name)
                            + "' failed to satisfy constraint: Member must satisfy enum value set: "
                            + values);
        }
    }

    private static void range(Request r, String name, long min, Long max, List<String> violations) {
        Object v = r.raw().get(name);
        if (!(v instanceof Number)) {
            return;
        }
        BigDecimal d = new BigDecimal(v.toString());
        String shown = d.stripTrailingZeros().toPlainString();
        if (d.compareTo(BigDecimal.valueOf(min)) < 0) {
            violations.add(
                    "Value '"
                            + shown
                            + "' at '"
                            + member(name)
                            + "' failed to satisfy constraint: Member must have value greater than or equal to "
                            + min);
        } else if (max != null && d.compareTo(BigDecimal.valueOf(max)) > 0) {
            violations.add(
                    "Value '"
                            + shown
                            + "' at '"
                            + member(name)
                            + "' failed to satisfy constraint: Member must have value less than or equal to "
                            + max);
        }
    }
}
