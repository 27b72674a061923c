package dev.dynamorm.local.internal.expr;

import dev.dynamorm.local.internal.error.DynamoException;
import java.nio.charset.StandardCharsets;

/**
 * DynamoDB's limits on one expression, checked before it is parsed (developer guide, "Constraints
 * in Amazon DynamoDB", expression parameters): at most 4 KB of text and at most 300 operators or
 * functions.
 */
final class ExpressionLimits {
    /** Maximum expression size in bytes (UTF-8). */
    static final int MAX_BYTES = 4096;

    /** Maximum number of operators or functions, which also bounds the nesting depth. */
    static final int MAX_OPERATORS = 300;

    private ExpressionLimits() {}

    static void checkSize(String text, String kind) {
        // a char is at most 3 UTF-8 bytes: short texts need no encoding
        if (text.length() * 3L <= MAX_BYTES) {
            return;
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw ExpressionException.invalid(
                    kind,
                    "Expression size has exceeded the maximum allowed size; expression size: "
                            + bytes);
        }
    }

    static DynamoException tooManyOperators(String kind, int count) {
        return ExpressionException.invalid(
                kind, "The expression contains too many operators; operator count: " + count);
    }
}
