package dev.dynamorm.local.internal.engine;

import dev.dynamorm.local.internal.error.DynamoException;
import dev.dynamorm.local.internal.wire.Request;
import java.util.ArrayList;
import java.util.List;

/**
 * Which legacy (pre-expression) parameters each operation accepts, and DynamoDB's rule that one
 * request uses either those or expressions, never both.
 */
final class LegacyParameters {
    private LegacyParameters() {}

    /**
     * The legacy parameters of {@code operation} that DynamoDB names when they are mixed with
     * expressions, in its order (the writes do not name ConditionalOperator).
     */
    static List<String> of(String operation) {
        return switch (operation) {
            case "Query" ->
                    List.of(
                            "AttributesToGet",
                            "QueryFilter",
                            "ConditionalOperator",
                            "KeyConditions");
            case "Scan" -> List.of("AttributesToGet", "ScanFilter", "ConditionalOperator");
            case "Update" -> List.of("AttributeUpdates", "Expected");
            case "Put", "Delete" -> List.of("Expected");
            case "Get", "BatchGet" -> List.of("AttributesToGet");
            default -> List.of();
        };
    }

    private static List<String> expressions(String operation) {
        return switch (operation) {
            case "Query" ->
                    List.of("ProjectionExpression", "FilterExpression", "KeyConditionExpression");
            case "Scan" -> List.of("ProjectionExpression", "FilterExpression");
            case "Update" -> List.of("UpdateExpression", "ConditionExpression");
            case "Put", "Delete" -> List.of("ConditionExpression");
            default -> List.of("ProjectionExpression");
        };
    }

    /** Whether the request sends any legacy parameter of {@code operation}. */
    static boolean used(Request r, String operation) {
        if (r.has("ConditionalOperator")) {
            return true;
        }
        for (String p : of(operation)) {
            if (r.has(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Refuses a request that mixes legacy parameters with expressions (PutItem and UpdateItem
     * envelope it as a counted validation error, see {@link CountedValidation}).
     */
    static void checkNotMixed(Request r, String operation) {
        List<String> legacy = present(r, of(operation));
        List<String> expressions = present(r, expressions(operation));
        if (legacy.isEmpty() || expressions.isEmpty()) {
            return;
        }
        throw DynamoException.validation(
                "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {"
                        + String.join(", ", legacy)
                        + "} Expression parameters: {"
                        + String.join(", ", expressions)
                        + "}");
    }

    private static List<String> present(Request r, List<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (r.has(n)) {
                out.add(n);
            }
        }
        return out;
    }
}
