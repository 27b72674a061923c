package dev.dynamorm.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.DynamORMException;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Key;
import dev.dynamorm.Query;
import dev.dynamorm.Table;
import dev.dynamorm.UnknownFieldException;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.local.LocalDynamoDb;
import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Bad field names and values on every path (update builder, conditions, where/filter, keys, select)
 * fail with a DynamORM exception naming the problem, before anything is sent — never with a raw JDK
 * exception, and never by storing a value no read can map back.
 */
final class BadInputTest {

    enum Color {
        RED
    }

    record Inner(String a, int b) {}

    @DynamoTable("bad_input")
    record Probe(
            @PartitionKey String id,
            long count,
            int n,
            short small,
            BigInteger big,
            double ratio,
            String s,
            List<String> list,
            Map<String, Integer> map,
            Set<String> tags,
            Instant at,
            UUID uuid,
            Color color,
            Inner inner) {}

    private static final String PROBE = Probe.class.getName();

    private static LocalDynamoDb local;
    private static DynamORM db;
    private static Table<Probe> table;
    private static Map<String, AttributeValue> before;

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
        db = DynamORM.builder().client(local.client()).build();
        table = db.table(Probe.class);
        table.createTableIfMissing();
        table.put(
                new Probe(
                        "p",
                        1,
                        2,
                        (short) 3,
                        BigInteger.TEN,
                        0.5,
                        "s",
                        List.of("a"),
                        Map.of("k", 1),
                        Set.of("t"),
                        Instant.EPOCH,
                        UUID.randomUUID(),
                        Color.RED,
                        new Inner("x", 1)));
        before = stored();
    }

    @AfterAll
    static void stop() {
        db.close();
        local.close();
    }

    private static Map<String, AttributeValue> stored() {
        return local.client()
                .getItem(
                        r ->
                                r.tableName(table.tableName())
                                        .key(Map.of("id", AttributeValue.fromS("p")))
                                        .consistentRead(true))
                .item();
    }

    private static Query<Probe> p() {
        return table.where("id", "=", "p");
    }

    @Test
    void increment_byAFraction_orOutOfRange_ofAWholeNumberField_isRefused() {
        assertThatThrownBy(() -> p().update(u -> u.increment("count", 1.5)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "cannot add 1.5 to field 'count' of model "
                                + PROBE
                                + ", which is long: the amount must be a whole number (the stored number would not "
                                + "read back into the field)");
        assertThatThrownBy(() -> p().update(u -> u.add("n", 1L << 40)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "cannot add 1099511627776 to field 'n' of model "
                                + PROBE
                                + ", which is int: the amount must lie in -2147483648..2147483647 (the stored "
                                + "number would not read back into the field)");
        assertThatThrownBy(() -> p().update(u -> u.decrement("small", 40_000)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("cannot add -40000 to field 'small'");
        assertThatThrownBy(() -> p().update(u -> u.increment("big", 0.25)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("the amount must be a whole number");
        assertThat(stored()).isEqualTo(before);
        // whole amounts, given as any number type, and fractions of fractional fields still work
        p().update(u -> u.increment("count", 2.0).increment("ratio", 0.25).add("n", 3L));
        Probe after = table.get("p").orElseThrow();
        assertThat(after.count()).isEqualTo(3);
        assertThat(after.ratio()).isEqualTo(0.75);
        assertThat(after.n()).isEqualTo(5);
        p().update(u -> u.decrement("count", 2).increment("ratio", -0.25).add("n", -3));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void listIndexOnAScalar_isRefusedBeforeSending() {
        String message =
                "unknown field 'count[0]' in model "
                        + PROBE
                        + ": 'count' is long, not a list, so it has no element [0]";
        assertThatThrownBy(() -> p().update(u -> u.set("count[0]", 5)))
                .isInstanceOf(UnknownFieldException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> p().update(u -> u.setListElement("count", 0, 5)))
                .isInstanceOf(UnknownFieldException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> p().filter("count[0]", "=", 1).all())
                .isInstanceOf(UnknownFieldException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> p().select("count[0]").all())
                .isInstanceOf(UnknownFieldException.class)
                .hasMessage(message);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void pathsWithAnEmptyName_areRefused() {
        for (String path : List.of("map.", "inner..a", ".", "", "[0]", "list.[0]")) {
            assertThatThrownBy(() -> p().update(u -> u.set(path, 1)), path)
                    .isInstanceOf(UnknownFieldException.class)
                    .hasMessage(
                            "unknown field '"
                                    + path
                                    + "' in model "
                                    + PROBE
                                    + ": a path is field names joined by '.', each optionally followed by list "
                                    + "indexes like [0]; this one has an empty name");
            assertThatThrownBy(() -> p().select(path).all(), path)
                    .isInstanceOf(UnknownFieldException.class);
        }
        assertThat(stored()).isEqualTo(before);
    }

    /** Every bad name or value, on every path: a DynamORM exception, nothing written. */
    @Test
    void everyBadNameOrValue_failsWithADynamormException_beforeSending() {
        Map<String, Executable> c = new LinkedHashMap<>();
        c.put("set list[x]", () -> p().update(u -> u.set("list[x]", "a")));
        c.put("set list[-1]", () -> p().update(u -> u.set("list[-1]", "a")));
        c.put("set list[99999999999]", () -> p().update(u -> u.set("list[99999999999]", "a")));
        c.put("set list[", () -> p().update(u -> u.set("list[", "a")));
        c.put("set count.x", () -> p().update(u -> u.set("count.x", 1)));
        c.put("set inner.b.c", () -> p().update(u -> u.set("inner.b.c", 1)));
        c.put("set inner[0]", () -> p().update(u -> u.set("inner[0]", 1)));
        c.put("increment s", () -> p().update(u -> u.increment("s", 1)));
        c.put("add count x", () -> p().update(u -> u.add("count", "x")));
        c.put("set count abc", () -> p().update(u -> u.set("count", "abc")));
        c.put("set count 1.5", () -> p().update(u -> u.set("count", 1.5)));
        c.put("set n 2^40", () -> p().update(u -> u.set("n", 1L << 40)));
        c.put("set at 123", () -> p().update(u -> u.set("at", 123)));
        c.put("set uuid text", () -> p().update(u -> u.set("uuid", "not-a-uuid")));
        c.put("set color text", () -> p().update(u -> u.set("color", "BLUE")));
        c.put("append count", () -> p().update(u -> u.appendToList("count", 1)));
        c.put("append list 5", () -> p().update(u -> u.appendToList("list", 5)));
        c.put("removeFromList -1", () -> p().update(u -> u.removeFromList("list", -1)));
        c.put("delete tags ints", () -> p().update(u -> u.delete("tags", Set.of(1))));
        c.put("set map.k text", () -> p().update(u -> u.set("map.k", "x")));
        c.put("set map int keys", () -> p().update(u -> u.set("map", Map.of(1, 2))));
        c.put("set tags list of ints", () -> p().update(u -> u.set("tags", List.of(1, 2))));
        c.put("set inner text", () -> p().update(u -> u.set("inner", "x")));
        c.put("when count abc", () -> p().update(u -> u.set("s", "v").when("count", "=", "abc")));
        c.put("filter count abc", () -> p().filter("count", "=", "abc").all());
        c.put("filter count > list", () -> p().filter("count", ">", List.of(1)).all());
        c.put("filter at 123", () -> p().filter("at", "=", 123).all());
        c.put("filter uuid text", () -> p().filter("uuid", "=", "nope").all());
        c.put("filter color text", () -> p().filter("color", "=", "BLUE").all());
        c.put("filter inner.b abc", () -> p().filter("inner.b", "=", "abc").all());
        c.put("filter contains count", () -> p().filter("count", "contains", 1).all());
        c.put("where id 5", () -> table.where("id", "=", 5).all());
        c.put("get key int", () -> table.get(Key.of(5)));
        c.put("get two parts", () -> table.get(Key.of("a", "b")));
        c.put("delete key int", () -> table.delete(Key.of(5)));
        c.put("batchGet key int", () -> table.batchGet(List.of(Key.of(5))));
        c.put("select nope", () -> p().select("nope").all());
        c.put("select list[abc]", () -> p().select("list[abc]").all());
        c.put("orderBy count", () -> p().orderBy("count", dev.dynamorm.SortOrder.ASC).all());
        c.forEach(
                (name, call) ->
                        assertThatThrownBy(call::execute, name)
                                .isInstanceOf(DynamORMException.class)
                                .hasMessageContaining(PROBE));
        assertThat(stored()).isEqualTo(before);
    }
}
