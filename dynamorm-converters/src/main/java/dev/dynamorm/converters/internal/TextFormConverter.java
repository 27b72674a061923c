package dev.dynamorm.converters.internal;

import dev.dynamorm.Converter;
import java.net.URI;
import java.time.DateTimeException;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A value stored as its text form in {@code S}: time types, {@link java.util.UUID}, {@link
 * java.net.URI}.
 *
 * <p>The form is an int constant and plain switches rather than an enum or method references: an
 * enum is one more class to load, and each method reference would spin a hidden class, when the
 * first model with a field of such a type registers (issue 16).
 *
 * @param <T> the Java type
 */
final class TextFormConverter<T> implements Converter<T> {

    static final int INSTANT = 0;
    static final int LOCAL_DATE = 1;
    static final int LOCAL_TIME = 2;
    static final int LOCAL_DATE_TIME = 3;
    static final int OFFSET_DATE_TIME = 4;
    static final int ZONED_DATE_TIME = 5;
    static final int DURATION = 6;
    static final int PERIOD = 7;
    static final int YEAR_MONTH = 8;
    static final int ZONE_ID = 9;
    static final int ZONE_OFFSET = 10;
    static final int UUID_TEXT = 11;
    static final int URI_TEXT = 12;

    private final Class<T> type;
    private final String target;
    private final int form;

    /**
     * @param type the Java type, named in error messages
     * @param form how a value of {@code type} is written and read: one of the constants above
     */
    TextFormConverter(Class<T> type, int form) {
        this.type = type;
        this.target = type.getName();
        this.form = form;
    }

    @Override
    public AttributeValue toAttributeValue(T value) {
        return AttributeValue.createS(format(value));
    }

    @Override
    public T fromAttributeValue(AttributeValue attribute) {
        Attributes.require(attribute, AttributeValue.Type.S, target);
        String text = attribute.s();
        try {
            return type.cast(parse(text));
            // RuntimeException, not DateTimeException in the catch clause: the verifier loads the
            // classes of catch clauses when this class is loaded, at registration
        } catch (RuntimeException e) {
            if (e instanceof DateTimeException || e instanceof IllegalArgumentException) {
                throw Attributes.invalid(
                        "cannot read '%s' as %s: %s", text, target, e.getMessage());
            }
            throw e;
        }
    }

    @Override
    public AttributeValue.Type attributeType() {
        return AttributeValue.Type.S;
    }

    private String format(Object value) {
        return switch (form) {
            case INSTANT -> TimeFormats.instant((Instant) value);
            case LOCAL_DATE -> DateTimeFormatter.ISO_LOCAL_DATE.format((LocalDate) value);
            case LOCAL_TIME -> TimeFormats.LOCAL_TIME.format((LocalTime) value);
            case LOCAL_DATE_TIME -> TimeFormats.LOCAL_DATE_TIME.format((LocalDateTime) value);
            case OFFSET_DATE_TIME -> TimeFormats.OFFSET_DATE_TIME.format((OffsetDateTime) value);
            case ZONED_DATE_TIME -> TimeFormats.ZONED_DATE_TIME.format((ZonedDateTime) value);
            case YEAR_MONTH -> TimeFormats.YEAR_MONTH.format((YearMonth) value);
            case ZONE_ID -> ((ZoneId) value).getId();
            case ZONE_OFFSET -> ((ZoneOffset) value).getId();
            default -> value.toString(); // DURATION, PERIOD, UUID_TEXT, URI_TEXT
        };
    }

    /**
     * Reads a text form, throwing {@link IllegalArgumentException} or {@link DateTimeException} on
     * bad input.
     */
    private Object parse(String text) {
        return switch (form) {
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
            default -> URI.create(text); // URI_TEXT
        };
    }
}
