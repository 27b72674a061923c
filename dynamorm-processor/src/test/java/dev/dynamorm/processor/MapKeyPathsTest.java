package dev.dynamorm.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.FieldRef;
import dev.dynamorm.local.LocalDynamoDb;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Typed references to the value under one key of a map field ({@code FieldRef.key(Order_.counts,
 * "x")}) in conditions, filters and updates, typed by the map's value type.
 */
final class MapKeyPathsTest {

    private static LocalDynamoDb local;

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @Test
    void mapKeyReferences_updateFilterAndCondition_onTheEmbeddedEngine(@TempDir Path dir)
            throws Exception {
        Compilation c =
                Compilation.compile(
                        dir,
                        true,
                        TypedFieldRefsTest.sources(
                                """
                                new Scenario().apply(db);
                                Table<Order> orders = db.table(Order.class);
                                var x = dev.dynamorm.FieldRef.key(Order_.counts, "x");
                                var y = dev.dynamorm.FieldRef.key(Order_.counts, "y");
                                orders.where(Order_.customerId, "=", "c1")
                                        .where(Order_.orderId, "=", "o1")
                                        .update(u -> u.increment(x, 4).set(y, 7).when(x, "=", 1));
                                String refused;
                                try {
                                    orders.where(Order_.customerId, "=", "c1")
                                            .where(Order_.orderId, "=", "o1")
                                            .update(u -> u.remove(y).when(x, "=", 1));
                                    refused = "not refused";
                                } catch (dev.dynamorm.ConditionFailedException e) {
                                    refused = "refused";
                                }
                                Order o = orders.where(Order_.customerId, "=", "c1")
                                        .filter(x, ">", 2)
                                        .first().orElseThrow();
                                orders.where(Order_.customerId, "=", "c1")
                                        .where(Order_.orderId, "=", "o1")
                                        .update(u -> u.remove(x));
                                Order after = orders.where(Order_.customerId, "=", "c1")
                                        .where(Order_.orderId, "=", "o1").first().orElseThrow();
                                return o.orderId() + " " + new java.util.TreeMap<>(o.counts()) + " "
                                        + refused + " " + after.counts() + " " + x;
                                """));
        assertThat(c.errors()).isEmpty();
        String result;
        try (URLClassLoader loader = c.loader();
                DynamORM db =
                        DynamORM.builder()
                                .client(local.client())
                                .tableNamePrefix("mapkeys_")
                                .build()) {
            @SuppressWarnings("unchecked")
            Function<DynamORM, String> typed =
                    (Function<DynamORM, String>)
                            loader.loadClass("demo.Typed").getConstructor().newInstance();
            result = typed.apply(db);
        }
        assertThat(result).isEqualTo("o1 {x=5, y=7} refused {y=7} counts.x");
    }

    @Test
    void mapKeyStringPaths_workOnReflectiveModels_andConvertThroughTheValueType(@TempDir Path dir)
            throws Exception {
        Compilation c =
                Compilation.compile(
                        dir,
                        false,
                        TypedFieldRefsTest.sources(
                                """
                                new Scenario().apply(db);
                                Table<Order> orders = db.table(Order.class);
                                orders.where("customerId", "=", "c1").where("orderId", "=", "o1")
                                        .update(u -> u.increment("counts.x", 1).set("counts.z", 3));
                                String refused;
                                try {
                                    orders.where("customerId", "=", "c1").where("orderId", "=", "o1")
                                            .update(u -> u.set("counts.z", "three"));
                                    refused = "not refused";
                                } catch (dev.dynamorm.InvalidRequestException e) {
                                    refused = e.getMessage();
                                }
                                Order o = orders.where("customerId", "=", "c1")
                                        .filter("counts.z", "=", 3).first().orElseThrow();
                                return new java.util.TreeMap<>(o.counts()) + " | " + refused;
                                """));
        assertThat(c.errors()).isEmpty();
        String result;
        try (URLClassLoader loader = c.loader();
                DynamORM db =
                        DynamORM.builder()
                                .client(local.client())
                                .tableNamePrefix("mapkeys_refl_")
                                .build()) {
            @SuppressWarnings("unchecked")
            Function<DynamORM, String> typed =
                    (Function<DynamORM, String>)
                            loader.loadClass("demo.Typed").getConstructor().newInstance();
            result = typed.apply(db);
        }
        assertThat(result).startsWith("{x=2, z=3} | ").contains("'counts.z'").contains("three");
    }

    @Test
    void aMapValueOfTheWrongType_isACompileError(@TempDir Path dir) {
        Compilation c =
                Compilation.compile(
                        dir,
                        true,
                        TypedFieldRefsTest.sources(
                                """
                                return db.table(Order.class)
                                        .where(Order_.customerId, "=", "c1")
                                        .filter(dev.dynamorm.FieldRef.key(Order_.counts, "x"), "=", "7")
                                        .all().toString();
                                """));
        assertThat(c.success).isFalse();
        assertThat(c.errors()).hasSize(1);
        assertThat(c.errors().get(0)).startsWith("14: no suitable method found for filter(");
    }

    @Test
    void keysAPathCannotTellApart_areRefused() {
        FieldRef<Object, Map<String, Integer>> counts = FieldRef.of("counts");
        assertThat(FieldRef.key(counts, "gift-wrap").path()).isEqualTo("counts.gift-wrap");
        for (String bad : new String[] {"", "a.b", "a[0]", "]"}) {
            assertThatThrownBy(() -> FieldRef.key(counts, bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "a map key in a field path must be non-empty and contain no '.', '[' or"
                                    + " ']': counts key '"
                                    + bad
                                    + "'");
        }
    }
}
