package dev.dynamorm.converters.internal;

import static dev.dynamorm.converters.internal.RecursiveLookup.converter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.Converter;
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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

final class TimeConvertersTest {

    private final Converter<Instant> instants = converter(Instant.class);
    private final Converter<LocalDate> dates = converter(LocalDate.class);
    private final Converter<LocalTime> times = converter(LocalTime.class);
    private final Converter<LocalDateTime> dateTimes = converter(LocalDateTime.class);
    private final Converter<OffsetDateTime> offsetDateTimes = converter(OffsetDateTime.class);
    private final Converter<ZonedDateTime> zonedDateTimes = converter(ZonedDateTime.class);
    private final Converter<Duration> durations = converter(Duration.class);
    private final Converter<Period> periods = converter(Period.class);
    private final Converter<YearMonth> yearMonths = converter(YearMonth.class);
    private final Converter<ZoneId> zoneIds = converter(ZoneId.class);
    private final Converter<ZoneOffset> zoneOffsets = converter(ZoneOffset.class);

    @Provide
    Arbitrary<Instant> instants() {
        return Generators.instants();
    }

    @Provide
    Arbitrary<Instant> fourDigitYearInstants() {
        return Combinators.combine(
                        Arbitraries.longs()
                                .between(
                                        Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                                        Instant.parse("9999-12-31T23:59:59Z").getEpochSecond()),
                        Arbitraries.integers().between(0, 999_999_999))
                .as(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Generators.dates();
    }

    @Provide
    Arbitrary<LocalTime> times() {
        return Generators.times();
    }

    @Provide
    Arbitrary<LocalDateTime> dateTimes() {
        return Generators.dateTimes();
    }

    @Provide
    Arbitrary<OffsetDateTime> offsetDateTimes() {
        return Combinators.combine(Generators.dateTimes(), Generators.offsets())
                .as(OffsetDateTime::of);
    }

    @Provide
    Arbitrary<ZonedDateTime> zonedDateTimes() {
        return Combinators.combine(
                        Generators.moderateDates(), Generators.times(), Generators.zones())
                .as((date, time, zone) -> ZonedDateTime.of(date, time, zone));
    }

    @Provide
    Arbitrary<Duration> durations() {
        return Combinators.combine(
                        Arbitraries.longs(), Arbitraries.integers().between(0, 999_999_999))
                .as(Duration::ofSeconds);
    }

    @Provide
    Arbitrary<Period> periods() {
        return Combinators.combine(
                        Arbitraries.integers(), Arbitraries.integers(), Arbitraries.integers())
                .as(Period::of);
    }

    @Provide
    Arbitrary<YearMonth> yearMonths() {
        return Combinators.combine(
                        Arbitraries.integers().between(-999_999_999, 999_999_999),
                        Arbitraries.integers().between(1, 12))
                .as(YearMonth::of);
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Generators.zones();
    }

    @Provide
    Arbitrary<ZoneOffset> offsets() {
        return Generators.offsets();
    }

    @Property
    void instant_roundTripsWithNanosecondsOverFullRange(@ForAll("instants") Instant value) {
        AttributeValue attribute = instants.toAttributeValue(value);

        assertThat(attribute.s()).matches(".*T\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z");
        assertThat(instants.fromAttributeValue(attribute)).isEqualTo(value);
    }

    @Property
    void instant_withFourDigitYear_sortsLexicographically(
            @ForAll("fourDigitYearInstants") Instant a,
            @ForAll("fourDigitYearInstants") Instant b) {
        String textA = instants.toAttributeValue(a).s();
        String textB = instants.toAttributeValue(b).s();

        assertThat(textA).hasSize(30);
        assertThat(Integer.signum(textA.compareTo(textB)))
                .isEqualTo(Integer.signum(a.compareTo(b)));
    }

    @Example
    void instant_isWrittenWithNineFractionDigits() {
        assertThat(instants.toAttributeValue(Instant.parse("2024-01-02T03:04:05.123456789Z")).s())
                .isEqualTo("2024-01-02T03:04:05.123456789Z");
        assertThat(instants.toAttributeValue(Instant.parse("2024-01-02T03:04:05Z")).s())
                .isEqualTo("2024-01-02T03:04:05.000000000Z");
        assertThat(instants.toAttributeValue(Instant.MAX).s())
                .isEqualTo("+1000000000-12-31T23:59:59.999999999Z");
        assertThat(instants.toAttributeValue(Instant.MIN).s())
                .isEqualTo("-1000000000-01-01T00:00:00.000000000Z");
    }

    @Example
    void instant_readsAnyIsoForm() {
        assertThat(instants.fromAttributeValue(AttributeValue.fromS("2024-01-02T03:04:05Z")))
                .isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(instants.fromAttributeValue(AttributeValue.fromS("2024-01-02T03:04:05.5Z")))
                .isEqualTo(Instant.parse("2024-01-02T03:04:05.500Z"));
        assertThat(instants.fromAttributeValue(AttributeValue.fromS("2024-01-02T04:04:05+01:00")))
                .isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
    }

    @Example
    void instant_unparsable_isRejected() {
        assertThatThrownBy(() -> instants.fromAttributeValue(AttributeValue.fromS("yesterday")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "cannot read 'yesterday' as java.time.Instant: Text 'yesterday' could not be parsed at index 0");
        assertThatThrownBy(() -> instants.fromAttributeValue(AttributeValue.fromN("0")))
                .hasMessage("expected attribute of type S for java.time.Instant but got N");
    }

    @Property
    void localDate_roundTripsOverFullRange(@ForAll("dates") LocalDate value) {
        assertThat(dates.fromAttributeValue(dates.toAttributeValue(value))).isEqualTo(value);
    }

    @Example
    void localDate_isWrittenIso() {
        assertThat(dates.toAttributeValue(LocalDate.of(2024, 1, 2)).s()).isEqualTo("2024-01-02");
        assertThat(dates.toAttributeValue(LocalDate.MAX).s()).isEqualTo("+999999999-12-31");
        assertThat(dates.toAttributeValue(LocalDate.MIN).s()).isEqualTo("-999999999-01-01");
    }

    @Property
    void localTime_roundTrips(@ForAll("times") LocalTime value) {
        AttributeValue attribute = times.toAttributeValue(value);

        assertThat(attribute.s()).hasSize(18);
        assertThat(times.fromAttributeValue(attribute)).isEqualTo(value);
    }

    @Property
    void localDateTime_roundTripsOverFullRange(@ForAll("dateTimes") LocalDateTime value) {
        assertThat(dateTimes.fromAttributeValue(dateTimes.toAttributeValue(value)))
                .isEqualTo(value);
    }

    @Example
    void localDateTime_isWrittenFixedWidthAndReadInAnyIsoForm() {
        assertThat(dateTimes.toAttributeValue(LocalDateTime.of(2024, 1, 2, 3, 4)).s())
                .isEqualTo("2024-01-02T03:04:00.000000000");
        assertThat(dateTimes.fromAttributeValue(AttributeValue.fromS("2024-01-02T03:04")))
                .isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4));
    }

