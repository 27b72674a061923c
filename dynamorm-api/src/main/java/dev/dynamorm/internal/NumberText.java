package dev.dynamorm.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * The text of a Java number as DynamoDB receives it in an {@code N} attribute: plain decimal
 * notation, no exponent. Not API (see the package documentation).
 */
public final class NumberText {

    private NumberText() {}

    /**
     * The {@code N} text of a number: a {@code BigDecimal} with its scale ({@code 1.50} stays
     * {@code "1.50"}), a {@code double} or {@code float} as its own shortest decimal ({@code 0.1}
     * and {@code 0.1f} are {@code "0.1"}), integers as they are.
     *
     * @param n the number
     * @return the plain decimal text
     * @throws IllegalArgumentException if n is NaN or infinite, which DynamoDB cannot store
     * @throws NumberFormatException if n is another {@code Number} whose {@code toString} is not a
     *     decimal number
     * @throws NullPointerException if n is null
     */
    public static String of(Number n) {
        Objects.requireNonNull(n, "n");
        if (n instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("DynamoDB cannot store " + d);
            }
            // a float's own shortest decimal: 0.1f is "0.1", not its double widening
            return n instanceof Float f
                    ? new BigDecimal(Float.toString(f)).toPlainString()
                    : BigDecimal.valueOf(d).toPlainString();
        }
        if (n instanceof BigInteger
                || n instanceof Long
                || n instanceof Integer
                || n instanceof Short
                || n instanceof Byte) {
            return n.toString();
        }
        return new BigDecimal(n.toString()).toPlainString();
    }
}
