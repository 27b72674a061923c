package dev.dynamorm.test.assertions;

import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Renders DynamoDB expressions readably: {@code #n0 = :v0} with its names and values becomes {@code
 * status = 'PAID'}. Strings are single-quoted, numbers bare, binaries {@code b'base64'}, sets and
 * lists in brackets, maps in braces.
 */
final class ExpressionText {

    private static final Pattern PLACEHOLDER = Pattern.compile("[#:][A-Za-z0-9_]+");

    private ExpressionText() {}

    /**
     * The expression with each {@code #name} and {@code :value} placeholder replaced by the
     * attribute name or the rendered value; unknown placeholders stay as they are.
     */
    static String render(
            String expression, Map<String, String> names, Map<String, AttributeValue> values) {
        if (expression == null) {
            return null;
        }
        Matcher m = PLACEHOLDER.matcher(expression);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String token = m.group();
            String replacement;
            if (token.startsWith("#")) {
                replacement = names != null && names.containsKey(token) ? names.get(token) : token;
            } else {
                replacement =
                        values != null && values.containsKey(token)
                                ? value(values.get(token))
                                : token;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** One attribute value as it reads in rendered expressions. */
    static String value(AttributeValue v) {
        if (v == null) {
            return "null";
        }
        return switch (v.type()) {
            case S -> "'" + v.s().replace("\\", "\\\\").replace("'", "\\'") + "'";
            case N -> v.n();
            case B -> bytes(v.b());
            case BOOL -> String.valueOf(v.bool());
            case NUL -> "null";
            case SS ->
                    v.ss().stream()
                            .map(s -> "'" + s + "'")
                            .collect(Collectors.joining(", ", "<<", ">>"));
            case NS -> v.ns().stream().collect(Collectors.joining(", ", "<<", ">>"));
            case BS ->
                    v.bs().stream()
                            .map(ExpressionText::bytes)
                            .collect(Collectors.joining(", ", "<<", ">>"));
            case L ->
                    v.l().stream()
                            .map(ExpressionText::value)
                            .collect(Collectors.joining(", ", "[", "]"));
            case M ->
                    v.m().entrySet().stream()
                            .map(e -> e.getKey() + ": " + value(e.getValue()))
                            .collect(Collectors.joining(", ", "{", "}"));
            default -> String.valueOf(v);
        };
    }

    private static String bytes(SdkBytes b) {
        return "b'" + Base64.getEncoder().encodeToString(b.asByteArrayUnsafe()) + "'";
    }

    /** An item or key rendered as {@code {pk: 'a', n: 1}}. */
    static String item(Map<String, AttributeValue> item) {
        return item.entrySet().stream()
                .map(e -> e.getKey() + ": " + value(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /**
     * Whitespace-insensitive comparison form: runs of whitespace become one space, ends trimmed.
     */
    static String normalize(String text) {
        return text == null
                ? null
                : text.trim()
                        .replaceAll("\\s+", " ")
                        .replaceAll("\\(\\s+", "(")
                        .replaceAll("\\s+\\)", ")");
    }
}
