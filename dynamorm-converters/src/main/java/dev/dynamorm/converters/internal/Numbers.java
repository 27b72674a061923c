package dev.dynamorm.converters.internal;

import dev.dynamorm.internal.PlainText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writing and reading DynamoDB numbers ({@code N}): at most 38 significant digits, magnitudes from
 * 1E-130 to 9.9999999999999999999999999999999999999E+125 (or zero). Numbers are written as plain
 * decimal strings, without exponent.
 */
final class Numbers {

    static final int MAX_DIGITS = 38;
    static final int MIN_EXPONENT = -130;
    static final int MAX_EXPONENT = 125;
    private static final String RANGE = "1E-130 to 9.9999999999999999999999999999999999999E+125";

    private Numbers() {}

    /**
     * The {@code N} text of a decimal, keeping its scale ({@code 1.50} is written {@code "1.50"}).
     *
     * @throws IllegalArgumentException with more than 38 significant digits or out of range
     */
    static String format(BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
        checkStorable(value.stripTrailingZeros());
        return value.toPlainString();
    }

    /** The {@code N} text of an integer. */
    static String format(BigInteger value) {
        if (value.bitLength() < 64) {
            return Long.toString(value.longValue());
        }
        checkStorable(new BigDecimal(value).stripTrailingZeros());
        return value.toString();
    }

    /**
     * The {@code N} text of a double: the shortest decimal that reads back as the same double.
     * {@code -0.0} is written {@code "0"} (DynamoDB has no negative zero).
     *
     * @param target {@code "double"} or {@code "java.lang.Double"}, for the message
     */
    static String format(double value, String target) {
        if (!Double.isFinite(value)) {
            throw Attributes.invalid(
                    "%s value %s is not a finite number; DynamoDB cannot store it", target, value);
        }
        return value == 0 ? "0" : plainShortest(Double.toString(value));
    }

    /** As {@link #format(double, String)}, with the shortest decimal of the float. */
    static String format(float value, String target) {
        if (!Float.isFinite(value)) {
            throw Attributes.invalid(
                    "%s value %s is not a finite number; DynamoDB cannot store it", target, value);
        }
        return value == 0 ? "0" : plainShortest(Float.toString(value));
    }

    /**
     * The plain form of {@code Double.toString}/{@code Float.toString} output: without an exponent
     * (magnitudes from 1E-3 to 1E7) the text already is the shortest plain decimal but for a
     * trailing {@code ".0"}, and its 17 digits at most are always storable, so no BigDecimal is
     * needed.
     */
    private static String plainShortest(String text) {
        if (text.indexOf('E') >= 0) {
            return formatStripped(new BigDecimal(text));
        }
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    /** The {@code N} text of any {@link Number}. */
    static String format(Number value) {
        if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte
                || value instanceof AtomicInteger
                || value instanceof AtomicLong) {
            return Long.toString(value.longValue());
        }
        if (value instanceof BigDecimal d) {
            return format(d);
        }
        if (value instanceof BigInteger i) {
            return format(i);
        }
        if (value instanceof Double d) {
            return format(d.doubleValue(), "java.lang.Double");
        }
        if (value instanceof Float f) {
            return format(f.floatValue(), "java.lang.Float");
        }
        String text = value.toString();
        BigDecimal parsed;
        try {
            parsed = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw Attributes.invalid(
                    "cannot write %s '%s' as a number", value.getClass().getName(), text);
        }
        return format(parsed);
    }

    private static String formatStripped(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        checkStorable(stripped);
        return stripped.toPlainString();
    }

    private static void checkStorable(BigDecimal stripped) {
        int digits = stripped.precision();
        if (digits > MAX_DIGITS) {
            throw Attributes.invalid(
                    "number has %d significant digits; DynamoDB stores at most %d",
                    digits, MAX_DIGITS);
        }
        long exponent = (long) digits - stripped.scale() - 1;
        if (exponent < MIN_EXPONENT || exponent > MAX_EXPONENT) {
            throw Attributes.invalid(
                    "number %s is out of range; DynamoDB stores magnitudes from %s",
                    stripped, RANGE);
        }
    }

    /** Parses {@code N} text into a decimal. */
    static BigDecimal parseDecimal(String text, String target) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw Attributes.invalid("malformed number '%s' for %s", text, target);
        }
    }

    /** Parses {@code N} text into a long within {@code [min, max]}. */
    static long parseLong(String text, String target, long min, long max) {
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            value = parseIntegral(text, target).longValue();
        }
        if (value < min || value > max) {
            throw outOfRange(text, target);
        }
        return value;
    }

    /** Parses {@code N} text into an integer no larger than DynamoDB could store. */
    static BigInteger parseBigInteger(String text, String target) {
        BigDecimal stripped = parseDecimal(text, target).stripTrailingZeros();
        if (stripped.scale() > 0) {
            throw notInteger(text, target);
        }
        if ((long) stripped.precision() - stripped.scale() - 1 > MAX_EXPONENT) {
            throw outOfRange(text, target);
        }
        return stripped.toBigIntegerExact();
    }

    private static BigInteger parseIntegral(String text, String target) {
        BigDecimal stripped = parseDecimal(text, target).stripTrailingZeros();
        if (stripped.scale() > 0) {
            throw notInteger(text, target);
        }
        // integer digits beyond 19 cannot fit a long; checked before expanding the exponent
        if ((long) stripped.precision() - stripped.scale() > 19) {
            throw outOfRange(text, target);
        }
        BigInteger value = stripped.toBigIntegerExact();
        if (value.bitLength() > 63) {
            throw outOfRange(text, target);
        }
        return value;
    }

    /** Parses {@code N} text into a double; fails if it would become infinite or zero. */
    static double parseDouble(String text, String target) {
        if (PlainText.isShortPlainDecimal(text)) {
            return Double.parseDouble(text);
        }
        BigDecimal exact = parseDecimal(text, target);
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            value = exact.doubleValue();
        }
        if (Double.isInfinite(value) || (value == 0 && exact.signum() != 0)) {
            throw outOfRange(text, target);
        }
        return value;
    }

    /** Parses {@code N} text into a float; fails if it would become infinite or zero. */
    static float parseFloat(String text, String target) {
        if (PlainText.isShortPlainDecimal(text)) {
            return Float.parseFloat(text);
        }
        BigDecimal exact = parseDecimal(text, target);
        float value;
        try {
            value = Float.parseFloat(text);
        } catch (NumberFormatException e) {
            value = exact.floatValue();
        }
        if (Float.isInfinite(value) || (value == 0 && exact.signum() != 0)) {
            throw outOfRange(text, target);
        }
        return value;
    }

    private static IllegalArgumentException outOfRange(String text, String target) {
        return Attributes.invalid("number %s is out of range for %s", text, target);
    }

    private static IllegalArgumentException notInteger(String text, String target) {
        return Attributes.invalid("number %s is not an integer; %s cannot hold it", text, target);
    }
}
