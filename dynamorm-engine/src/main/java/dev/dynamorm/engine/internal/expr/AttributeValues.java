package dev.dynamorm.engine.internal.expr;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Compares attribute values as DynamoDB stores them. Public for the query package; the module
 * exports none of it.
 */
public final class AttributeValues {

    private AttributeValues() {}

    /**
     * Orders two scalar attributes as DynamoDB does (numbers by value, strings and binaries by
     * unsigned UTF-8 bytes); 0 when either is null or they are not comparable here.
     *
     * @param a a value, or null
     * @param b another value, or null
     * @return negative, zero or positive as {@code a} sorts before, with or after {@code b}
     */
    public static int compare(AttributeValue a, AttributeValue b) {
        if (a == null || b == null) {
            return 0;
        }
        if (a.n() != null && b.n() != null) {
            return new BigDecimal(a.n()).compareTo(new BigDecimal(b.n()));
        }
        if (a.s() != null && b.s() != null) {
            return Arrays.compareUnsigned(
                    a.s().getBytes(StandardCharsets.UTF_8), b.s().getBytes(StandardCharsets.UTF_8));
        }
        if (a.b() != null && b.b() != null) {
            return Arrays.compareUnsigned(a.b().asByteArrayUnsafe(), b.b().asByteArrayUnsafe());
        }
        return 0;
    }

    /**
     * Whether two values would be stored as the same attribute: numbers compare by value ({@code
     * 1.0} equals {@code 1}), sets ignore order, maps compare key by key and lists element by
     * element, recursively.
     *
     * @param a a value
     * @param b another value
     * @return true when DynamoDB would store the same attribute for both
     */
    // a == b is a fast path (and makes two nulls the same); values are compared below
    @SuppressWarnings("ReferenceEquality")
    public static boolean same(AttributeValue a, AttributeValue b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null || a.type() != b.type()) {
            return false;
        }
        return switch (a.type()) {
            case N -> sameNumber(a.n(), b.n());
            case SS -> new HashSet<>(a.ss()).equals(new HashSet<>(b.ss()));
            case BS -> new HashSet<>(a.bs()).equals(new HashSet<>(b.bs()));
            case NS -> {
                Set<BigDecimal> x = numbers(a.ns());
                Set<BigDecimal> y = numbers(b.ns());
                yield (x == null || y == null) ? a.equals(b) : x.equals(y);
            }
            case M -> sameMap(a.m(), b.m());
            case L -> sameList(a.l(), b.l());
            default -> a.equals(b);
        };
    }

    private static boolean sameMap(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Map.Entry<String, AttributeValue> e : a.entrySet()) {
            if (!same(e.getValue(), b.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameList(List<AttributeValue> a, List<AttributeValue> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!same(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameNumber(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Set<BigDecimal> numbers(List<String> values) {
        Set<BigDecimal> out = new HashSet<>();
        for (String v : values) {
            try {
                out.add(new BigDecimal(v).stripTrailingZeros());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return out;
    }
}
