package dev.dynamorm.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.DynamORM;
import dev.dynamorm.local.LocalDynamoDb;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TypedFieldRefsTest {

    private static LocalDynamoDb local;

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    private static Map<String, String> sources(String scenarioBody) {
        Map<String, String> s = new HashMap<>(GeneratedModelEquivalenceTest.SOURCES);
        s.put(
                "demo/Typed.java",
                """
                package demo;

                import static dev.dynamorm.Condition.when;

                import dev.dynamorm.DynamORM;
                import dev.dynamorm.SortOrder;
                import dev.dynamorm.Table;
                import java.util.List;

                public class Typed implements java.util.function.Function<DynamORM, String> {
                    public String apply(DynamORM db) {
                """
                        + scenarioBody
                        + """
                    }
                }
                """);
        return s;
    }

    @Test
    void typedReferences_workWhereStringNamesDo(@TempDir Path dir) throws Exception {
        Compilation c =
                Compilation.compile(
                        dir,
                        true,
                        sources(
                                """
                                new Scenario().apply(db);
                                Table<Order> orders = db.table(Order.class);
                                orders.where(Order_.customerId, "=", "c1")
                                        .where(Order_.orderId, "=", "o1")
                                        .update(u -> u.set(Order_.status, "SHIPPED")
                                                .increment(Order_.totalCents, 5)
                                                .remove(Order_.note)
                                                .when(Order_.quantity, ">", 1));
                                return orders.where(Order_.customerId, "=", "c1")
                                        .filter(Order_.address.city, "=", "Springfield")
                                        .filter(Order_.totalCents, ">", 1000L)
                                        .orderBy(Order_.orderId, SortOrder.DESC)
                                        .all()
                                        + " | " + orders.where(Order_.customerId, "=", "c1")
                                        .select(List.of(Order_.orderId, Order_.status)).all()
                                        + " | " + Order_.address.city + " " + when(Order_.status, "=", "X");
                                """));
        assertThat(c.errors()).isEmpty();
        String result;
        try (URLClassLoader loader = c.loader();
                DynamORM db =
                        DynamORM.builder()
                                .client(local.client())
                                .tableNamePrefix("typed_")
                                .build()) {
            @SuppressWarnings("unchecked")
            Function<DynamORM, String> typed =
                    (Function<DynamORM, String>)
                            loader.loadClass("demo.Typed").getConstructor().newInstance();
            result = typed.apply(db);
        }
        assertThat(result)
                .contains("orderId=o1, status=SHIPPED")
                .contains("totalCents=1255")
                .contains("note=null")
                .endsWith(" | address.city " + dev.dynamorm.Condition.when("status", "=", "X"));
        assertThat(result.split(" \\| ")[1])
                .contains("orderId=o2, status=NEW, createdAt=null")
                .contains("orderId=o1, status=SHIPPED, createdAt=null");
    }

    @Test
    void aValueOfTheWrongType_isACompileError(@TempDir Path dir) {
        Compilation c =
                Compilation.compile(
                        dir,
                        true,
                        sources(
                                """
                                return db.table(Order.class)
                                        .where(Order_.customerId, "=", "c1")
                                        .filter(Order_.totalCents, ">", "x")
                                        .all()
                                        .toString();
                                """));
        assertThat(c.success).isFalse();
        assertThat(c.errors()).hasSize(1);
        assertThat(c.errors().get(0)).startsWith("14: no suitable method found for filter(");
    }

    @Test
    void typedCollectionUpdates_andElementPaths_workOnTheEmbeddedEngine(@TempDir Path dir)
            throws Exception {
        Compilation c =
                Compilation.compile(
                        dir,
                        true,
                        sources(
                                """
                                new Scenario().apply(db);
                                Table<Order> orders = db.table(Order.class);
                                orders.where(Order_.customerId, "=", "c1")
                                        .where(Order_.orderId, "=", "o1")
                                        .update(u -> u.add(Order_.totalCents, 5)
                                                .add(Order_.tags, java.util.Set.of("green"))
                                                .appendToList(Order_.lines, List.of(new Line("c", 3)))
                                                .whenExists(Order_.status));
                                orders.where(Order_.customerId, "=", "c1")
                                        .where(Order_.orderId, "=", "o1")
                                        .update(u -> u.delete(Order_.tags, java.util.Set.of("red"))
                                                .setListElement(Order_.lines, 0, new Line("a", 10))
                                                .whenNotExists(Order_.note)
                                                .or(Order_.quantity, ">", 1));
                                Order o = orders.where(Order_.customerId, "=", "c1")
                                        .where(Order_.orderId, "=", "o1")
                                        .filter(dev.dynamorm.FieldRef.element(Order_.lines, 1), "EXISTS", null)
                                        .first().orElseThrow();
                                return o.totalCents() + " " + new java.util.TreeSet<>(o.tags()) + " "
                                        + o.lines() + " " + o.counts() + " "
                                        + dev.dynamorm.FieldRef.element(Order_.lines, 2);
                                """));
        assertThat(c.errors()).isEmpty();
        String result;
        try (URLClassLoader loader = c.loader();
                DynamORM db =
                        DynamORM.builder()
                                .client(local.client())
                                .tableNamePrefix("typed2_")
                                .build()) {
            @SuppressWarnings("unchecked")
            Function<DynamORM, String> typed =
                    (Function<DynamORM, String>)
                            loader.loadClass("demo.Typed").getConstructor().newInstance();
            result = typed.apply(db);
        }
        assertThat(result)
                .isEqualTo(
                        "1255 [blue, green] [Line[sku=a, quantity=10], Line[sku=b, quantity=2],"
                                + " Line[sku=c, quantity=3]] {x=1} lines[2]");
    }

    @Test
    void collectionValuesOfTheWrongType_areCompileErrors(@TempDir Path dir) {
        Compilation c =
                Compilation.compile(
                        dir,
                        true,
                        sources(
                                """
                                db.table(Order.class).where(Order_.customerId, "=", "c1")
                                        .update(u -> u.add(Order_.tags, java.util.Set.of(1)));
                                db.table(Order.class).where(Order_.customerId, "=", "c1")
                                        .update(u -> u.setListElement(Order_.lines, 0, "x"));
                                return db.table(Order.class)
                                        .where(Order_.customerId, "=", "c1")
                                        .filter(dev.dynamorm.FieldRef.element(Order_.lines, 0), "=", "7")
                                        .all().toString();
                                """));
        assertThat(c.success).isFalse();
        assertThat(c.errors())
                .extracting(e -> e.substring(0, e.indexOf(':')))
                .containsExactly("13", "15", "18");
    }

    @Test
    void elementPaths_rejectNegativeIndexes() {
        dev.dynamorm.FieldRef<Object, List<String>> list = dev.dynamorm.FieldRef.of("items");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> dev.dynamorm.FieldRef.element(list, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a list index must not be negative: items[-1]");
    }
}
