package dev.dynamorm.plugin.encryption.internal;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.Encrypted;
import dev.dynamorm.annotations.IndexKey;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import dev.dynamorm.annotations.Version;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The models of the encryption tests. */
final class Models {

    private Models() {}

    /** An enum, stored by name. */
    public enum Color {
        RED,
        GREEN,
        BLUE
    }

    /** A nested record, stored as a map. */
    public record Address(String street, String city, Integer zip) {}

    /**
     * Every built-in converter type, each field encrypted; the key and {@code label} stay plain.
     */
    @DynamoTable("enc_all")
    public record Sealed(
            @PartitionKey String id,
            @SortKey String part,
            String label,
            @Encrypted String text,
            @Encrypted char letter,
            @Encrypted boolean flag,
            @Encrypted Boolean boxedFlag,
            @Encrypted byte tiny,
            @Encrypted short small,
            @Encrypted int number,
            @Encrypted long big,
            @Encrypted float ratio,
            @Encrypted double precise,
            @Encrypted Integer boxedNumber,
            @Encrypted Long boxedBig,
            @Encrypted BigDecimal decimal,
            @Encrypted BigInteger huge,
            @Encrypted byte[] bytes,
            @Encrypted ByteBuffer buffer,
            @Encrypted Instant instant,
            @Encrypted LocalDate date,
            @Encrypted LocalDateTime localDateTime,
            @Encrypted OffsetDateTime offsetDateTime,
            @Encrypted ZonedDateTime zonedDateTime,
            @Encrypted Duration duration,
            @Encrypted UUID uuid,
            @Encrypted URI uri,
            @Encrypted Color color,
            @Encrypted Optional<String> maybe,
            @Encrypted List<String> list,
            @Encrypted Set<String> stringSet,
            @Encrypted Set<Integer> numberSet,
            @Encrypted Set<ByteBuffer> binarySet,
            @Encrypted Set<Color> colorSet,
            @Encrypted Map<String, Integer> map,
            @Encrypted Map<Color, String> enumMap,
            @Encrypted Address address,
            @Encrypted List<Address> addresses,
            @Encrypted Map<String, Object> document) {

        static Sealed typical(String id, String part) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("s", "text");
            document.put("b", true);
            document.put("l", List.of("x", "y"));
            document.put("m", Map.of("k", "v"));
            Map<Color, String> enumMap = new java.util.EnumMap<>(Color.class);
            enumMap.put(Color.RED, "stop");
            enumMap.put(Color.GREEN, "go");
            return new Sealed(
                    id,
                    part,
                    "visible",
                    "héllo wörld ✓ 🎉 SECRET-TEXT",
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
    }

    /** A versioned model with an index on a plain field. */
    @DynamoTable("enc_accounts")
    public record Account(
            @PartitionKey String id,
            @IndexKey(index = "by-owner") String owner,
            @Encrypted String pin,
            @Encrypted Address address,
            int balance,
            @Version long version) {

        Account withPin(String newPin) {
            return new Account(id, owner, newPin, address, balance, version);
        }
    }

    /** Two encrypted fields and a plain one, unversioned. */
    @DynamoTable("enc_notes")
    public record Note(
            @PartitionKey String id,
            @Encrypted String secret,
            @Encrypted String other,
            String tag) {}

    /** A number partition key: DynamoDB stores {@code 1.50} as {@code 1.5}. */
    @DynamoTable("enc_decimal_keys")
    public record DecimalKeyed(@PartitionKey BigDecimal id, @Encrypted String secret) {}

    /** A string partition key with a number sort key. */
    @DynamoTable("enc_decimal_sorted")
    public record DecimalSorted(
            @PartitionKey String id, @SortKey BigDecimal seq, @Encrypted String secret) {}

    /** A binary partition key with an integer sort key. */
    @DynamoTable("enc_binary_keys")
    public record BinaryKeyed(
            @PartitionKey ByteBuffer id, @SortKey long seq, @Encrypted String secret) {}
}
