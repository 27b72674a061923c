package dev.dynamorm.engine.internal.model;

import dev.dynamorm.Converter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The converter of {@code @Ttl} fields: epoch seconds as a number attribute, whatever the Java
 * type. Fractions of a second are dropped on write; times read back are at UTC.
 */
final class EpochSecondsConverter implements Converter<Object> {

    private enum Kind {
        INSTANT,
        OFFSET,
        ZONED,
        LONG,
        PRIMITIVE_LONG
    }

    private final Kind kind;

    private EpochSecondsConverter(Kind kind) {
        this.kind = kind;
    }

    /** Whether a type can be a TTL field. */
    static boolean supports(Class<?> type) {
        return kindOf(type) != null;
    }

    /** The converter for a TTL field of this type. */
    static EpochSecondsConverter forType(Class<?> type) {
        Kind kind = kindOf(type);
        if (kind == null) {
            throw new IllegalArgumentException("not a TTL type: " + type.getName());
        }
        return new EpochSecondsConverter(kind);
    }

    private static Kind kindOf(Class<?> type) {
        if (type == Instant.class) {
            return Kind.INSTANT;
        }
        if (type == OffsetDateTime.class) {
            return Kind.OFFSET;
        }
        if (type == ZonedDateTime.class) {
            return Kind.ZONED;
        }
        if (type == Long.class) {
            return Kind.LONG;
        }
        if (type == long.class) {
            return Kind.PRIMITIVE_LONG;
        }
        return null;
    }

    @Override
    public AttributeValue toAttributeValue(Object value) {
        long seconds =
                switch (kind) {
                    case INSTANT -> ((Instant) value).getEpochSecond();
                    case OFFSET -> ((OffsetDateTime) value).toEpochSecond();
                    case ZONED -> ((ZonedDateTime) value).toEpochSecond();
                    case LONG, PRIMITIVE_LONG -> (Long) value;
                };
        return AttributeValue.createN(Long.toString(seconds));
    }

    @Override
    public Object fromAttributeValue(AttributeValue attribute) {
        if (attribute.n() == null) {
            throw new IllegalArgumentException(
                    String.format(
                            Locale.ROOT,
                            "expected a number (N) of epoch seconds but got a %s attribute",
                            attribute.type()));
        }
        long seconds;
        try {
            seconds = new BigDecimal(attribute.n().trim()).longValue();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "not a number of epoch seconds: '" + attribute.n() + "'", e);
        }
        return switch (kind) {
            case INSTANT -> Instant.ofEpochSecond(seconds);
            case OFFSET -> OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds), ZoneOffset.UTC);
            case ZONED -> ZonedDateTime.ofInstant(Instant.ofEpochSecond(seconds), ZoneOffset.UTC);
            case LONG, PRIMITIVE_LONG -> seconds;
        };
    }

    @Override
    public AttributeValue.Type attributeType() {
        return AttributeValue.Type.N;
    }

    @Override
    public Object absentValue() {
        return kind == Kind.PRIMITIVE_LONG ? 0L : null;
    }

    @Override
    public String toString() {
        return "EpochSecondsConverter[" + kind.name().toLowerCase(Locale.ROOT) + "]";
    }
}
