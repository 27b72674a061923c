package dev.dynamorm.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The text forms of the common case of a few attribute values, in one place for the built-in
 * converters, the engine's stand-ins for them and the generated reads: a short decimal integer, a
 * short plain decimal, an instant of the years 0000 to 9999. Each answers only what it can answer
 * exactly; the rest is left to the caller's full (and slower) path. Not API.
 */
public final class PlainText {

    /** What {@link #decimal} returns for a text it leaves to the caller. */
    public static final long NOT_SHORT = Long.MIN_VALUE;

    /**
     * The longest text {@link #isShortPlainDecimal} accepts: a value of at most 10^17 and, if not
     * zero, at least 10^-15 (neither infinite nor rounded to zero as a double or a float).
     */
    private static final int SHORT_PLAIN = 17;

    /**
     * 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z in epoch seconds: the instants {@link
     * #instant} writes.
     */
    private static final long FIRST_SECOND = -62_167_219_200L;

    private static final long END_SECOND = 253_402_300_800L;

    private PlainText() {}

    /**
     * The value of {@code n} when it is an optional {@code '-'} and 1 to {@code maxDigits} ASCII
     * digits (which {@code Long.parseLong}, and {@code Integer.parseInt} for at most 9 digits, read
     * to the same value without failing), else {@link #NOT_SHORT}. Without a {@code try} block: a
     * handler in a generated read makes the JIT compiler keep the other fields' values in memory
     * through the digit loop.
     *
     * @param n the text
     * @param maxDigits 18 for a long, 9 for an int
     * @return the value, or {@link #NOT_SHORT}
     */
    public static long decimal(String n, int maxDigits) {
        int len = n.length();
        int i = len > 0 && n.charAt(0) == '-' ? 1 : 0;
        if (len == i || len - i > maxDigits) {
            return NOT_SHORT;
        }
        long v = 0;
        for (; i < len; i++) {
            int d = n.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return NOT_SHORT;
            }
            v = v * 10 + d;
        }
        return n.charAt(0) == '-' ? -v : v;
    }

    /**
     * Whether the text is {@code -?digits(.digits)?} of at most 17 characters: such text is a valid
     * number for both {@code BigDecimal} and {@link Double#parseDouble}, and in range, so it needs
     * no exact parse to be checked.
     *
     * @param text the text
     * @return whether it is a short plain decimal
     */
    public static boolean isShortPlainDecimal(String text) {
        int n = text.length();
        if (n == 0 || n > SHORT_PLAIN) {
            return false;
        }
        int i = text.charAt(0) == '-' ? 1 : 0;
        int digits = 0;
        int point = -1;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && point < 0 && digits > 0) {
                point = digits;
            } else {
                return false;
            }
        }
        return digits > 0 && point != digits;
    }

    /**
     * The ISO-8601 text of an instant with nine fraction digits ({@code
     * 2024-01-02T03:04:05.123456789Z}), as {@code DateTimeFormatter.ISO_INSTANT} with nine fixed
     * fraction digits writes it, for the years 0000 to 9999.
     *
     * @param instant the instant
     * @return the text, or null outside those years
     */
    public static String instant(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_SECOND || seconds >= END_SECOND) {
            return null;
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        char[] out = new char[30];
        digits(out, 0, date.getYear(), 4);
        out[4] = '-';
        digits(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        digits(out, 11, secondOfDay / 3600, 2);
        out[13] = ':';
        digits(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        digits(out, 17, secondOfDay % 60, 2);
        out[19] = '.';
        digits(out, 20, instant.getNano(), 9);
        out[29] = 'Z';
        return new String(out);
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
