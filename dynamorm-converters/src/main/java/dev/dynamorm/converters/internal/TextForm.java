package dev.dynamorm.converters.internal;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The types stored as their text form in {@code S}, each with how it is written and read. Plain
 * switches rather than method references: each method reference would spin a hidden class when the
 * first model with a field of its type registers (issue 16), and the generated path must not.
 */
enum TextForm {
    INSTANT,
    LOCAL_DATE,
    LOCAL_TIME,
    LOCAL_DATE_TIME,
    OFFSET_DATE_TIME,
    ZONED_DATE_TIME,
    DURATION,
    PERIOD,
    YEAR_MONTH,
    ZONE_ID,
    ZONE_OFFSET,
    UUID_TEXT,
    URI_TEXT;

    /** Writes the text form of a value of this form's type. */
    String format(Object value) {
        return switch (this) {
            case INSTANT -> TimeFormats.instant((Instant) value);
            case LOCAL_DATE -> DateTimeFormatter.ISO_LOCAL_DATE.format((LocalDate) value);
            case LOCAL_TIME -> TimeFormats.LOCAL_TIME.format((LocalTime) value);
            case LOCAL_DATE_TIME -> TimeFormats.LOCAL_DATE_TIME.format((LocalDateTime) value);
            case OFFSET_DATE_TIME -> TimeFormats.OFFSET_DATE_TIME.format((OffsetDateTime) value);
            case ZONED_DATE_TIME -> TimeFormats.ZONED_DATE_TIME.format((ZonedDateTime) value);
            case YEAR_MONTH -> TimeFormats.YEAR_MONTH.format((YearMonth) value);
            case ZONE_ID -> ((ZoneId) value).getId();
            case ZONE_OFFSET -> ((ZoneOffset) value).getId();
            case DURATION, PERIOD, UUID_TEXT, URI_TEXT -> value.toString();
        };
    }

    /**
     * Reads a text form, throwing {@link IllegalArgumentException} or {@link
     * java.time.DateTimeException} on bad input.
     */
    Object parse(String text) {
        return switch (this) {
            case INSTANT -> Instant.parse(text);
            case LOCAL_DATE -> LocalDate.parse(text);
            case LOCAL_TIME -> LocalTime.parse(text);
            case LOCAL_DATE_TIME -> LocalDateTime.parse(text);
            case OFFSET_DATE_TIME -> OffsetDateTime.parse(text);
            case ZONED_DATE_TIME -> ZonedDateTime.parse(text);
            case DURATION -> Duration.parse(text);
            case PERIOD -> Period.parse(text);
            case YEAR_MONTH -> YearMonth.parse(text);
            case ZONE_ID -> ZoneId.of(text);
            case ZONE_OFFSET -> ZoneOffset.of(text);
            case UUID_TEXT -> UUID.fromString(text);
            case URI_TEXT -> URI.create(text);
        };
    }
}
