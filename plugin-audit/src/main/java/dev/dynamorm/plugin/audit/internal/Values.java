package dev.dynamorm.plugin.audit.internal;

import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Renders attribute values as the strings audit records carry. */
final class Values {

    private Values() {}

    static String render(AttributeValue v) {
        if (v == null) {
            return "null";
        }
        switch (v.type()) {
            case S:
                return v.s();
            case N:
                return v.n();
            case BOOL:
                return v.bool().toString();
            case NUL:
                return "null";
            case B:
                return bytes(v.b());
            case SS:
                return String.join(",", v.ss()).isEmpty()
                        ? "[]"
                        : "[" + String.join(",", v.ss()) + "]";
            case NS:
                return "[" + String.join(",", v.ns()) + "]";
            case BS:
                {
                    StringJoiner out = new StringJoiner(",", "[", "]");
                    v.bs().forEach(b -> out.add(bytes(b)));
                    return out.toString();
                }
            case L:
                {
                    StringJoiner out = new StringJoiner(",", "[", "]");
                    v.l().forEach(e -> out.add(render(e)));
                    return out.toString();
                }
            case M:
                {
                    StringJoiner out = new StringJoiner(",", "{", "}");
                    new TreeMap<>(v.m()).forEach((k, e) -> out.add(k + "=" + render(e)));
                    return out.toString();
                }
            default:
                return String.valueOf(v);
        }
    }

    private static String bytes(SdkBytes b) {
        return Base64.getEncoder().encodeToString(b.asByteArray());
    }

    static Map<String, String> renderKey(Map<String, AttributeValue> key) {
        Map<String, String> out = new TreeMap<>();
        key.forEach((k, v) -> out.put(k, render(v)));
        return out;
    }
}
