package dev.dynamorm.benchmarks;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Setup-time checks that every variant of a suite does the same work on the same data. */
final class Check {

    private Check() {}

    static void state(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }

    static void equal(Object expected, Object actual, String what) {
        if (!Objects.equals(expected, actual)) {
            throw new IllegalStateException(what + ": expected " + expected + " but got " + actual);
        }
    }

    /**
     * Both items have the same attribute names with the same types (values may be formatted
     * differently).
     */
    static void sameShape(
            Map<String, AttributeValue> expected, Map<String, AttributeValue> actual, String what) {
        equal(shape(expected), shape(actual), what + " (attribute names and types)");
    }

    private static Map<String, Object> shape(Map<String, AttributeValue> item) {
        Map<String, Object> out = new TreeMap<>();
        item.forEach(
                (k, v) -> out.put(k, v.type() == AttributeValue.Type.M ? shape(v.m()) : v.type()));
        return out;
    }
}
