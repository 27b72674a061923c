package dev.dynamorm.converters.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** jqwik generators shared by the tests. */
final class Generators {

    private Generators() {}

    /** Well-formed strings: mostly ASCII, any BMP or supplementary code point, NUL, emoji. */
    static Arbitrary<String> text() {
        Arbitrary<Integer> codePoints =
                Arbitraries.frequencyOf(
                        Tuple.of(5, Arbitraries.integers().between(0x20, 0x7E)),
                        Tuple.of(2, Arbitraries.integers().between(0, 0xD7FF)),
                        Tuple.of(2, Arbitraries.integers().between(0xE000, 0x10FFFF)),
                        Tuple.of(1, Arbitraries.of(0, 0x1F600, 0x1D11E, 0xFFFF, 0xFEFF, 0x10FFFF)));
        Arbitrary<String> random =
                codePoints
                        .list()
                        .ofMaxSize(30)
                        .map(
                                list -> {
                                    StringBuilder builder = new StringBuilder();
                                    list.forEach(builder::appendCodePoint);
                                    return builder.toString();
                                });
        return Arbitraries.oneOf(
                random,
                Arbitraries.of("", "\u0000", "😀", "👩‍👩‍👧", "𝄞", "a\u0000b", " ", "\uFFFF"));
    }

    /** BigDecimals DynamoDB can store: up to 38 digits, exponent within [-130, 125]. */
    static Arbitrary<BigDecimal> storableDecimals() {
        Arbitrary<BigInteger> unscaled =
                Arbitraries.integers()
                        .between(1, 38)
                        .flatMap(
                                digits ->
                                        Arbitraries.bigIntegers()
                                                .between(
                                                        BigInteger.TEN
                                                                .pow(digits)
                                                                .negate()
                                                                .add(BigInteger.ONE),
                                                        BigInteger.TEN
                                                                .pow(digits)
                                                                .subtract(BigInteger.ONE)));
        Arbitrary<BigDecimal> random =
                Combinators.combine(unscaled, Arbitraries.integers().between(-80, 120))
                        .as(BigDecimal::new);
        return Arbitraries.oneOf(
                random,
                Arbitraries.of(
                        BigDecimal.ZERO,
                        new BigDecimal("99999999999999999999999999999999999999"),
                        new BigDecimal("-99999999999999999999999999999999999999"),
                        new BigDecimal("9.9999999999999999999999999999999999999E+125"),
                        new BigDecimal("-9.9999999999999999999999999999999999999E+125"),
                        new BigDecimal("1E-130"),
                        new BigDecimal("-1E-130"),
                        new BigDecimal("0.00000000000000000000000000000000000001"),
                        new BigDecimal("1.50"),
                        new BigDecimal("1E+3")));
    }

    /** Every instant from {@link Instant#MIN} to {@link Instant#MAX}, nanoseconds included. */
    static Arbitrary<Instant> instants() {
        Arbitrary<Instant> random =
                Combinators.combine(
                                Arbitraries.longs()
                                        .between(
                                                Instant.MIN.getEpochSecond(),
                                                Instant.MAX.getEpochSecond()),
                                Arbitraries.integers().between(0, 999_999_999))
                        .as(Instant::ofEpochSecond);
        return Arbitraries.oneOf(
                random,
                Arbitraries.of(
                        Instant.MIN,
                        Instant.MAX,
                        Instant.EPOCH,
                        Instant.parse("2024-01-02T03:04:05.123456789Z"),
                        Instant.parse("0000-01-01T00:00:00Z")));
    }

    /** Every date from {@link LocalDate#MIN} to {@link LocalDate#MAX}. */
    static Arbitrary<LocalDate> dates() {
        return Arbitraries.longs()
                .between(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay())
                .map(LocalDate::ofEpochDay)
                .edgeCases(edges -> edges.add(LocalDate.MIN, LocalDate.MAX, LocalDate.EPOCH));
    }

    /** Dates in years -100000 to 100000, for types whose time zone rules must apply. */
    static Arbitrary<LocalDate> moderateDates() {
        return Arbitraries.longs()
                .between(
                        LocalDate.of(-100_000, 1, 1).toEpochDay(),
                        LocalDate.of(100_000, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    /** Every time of day, nanoseconds included. */
    static Arbitrary<LocalTime> times() {
        return Arbitraries.longs()
                .between(0, LocalTime.MAX.toNanoOfDay())
                .map(LocalTime::ofNanoOfDay)
                .edgeCases(edges -> edges.add(LocalTime.MIDNIGHT, LocalTime.MAX, LocalTime.NOON));
    }

    /** Local date-times over the full range. */
    static Arbitrary<LocalDateTime> dateTimes() {
        return Combinators.combine(dates(), times()).as(LocalDateTime::of);
    }

    /** Every offset from -18:00 to +18:00, to the second. */
    static Arbitrary<ZoneOffset> offsets() {
        return Arbitraries.integers()
                .between(-18 * 3600, 18 * 3600)
                .map(ZoneOffset::ofTotalSeconds);
    }

    /** Region zones known to the JDK, and offsets. */
    static Arbitrary<ZoneId> zones() {
        List<String> ids = new ArrayList<>(new TreeSet<>(ZoneId.getAvailableZoneIds()));
        return Arbitraries.oneOf(
                Arbitraries.of(ids).map(ZoneId::of),
                offsets().map(ZoneId.class::cast),
                Arbitraries.of(
                        ZoneId.of("UTC"),
                        ZoneOffset.UTC,
                        ZoneId.of("Europe/Paris"),
                        ZoneId.of("GMT")));
    }

    /** Byte arrays including the empty one. */
    static Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
    }

    /**
     * A comparable form of a read or written value: numbers as stripped BigDecimals, binaries as
     * ByteBuffers, collections and maps recursively (sets and lists both as lists).
     */
    static Object normalise(Object value) {
        if (value instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros();
        }
        if (value instanceof byte[] b) {
            return ByteBuffer.wrap(b);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> result = new LinkedHashMap<>();
            map.forEach((k, v) -> result.put(k, normalise(v)));
            return result;
        }
        if (value instanceof Set<?> set) {
            List<Object> result = new ArrayList<>();
            set.forEach(v -> result.add(normalise(v)));
            return Set.copyOf(result);
        }
        if (value instanceof Collection<?> collection) {
            List<Object> result = new ArrayList<>();
            collection.forEach(v -> result.add(normalise(v)));
            return result;
        }
        return value;
    }
}
