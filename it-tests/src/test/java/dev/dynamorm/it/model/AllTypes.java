package dev.dynamorm.it.model;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** One field of every built-in converter type. */
@DynamoTable("all_types")
public record AllTypes(
        @PartitionKey String id,
        String text,
        char letter,
        boolean flag,
        Boolean boxedFlag,
        byte tiny,
        short small,
        int number,
        long big,
        float ratio,
        double precise,
        Integer boxedNumber,
        Long boxedBig,
        BigDecimal decimal,
        BigInteger huge,
        byte[] bytes,
        ByteBuffer buffer,
        Instant instant,
        LocalDate date,
        LocalDateTime localDateTime,
        OffsetDateTime offsetDateTime,
        ZonedDateTime zonedDateTime,
        Duration duration,
        UUID uuid,
        URI uri,
        Color color,
        Optional<String> maybe,
        List<String> list,
        Set<String> stringSet,
        Set<Integer> numberSet,
        Set<ByteBuffer> binarySet,
        Set<Color> colorSet,
        Map<String, Integer> map,
        Map<Color, String> enumMap,
        Address address,
        List<Address> addresses,
        Map<String, Object> document) {}
