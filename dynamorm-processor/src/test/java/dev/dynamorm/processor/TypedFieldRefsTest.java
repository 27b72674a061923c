package dev.dynamorm.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.DynamORM;
import dev.dynamorm.local.LocalDynamoDb;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.HashMap;
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
}