    @Property
    void offsetDateTime_roundTripsKeepingOffset(@ForAll("offsetDateTimes") OffsetDateTime value) {
        assertThat(offsetDateTimes.fromAttributeValue(offsetDateTimes.toAttributeValue(value)))
                .isEqualTo(value);
    }

    @Example
    void offsetDateTime_isWrittenIsoWithOffset() {
        OffsetDateTime value = OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 6, ZoneOffset.ofHours(-5));

        assertThat(offsetDateTimes.toAttributeValue(value).s())
                .isEqualTo("2024-01-02T03:04:05.000000006-05:00");
        assertThat(offsetDateTimes.toAttributeValue(value.withOffsetSameLocal(ZoneOffset.UTC)).s())
                .isEqualTo("2024-01-02T03:04:05.000000006Z");
    }

    @Property
    void zonedDateTime_roundTripsKeepingZone(@ForAll("zonedDateTimes") ZonedDateTime value) {
        assertThat(zonedDateTimes.fromAttributeValue(zonedDateTimes.toAttributeValue(value)))
                .isEqualTo(value);
    }

    @Example
    void zonedDateTime_isWrittenIsoZoned() {
        ZonedDateTime paris = ZonedDateTime.of(2024, 7, 1, 12, 0, 0, 0, ZoneId.of("Europe/Paris"));

        assertThat(zonedDateTimes.toAttributeValue(paris).s())
                .isEqualTo("2024-07-01T12:00:00.000000000+02:00[Europe/Paris]");
        assertThat(
                        zonedDateTimes
                                .toAttributeValue(paris.withZoneSameLocal(ZoneOffset.ofHours(3)))
                                .s())
                .isEqualTo("2024-07-01T12:00:00.000000000+03:00");
        assertThat(
                        zonedDateTimes.fromAttributeValue(
                                AttributeValue.fromS("2024-07-01T12:00+02:00[Europe/Paris]")))
                .isEqualTo(paris);
    }

    @Example
    void zonedDateTime_inDaylightSavingOverlap_keepsLaterOffset() {
        ZonedDateTime later =
                ZonedDateTime.of(2024, 10, 27, 2, 30, 0, 0, ZoneId.of("Europe/Paris"))
                        .withLaterOffsetAtOverlap();

        assertThat(zonedDateTimes.fromAttributeValue(zonedDateTimes.toAttributeValue(later)))
                .isEqualTo(later);
    }

    @Property
    void duration_roundTrips(@ForAll("durations") Duration value) {
        AttributeValue attribute = durations.toAttributeValue(value);

        assertThat(attribute.s()).startsWith("PT");
        assertThat(durations.fromAttributeValue(attribute)).isEqualTo(value);
    }

    @Example
    void duration_isWrittenIso() {
        assertThat(durations.toAttributeValue(Duration.ofMinutes(90).plusMillis(5)).s())
                .isEqualTo("PT1H30M0.005S");
        assertThat(durations.toAttributeValue(Duration.ZERO).s()).isEqualTo("PT0S");
    }

    @Property
    void period_roundTrips(@ForAll("periods") Period value) {
        assertThat(periods.fromAttributeValue(periods.toAttributeValue(value))).isEqualTo(value);
    }

    @Property
    void yearMonth_roundTrips(@ForAll("yearMonths") YearMonth value) {
        assertThat(yearMonths.fromAttributeValue(yearMonths.toAttributeValue(value)))
                .isEqualTo(value);
    }

    @Example
    void yearMonth_beyondYear9999_isWrittenWithSign() {
        assertThat(yearMonths.toAttributeValue(YearMonth.of(10_000, 1)).s()).isEqualTo("+10000-01");
        assertThat(yearMonths.toAttributeValue(YearMonth.of(2024, 3)).s()).isEqualTo("2024-03");
        assertThat(yearMonths.toAttributeValue(YearMonth.of(-1, 12)).s()).isEqualTo("-0001-12");
    }

    @Property
    void zoneId_roundTrips(@ForAll("zones") ZoneId value) {
        assertThat(zoneIds.fromAttributeValue(zoneIds.toAttributeValue(value))).isEqualTo(value);
    }

    @Property
    void zoneOffset_roundTrips(@ForAll("offsets") ZoneOffset value) {
        assertThat(zoneOffsets.fromAttributeValue(zoneOffsets.toAttributeValue(value)))
                .isEqualTo(value);
    }

    @Example
    void zoneId_unknown_isRejected() {
        assertThatThrownBy(
                        () -> zoneIds.fromAttributeValue(AttributeValue.fromS("Mars/Olympus_Mons")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "cannot read 'Mars/Olympus_Mons' as java.time.ZoneId: Unknown time-zone ID: Mars/Olympus_Mons");
    }
}
