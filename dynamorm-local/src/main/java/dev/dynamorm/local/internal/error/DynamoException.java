package dev.dynamorm.local.internal.error;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answered to the client with a DynamoDB error type, message and optional extra fields.
 */
public final class DynamoException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final String PREFIX = "com.amazonaws.dynamodb.v20120810#";

    /** DynamoDB answers request validation errors from its framework's namespace. */
    private static final String VALIDATION_PREFIX = "com.amazon.coral.validate#";

    private final String type;
    private final int status;
    private final transient Map<String, Object> extra;

    public DynamoException(String type, String message, int status, Map<String, Object> extra) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
        this.extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    public String type() {
        return type;
    }

    public int status() {
        return status;
    }

    public Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("__type", (type.equals("ValidationException") ? VALIDATION_PREFIX : PREFIX) + type);
        m.put("message", getMessage());
        m.putAll(extra);
        return m;
    }

    public static DynamoException validation(String message) {
        return new DynamoException("ValidationException", message, 400, null);
    }

    public static DynamoException serialization(String message) {
        return new DynamoException("SerializationException", message, 400, null);
    }

    public static DynamoException tableNotFound() {
        return new DynamoException(
                "ResourceNotFoundException", "Requested resource not found", 400, null);
    }

    public static DynamoException tableNotFoundForItem() {
        return new DynamoException(
                "ResourceNotFoundException",
                "Cannot do operations on a non-existent table",
                400,
                null);
    }

    public static DynamoException tableNotFound(String name) {
        return new DynamoException(
                "ResourceNotFoundException",
                "Requested resource not found: Table: " + name + " not found",
                400,
                null);
    }

    public static DynamoException inUse(String message) {
        return new DynamoException("ResourceInUseException", message, 400, null);
    }

    public static DynamoException conditionFailed(Object item) {
        return new DynamoException(
                "ConditionalCheckFailedException",
                "The conditional request failed",
                400,
                item == null ? null : Map.of("Item", item));
    }

    public static DynamoException internal(String message) {
        return new DynamoException("InternalServerError", message, 500, null);
    }
}
