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
        return switch (v.type()) {
            case S -> v.s();
            case N -> v.n();
            case BOOL -> v.bool().toString();
            case NUL -> "null";
            case B -> bytes(v.b());
            case SS ->
                    String.join(",", v.ss()).isEmpty()
                            ? "[]"
                            : "[" + String.join(",", v.ss()) + "]";
            case NS -> "[" + String.join(",", v.ns()) + "]";
            case BS -> {
                StringJoiner out = new StringJoiner(",", "[", "]");
                v.bs().forEach(b -> out.add(bytes(b)));
                yield out.toString();
            }
            case L -> {
                StringJoiner out = new StringJoiner(",", "[", "]");
                v.l().forEach(e -> out.add(render(e)));
                yield out.toString();
            }
            case M -> {
                StringJoiner out = new StringJoiner(",", "{", "}");
                new TreeMap<>(v.m()).forEach((k, e) -> out.add(k + "=" + render(e)));
                yield out.toString();
            }
            default -> String.valueOf(v);
        };
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
