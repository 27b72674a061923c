package dev.dynamorm.converters.internal;

import java.time.Instant;
import java.util.function.Function;

/**
 * The text form of {@link Instant} as plain classes: method references would each spin a hidden
 * class when the first model with an {@code Instant} field registers (issue 16).
 */
final class InstantText {

    /** Formats with {@link TimeFormats#instant}. */
    static final Function<Instant, String> FORMAT = new Format();

    /** Parses with {@link Instant#parse}. */
    static final Function<String, Instant> PARSE = new Parse();

    private InstantText() {}

    private static final class Format implements Function<Instant, String> {
        @Override
        public String apply(Instant instant) {
            return TimeFormats.instant(instant);
        }
    }

    private static final class Parse implements Function<String, Instant> {
        @Override
        public Instant apply(String text) {
            return Instant.parse(text);
        }
    }
}
