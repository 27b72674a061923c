package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Table;
import dev.dynamorm.it.model.Address;
import dev.dynamorm.it.model.AllTypes;
import dev.dynamorm.it.model.Color;
import dev.dynamorm.test.DynamoBackend;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Every built-in converter through a real round trip, with the attribute types that landed. */
@DynamoBackend(models = AllTypes.class)
abstract class ConvertersSuite {

    private Table<AllTypes> table;
    private DynamoDbClient raw;

    @BeforeEach
    void setUp(DynamORM db, DynamoDbClient raw) {
        this.table = db.table(AllTypes.class);
        this.raw = raw;
    }

    static AllTypes typical(String id) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("s", "text");
        document.put("n", new BigDecimal("12.5"));
        document.put("b", true);
        document.put("l", List.of("x", new BigDecimal("1")));
        document.put("m", Map.of("k", "v"));
        Map<Color, String> enumMap = new EnumMap<>(Color.class);
        enumMap.put(Color.RED, "stop");
        enumMap.put(Color.GREEN, "go");
        return new AllTypes(
                id,
                "héllo wörld ✓ 🎉",
                'Z',
                true,
                Boolean.FALSE,
                (byte) -7,
                (short) 31000,
                Integer.MIN_VALUE,
                Long.MAX_VALUE,
                3.25f,
                0.1,
                42,
                -1L,
                new BigDecimal("12345678901234567890.123456789012345678"),
                new BigInteger("-99999999999999999999999999999999999999"),
                new byte[] {0, 1, 2, (byte) 255},
                ByteBuffer.wrap("buffer".getBytes(StandardCharsets.UTF_8)),
                Instant.parse("2026-11-27T10:15:30.123456789Z"),
                LocalDate.of(1969, 7, 20),
                LocalDateTime.of(2000, 1, 1, 0, 0, 0, 1),
                OffsetDateTime.of(2020, 2, 29, 23, 59, 59, 0, ZoneOffset.ofHours(-5)),
                ZonedDateTime.of(2021, 3, 28, 2, 30, 0, 0, ZoneId.of("Europe/Paris")),
                Duration.ofMillis(90061001),
                UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
                URI.create("https://example.com/a?b=c#d"),
                Color.BLUE,
                Optional.of("present"),
                List.of("a", "", "c"),
                new LinkedHashSet<>(List.of("x", "y")),
                new LinkedHashSet<>(List.of(1, -2, 300)),
                new LinkedHashSet<>(
                        List.of(
                                ByteBuffer.wrap(new byte[] {1}),
                                ByteBuffer.wrap(new byte[] {2, 3}))),
                new LinkedHashSet<>(List.of(Color.RED, Color.GREEN)),
                Map.of("one", 1, "two", 2),
                enumMap,
                new Address("1 Main St", "Springfield", 12345),
                new ArrayList<>(List.of(new Address("a", "b", null), new Address("c", "d", 7))),
                document);
    }

    static AllTypes sparse(String id) {
        return new AllTypes(
                id,
                "",
                '\0',
                false,
                null,
                (byte) 0,
                (short) 0,
                0,
                0,
                0f,
                0d,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Optional.empty(),
                List.of(),
                Set.of(),
                null,
                null,
                null,
                Map.of(),
                null,
                null,
                null,
                null);
    }

    @Test
    void everyType_roundTripsThroughTheServer() {
        AllTypes item = typical(UUID.randomUUID().toString());
        table.put(item);
        AllTypes back = table.get(item.id()).orElseThrow();
        assertThat(back)
                .usingRecursiveComparison()
                .ignoringFields("zonedDateTime", "offsetDateTime", "decimal", "document")
                .isEqualTo(item);
        assertThat(back.zonedDateTime().toInstant()).isEqualTo(item.zonedDateTime().toInstant());
        assertThat(back.offsetDateTime().toInstant()).isEqualTo(item.offsetDateTime().toInstant());
        assertThat(back.decimal()).isEqualByComparingTo(item.decimal());
        assertThat(back.document()).containsEntry("s", "text").containsEntry("b", true);
        assertThat((BigDecimal) back.document().get("n")).isEqualByComparingTo("12.5");
        assertThat(back.document().get("m")).isEqualTo(Map.of("k", "v"));
    }

    @Test
    void attributeTypes_areTheNaturalDynamoDbTypes() {
        AllTypes item = typical(UUID.randomUUID().toString());
        table.put(item);
        Map<String, AttributeValue> stored =
                raw.getItem(
                                b ->
                                        b.tableName(table.tableName())
                                                .key(Map.of("id", AttributeValue.fromS(item.id())))
                                                .consistentRead(true))
                        .item();
        Map<String, AttributeValue.Type> types = new LinkedHashMap<>();
        stored.forEach((k, v) -> types.put(k, v.type()));
        assertThat(types)
                .containsAllEntriesOf(
                        Map.ofEntries(
                                Map.entry("text", AttributeValue.Type.S),
                                        Map.entry("letter", AttributeValue.Type.S),
                                Map.entry("flag", AttributeValue.Type.BOOL),
                                        Map.entry("tiny", AttributeValue.Type.N),
                                Map.entry("number", AttributeValue.Type.N),
                                        Map.entry("precise", AttributeValue.Type.N),
                                Map.entry("decimal", AttributeValue.Type.N),
                                        Map.entry("huge", AttributeValue.Type.N),
                                Map.entry("bytes", AttributeValue.Type.B),
                                        Map.entry("buffer", AttributeValue.Type.B),
                                Map.entry("instant", AttributeValue.Type.S),
                                        Map.entry("uuid", AttributeValue.Type.S),
                                Map.entry("color", AttributeValue.Type.S),
                                        Map.entry("maybe", AttributeValue.Type.S),
                                Map.entry("list", AttributeValue.Type.L),
                                        Map.entry("stringSet", AttributeValue.Type.SS),
                                Map.entry("numberSet", AttributeValue.Type.NS),
                                        Map.entry("binarySet", AttributeValue.Type.BS),
                                Map.entry("colorSet", AttributeValue.Type.SS),
                                        Map.entry("map", AttributeValue.Type.M),
                                Map.entry("enumMap", AttributeValue.Type.M),
                                        Map.entry("address", AttributeValue.Type.M),
                                Map.entry("addresses", AttributeValue.Type.L),
                                        Map.entry("document", AttributeValue.Type.M)));
        assertThat(stored.get("big").n()).isEqualTo(String.valueOf(Long.MAX_VALUE));
        assertThat(stored.get("huge").n()).isEqualTo("-99999999999999999999999999999999999999");
        assertThat(stored.get("instant").s()).isEqualTo("2026-11-27T10:15:30.123456789Z");
        assertThat(stored.get("address").m().get("city").s()).isEqualTo("Springfield");
        assertThat(stored.get("addresses").l().get(0).m()).doesNotContainKey("zip");
        assertThat(Arrays.asList(stored.get("numberSet").ns().toArray()))
                .containsExactlyInAnyOrder("1", "-2", "300");
    }

    @Test
    void emptyAndAbsentValues_followTheDocumentedRules() {
        AllTypes item = sparse(UUID.randomUUID().toString());
        table.put(item);
        Map<String, AttributeValue> stored =
                raw.getItem(
                                b ->
                                        b.tableName(table.tableName())
                                                .key(Map.of("id", AttributeValue.fromS(item.id())))
                                                .consistentRead(true))
                        .item();
        // empty strings and empty lists/maps are stored; empty sets, empty optionals and nulls are
        // omitted
        assertThat(stored.get("text").s()).isEmpty();
        assertThat(stored.get("list").l()).isEmpty();
        assertThat(stored.get("map").m()).isEmpty();
        assertThat(stored)
                .doesNotContainKeys("stringSet", "maybe", "boxedFlag", "instant", "address");
        AllTypes back = table.get(item.id()).orElseThrow();
        assertThat(back.text()).isEmpty();
        assertThat(back.maybe()).isEmpty();
        assertThat(back.stringSet()).isNull();
        assertThat(back.boxedFlag()).isNull();
        assertThat(back.number()).isZero();
    }
}
