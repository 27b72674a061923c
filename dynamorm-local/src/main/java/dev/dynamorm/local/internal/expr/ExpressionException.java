package dev.dynamorm.local.internal.expr;

import dev.dynamorm.local.internal.error.DynamoException;

/** Builds ValidationExceptions worded like DynamoDB's expression errors. */
final class ExpressionException {
    private ExpressionException() {}

    static DynamoException invalid(String exprKind, String detail) {
        return DynamoException.validation("Invalid " + exprKind + ": " + detail);
    }

    static DynamoException syntax(String exprKind, String text, String token, int at) {
        int from = Math.max(0, at - 10);
        int to = Math.min(text.length(), at + Math.max(token.length(), 1) + 10);
        return invalid(
                exprKind,
                "Syntax error; token: \""
                        + token
                        + "\", near: \""
                        + text.substring(from, to).trim()
                        + "\"");
    }

    static DynamoException invalidChar(String exprKind, char c, int at) {
        return invalid(
                exprKind,
                "Invalid character encountered; character: \"" + c + "\", position: " + (at + 1));
    }
}
