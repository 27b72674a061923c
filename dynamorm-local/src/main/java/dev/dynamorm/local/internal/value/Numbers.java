package dev.dynamorm.local.internal.value;

import java.math.BigDecimal;

/**
 * DynamoDB number rules: 38 significant digits, magnitude 1E-130 to 9.99..E+125, plain normalised
 * output.
 */
public final class Numbers {
    private static final BigDecimal MAX =
            new BigDecimal("9.9999999999999999999999999999999999999E+125");
    private static final BigDecimal MIN = new BigDecimal("1E-130");

    private Numbers() {}

    public static BigDecimal normalize(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.signum() == 0 ? BigDecimal.ZERO : s;
    }

    /** Parses a wire number, returning null if it is not a valid DynamoDB number. */
    public static BigDecimal parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 200) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9')
                    && c != '.'
                    && c != '-'
                    && c != '+'
                    && c != 'e'
                    && c != 'E') {
                return null;
            }
        }
        try {
            return normalize(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Returns an error message if the number is out of DynamoDB's range, or null if it is
     * acceptable.
     */
    public static String rangeError(BigDecimal d) {
        if (d.signum() == 0) {
            return null;
        }
        if (d.precision() > 38) {
            return "Attempting to store more than 38 significant digits in a Number";
        }
        BigDecimal abs = d.abs();
        if (abs.compareTo(MAX) > 0) {
            return "Number overflow. Attempting to store a number with magnitude larger than supported range";
        }
        if (abs.compareTo(MIN) < 0) {
            return "Number underflow. Attempting to store a number with magnitude smaller than supported range";
        }
        return null;
    }

    public static String format(BigDecimal d) {
        return normalize(d).toPlainString();
    }
}
