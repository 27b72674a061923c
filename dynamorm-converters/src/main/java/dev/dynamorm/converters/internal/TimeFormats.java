package dev.dynamorm.converters.internal;

import static java.time.temporal.ChronoField.HOUR_OF_DAY;
import static java.time.temporal.ChronoField.MINUTE_OF_HOUR;
import static java.time.temporal.ChronoField.MONTH_OF_YEAR;
import static java.time.temporal.ChronoField.NANO_OF_SECOND;
import static java.time.temporal.ChronoField.SECOND_OF_MINUTE;
import static java.time.temporal.ChronoField.YEAR;

import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.util.Locale;

/**
 * The formats used to write time values: ISO-8601 with seconds and nine fraction digits always
 * present, so that values of years 0000 to 9999 sort lexicographically in time order (for {@code
 * Instant}, {@code LocalDateTime} and {@code LocalTime}; offsets and zones do not sort). Reading
 * uses the lenient ISO parsers of the JDK, which accept any ISO-8601 form.
 */
final class TimeFormats {

    /** {@code 03:04:05.000000000} */
    static final DateTimeFormatter LOCAL_TIME =
            new DateTimeFormatterBuilder()
                    .appendValue(HOUR_OF_DAY, 2)
                    .appendLiteral(':')
                    .appendValue(MINUTE_OF_HOUR, 2)
                    .appendLiteral(':')
                    .appendValue(SECOND_OF_MINUTE, 2)
                    .appendFraction(NANO_OF_SECOND, 9, 9, true)
                    .toFormatter(Locale.ROOT)
                    .withResolverStyle(ResolverStyle.STRICT);

    /** {@code 2024-01-02T03:04:05.000000000} */
    static final DateTimeFormatter LOCAL_DATE_TIME =
            new DateTimeFormatterBuilder()
                    .append(DateTimeFormatter.ISO_LOCAL_DATE)
                    .appendLiteral('T')
                    .append(LOCAL_TIME)
                    .toFormatter(Locale.ROOT)
                    .withResolverStyle(ResolverStyle.STRICT)
                    .withChronology(IsoChronology.INSTANCE);

    /** {@code 2024-01-02T03:04:05.000000000+01:00} */
    static final DateTimeFormatter OFFSET_DATE_TIME =
            new DateTimeFormatterBuilder()
                    .append(LOCAL_DATE_TIME)
                    .appendOffsetId()
                    .toFormatter(Locale.ROOT)
                    .withResolverStyle(ResolverStyle.STRICT)
                    .withChronology(IsoChronology.INSTANCE);

    /** {@code 2024-01-02T03:04:05.000000000+01:00[Europe/Paris]}; no brackets for offset zones. */
    static final DateTimeFormatter ZONED_DATE_TIME =
            new DateTimeFormatterBuilder()
                    .append(OFFSET_DATE_TIME)
                    .optionalStart()
                    .appendLiteral('[')
                    .parseCaseSensitive()
                    .appendZoneRegionId()
                    .appendLiteral(']')
                    .toFormatter(Locale.ROOT)
                    .withResolverStyle(ResolverStyle.STRICT)
                    .withChronology(IsoChronology.INSTANCE);

    /** {@code 2024-01-02T03:04:05.123456789Z}, always nine fraction digits, always UTC. */
    static final DateTimeFormatter INSTANT =
            new DateTimeFormatterBuilder()
                    .appendInstant(9)
                    .toFormatter(Locale.ROOT)
                    .withResolverStyle(ResolverStyle.STRICT);

    /**
     * {@code 2024-01}, {@code +10000-01}: unlike {@code YearMonth.toString()}, which writes {@code
     * 10000-01} and cannot parse it back, years above 9999 get a sign.
     */
    static final DateTimeFormatter YEAR_MONTH =
            new DateTimeFormatterBuilder()
                    .appendValue(YEAR, 4, 10, SignStyle.EXCEEDS_PAD)
                    .appendLiteral('-')
                    .appendValue(MONTH_OF_YEAR, 2)
                    .toFormatter(Locale.ROOT)
                    .withResolverStyle(ResolverStyle.STRICT)
                    .withChronology(IsoChronology.INSTANCE);

    /**
     * {@link #INSTANT}'s text of an instant ({@code 2024-01-02T03:04:05.123456789Z}), written
     * directly for the years 0000 to 9999 (a hot path: every stored {@code Instant} goes through
     * it), through the formatter otherwise.
     *
     * @param instant the instant
     * @return the same text as {@code INSTANT.format(instant)}
     */
    static String instant(java.time.Instant instant) {
        String text = dev.dynamorm.internal.PlainText.instant(instant);
        return text != null ? text : INSTANT.format(instant);
    }

    private TimeFormats() {}
}
