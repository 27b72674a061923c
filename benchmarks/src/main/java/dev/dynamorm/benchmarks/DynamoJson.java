package dev.dynamorm.benchmarks;

import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Writes items in DynamoDB's JSON wire format, for canned responses. */
final class DynamoJson {

    private DynamoJson() {}

    /** {@code {"Item": item}}: a GetItem response. */
    static String getItemResponse(Map<String, AttributeValue> item) {
        return "{\"Item\":" + item(item) + "}";
    }

    /** {@code {"Items": [...], "Count": n, "ScannedCount": n}}: a one-page Query response. */
    static String queryResponse(List<Map<String, AttributeValue>> items) {
        StringBuilder out = new StringBuilder("{\"Items\":[");
        for (int i = 0; i < items.size(); i++) {
            out.append(i == 0 ? "" : ",").append(item(items.get(i)));
        }
        return out.append("],\"Count\":")
                .append(items.size())
                .append(",\"ScannedCount\":")
                .append(items.size())
                .append('}')
                .toString();
    }

    /** An item as a JSON object of attribute values. */
    static String item(Map<String, AttributeValue> item) {
        StringBuilder out = new StringBuilder();
        map(item, out);
        return out.toString();
    }

    private static void map(Map<String, AttributeValue> m, StringBuilder out) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, AttributeValue> e : m.entrySet()) {
            out.append(first ? "" : ",");
            first = false;
            string(e.getKey(), out);
            out.append(':');
            value(e.getValue(), out);
        }
        out.append('}');
    }

    private static void value(AttributeValue v, StringBuilder out) {
        switch (v.type()) {
            case S -> tagged("S", v.s(), out);
            case N -> tagged("N", v.n(), out);
            case B -> tagged("B", base64(v.b()), out);
            case BOOL -> out.append("{\"BOOL\":").append(v.bool()).append('}');
            case NUL -> out.append("{\"NULL\":true}");
            case SS -> strings("SS", v.ss(), out);
            case NS -> strings("NS", v.ns(), out);
            case BS -> strings("BS", v.bs().stream().map(DynamoJson::base64).toList(), out);
            case L -> {
                out.append("{\"L\":[");
                for (int i = 0; i < v.l().size(); i++) {
                    out.append(i == 0 ? "" : ",");
                    value(v.l().get(i), out);
                }
                out.append("]}");
            }
            case M -> {
                out.append("{\"M\":");
                map(v.m(), out);
                out.append('}');
            }
            default -> throw new IllegalArgumentException("unknown attribute type " + v.type());
        }
    }

    private static String base64(SdkBytes b) {
        return Base64.getEncoder().encodeToString(b.asByteArrayUnsafe());
    }

    private static void tagged(String tag, String text, StringBuilder out) {
        out.append("{\"").append(tag).append("\":");
        string(text, out);
        out.append('}');
    }

    private static void strings(String tag, Collection<String> values, StringBuilder out) {
        out.append("{\"").append(tag).append("\":[");
        boolean first = true;
        for (String s : values) {
            out.append(first ? "" : ",");
            first = false;
            string(s, out);
        }
        out.append("]}");
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
