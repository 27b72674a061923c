package dev.dynamorm.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.ModelDefinitionException;
import dev.dynamorm.annotations.NamingConvention;
import dev.dynamorm.local.LocalDynamoDb;
import dev.dynamorm.spi.schema.ModelSchema;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

final class GeneratedModelEquivalenceTest {

    static final Map<String, String> SOURCES =
            Map.of(
                    "demo/Order.java",
                    """
                    package demo;

                    import dev.dynamorm.annotations.*;
                    import java.time.Instant;
                    import java.util.List;
                    import java.util.Map;
                    import java.util.Set;

                    @DynamoTable("orders")
                    public record Order(
                            @PartitionKey String customerId,
                            @SortKey String orderId,
                            @IndexKey(index = "by-status") String status,
                            @IndexKey(index = "by-status", role = KeyRole.SORT) Instant createdAt,
                            long totalCents,
                            int quantity,
                            boolean gift,
                            @Attribute("note_text") @Convert(UpperConverter.class) String note,
                            Address address,
                            List<Line> lines,
                            Map<String, Integer> counts,
                            Set<String> tags,
                            @Ignore String scratch,
                            @Version long version,
                            @Ttl Instant expiresAt) {}
                    """,
                    "demo/Address.java",
                    """
                    package demo;

                    public record Address(String street, String city, int zip) {}
                    """,
                    "demo/Line.java",
                    """
                    package demo;

                    public record Line(String sku, int quantity) {}
                    """,
                    "demo/Customer.java",
                    """
                    package demo;

                    import dev.dynamorm.annotations.*;
                    import java.time.Instant;

                    @DynamoTable(value = "customers", naming = NamingConvention.SNAKE_CASE)
                    public class Customer {
                        @PartitionKey private String customerId;
                        private String displayName;
                        private int loyaltyPoints = 7;
                        private boolean active;
                        @CreatedAt private Instant createdAt;
                        private transient String cache;

                        public Customer() {}

                        public String getCustomerId() { return customerId; }
                        public void setCustomerId(String v) { customerId = v; }
                        public String getDisplayName() { return displayName; }
                        public void setDisplayName(String v) { displayName = v; }
                        public int getLoyaltyPoints() { return loyaltyPoints; }
                        public void setLoyaltyPoints(int v) { loyaltyPoints = v; }
                        public boolean isActive() { return active; }
                        public void setActive(boolean v) { active = v; }
                        public Instant getCreatedAt() { return createdAt; }
                        public void setCreatedAt(Instant v) { createdAt = v; }

                        @Override
                        public String toString() {
                            return "Customer[" + customerId + ", " + displayName + ", " + loyaltyPoints
                                    + ", " + active + ", " + createdAt + "]";
                        }
                    }
                    """,
                    "demo/UpperConverter.java",
                    """
                    package demo;

                    import dev.dynamorm.Converter;
                    import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

                    public class UpperConverter implements Converter<String> {
                        public AttributeValue toAttributeValue(String v) {
                            return AttributeValue.fromS(v.toUpperCase(java.util.Locale.ROOT));
                        }
                        public String fromAttributeValue(AttributeValue a) {
                            return a.s().toLowerCase(java.util.Locale.ROOT);
                        }
                        public AttributeValue.Type attributeType() {
                            return AttributeValue.Type.S;
                        }
                    }
                    """,
                    "demo/Scenario.java",
                    """
                    package demo;

                    import dev.dynamorm.DynamORM;
                    import dev.dynamorm.Table;
                    import java.time.Instant;
                    import java.util.List;
                    import java.util.Map;
                    import java.util.Set;

                    public class Scenario implements java.util.function.Function<DynamORM, String> {
                        public String apply(DynamORM db) {
                            Table<Order> orders = db.table(Order.class);
                            orders.createTable();
                            Instant t = Instant.parse("2026-01-02T03:04:05Z");
                            orders.create(new Order("c1", "o1", "PAID", t, 1250L, 3, true, "hello",
                                    new Address("Main St", "Springfield", 12345),
                                    List.of(new Line("a", 1), new Line("b", 2)),
                                    Map.of("x", 1), Set.of("red", "blue"), "ignored", 0L,
                                    Instant.parse("2030-01-01T00:00:00Z")));
                            orders.create(new Order("c1", "o2", "NEW", t, 0L, 0, false, null, null,
                                    List.of(), Map.of(), null, null, 0L, null));
                            Table<Customer> customers = db.table(Customer.class);
                            customers.createTable();
                            Customer c = new Customer();
                            c.setCustomerId("c1");
                            c.setDisplayName("Ann");
                            c.setActive(true);
                            customers.create(c);
                            return orders.where("customerId", "=", "c1").all()
                                    + " | " + orders.where("status", "=", "PAID").all()
                                    + " | " + customers.where("customerId", "=", "c1").first();
                        }
                    }
                    """);

    private static ModelSchema<?> schema(ClassLoader loader, String name) throws Exception {
        return (ModelSchema<?>) loader.loadClass(name).getField("SCHEMA").get(null);
    }

    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

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
    void generatedAndReflectiveModels_writeTheSameItems_andReadTheSameObjects(@TempDir Path dir)
            throws Exception {
        Compilation gen = Compilation.compile(dir, true, SOURCES);
        Compilation refl = Compilation.compile(dir, false, SOURCES);
        assertThat(gen.errors()).isEmpty();
        assertThat(refl.errors()).isEmpty();
        assertThat(gen.generatedFiles())
                .containsExactly(
                        "demo/Address_.java",
                        "demo/Customer_.java",
                        "demo/DynamORM_Schemas.java",
                        "demo/Line_.java",
                        "demo/Order_.java");
        assertThat(
                        Files.readString(
                                gen.classes.resolve(
                                        "META-INF/services/dev.dynamorm.spi.schema.ModelSchemaProvider")))
                .isEqualTo("demo.DynamORM_Schemas\n");
        // a nested type and camel case leave the interface's defaults; the others are stated
        try (URLClassLoader loader = gen.loader()) {
            ModelSchema<?> address = schema(loader, "demo.Address_");
            assertThat(address.tableName()).isEmpty();
            assertThat(address.naming()).isEqualTo(NamingConvention.CAMEL_CASE);
            ModelSchema<?> order = schema(loader, "demo.Order_");
            assertThat(order.tableName()).contains("orders");
            assertThat(order.naming()).isEqualTo(NamingConvention.CAMEL_CASE);
            ModelSchema<?> customer = schema(loader, "demo.Customer_");
            assertThat(customer.tableName()).contains("customers");
            assertThat(customer.naming()).isEqualTo(NamingConvention.SNAKE_CASE);
            assertThat(customer.codec().naming()).isEqualTo(NamingConvention.SNAKE_CASE);
            assertThat(customer.codec().tableName()).contains("customers");
        }

        String generated = run(gen, "gen_", true);
        String reflective = run(refl, "refl_", false);
        assertThat(generated).isEqualTo(reflective).contains("Order[customerId=c1, orderId=o1");

        for (String table : List.of("orders", "customers")) {
            assertThat(scan("gen_" + table)).isEqualTo(scan("refl_" + table)).isNotEmpty();
        }
        assertThat(
                        scan("gen_orders").stream()
                                .filter(i -> i.get("orderId").s().equals("o1"))
                                .findFirst()
                                .orElseThrow())
                .containsEntry("note_text", AttributeValue.fromS("HELLO"))
                .containsEntry("totalCents", AttributeValue.fromN("1250"))
                .doesNotContainKey("scratch");
        assertThat(scan("gen_customers").get(0))
                .containsEntry("display_name", AttributeValue.fromS("Ann"))
                .containsEntry("loyalty_points", AttributeValue.fromN("7"));
    }

    @Test
    void requireGeneratedModels_refusesAModelWithoutSchema_andAcceptsAGeneratedOne(
            @TempDir Path dir) throws Exception {
        Compilation gen = Compilation.compile(dir, true, SOURCES);
        Compilation refl = Compilation.compile(dir, false, SOURCES);
        assertThat(run(gen, "req_gen_", true)).contains("Customer[c1, Ann, 7, true");
        try (URLClassLoader loader = refl.loader();
                DynamORM db =
                        DynamORM.builder()
                                .client(local.client())
                                .tableNamePrefix("req_refl_")
                                .requireGeneratedModels(true)
                                .build()) {
            Class<?> order = loader.loadClass("demo.Order");
            assertThatThrownBy(() -> db.table(order))
                    .isInstanceOf(ModelDefinitionException.class)
                    .hasMessage(
                            "model demo.Order has no generated schema and requireGeneratedModels(true) forbids "
                                    + "reading it by reflection: compile it with dev.dynamorm:dynamorm-processor on the "
                                    + "annotation processor path (and, on the module path, declare the provides line "
                                    + "the processor reports)");
        }
    }

    /**
     * On the class path the engine finds a model's schema through the provider generated in its
     * package, without the service scan: the schemas are used even when the {@code
     * META-INF/services} entry is gone (the scan stays the way on the module path and for providers
     * of other names).
     */
    @Test
    void generatedSchemas_areFoundInTheModelsPackage_withoutAServiceScan(@TempDir Path dir)
            throws Exception {
        Compilation gen = Compilation.compile(dir, true, SOURCES);
        Files.delete(
                gen.classes.resolve(
                        "META-INF/services/dev.dynamorm.spi.schema.ModelSchemaProvider"));
        // requireGeneratedModels(true): a model read by reflection would be refused
        assertThat(run(gen, "direct_", true)).contains("Customer[c1, Ann, 7, true");
    }

    @SuppressWarnings("unchecked")
    private static String run(Compilation c, String prefix, boolean requireGenerated)
            throws Exception {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = c.loader();
                DynamORM db =
                        DynamORM.builder()
                                .client(local.client())
                                .tableNamePrefix(prefix)
                                .clock(CLOCK)
                                .requireGeneratedModels(requireGenerated)
                                .build()) {
            Function<DynamORM, String> scenario =
                    (Function<DynamORM, String>)
                            loader.loadClass("demo.Scenario").getConstructor().newInstance();
            return scenario.apply(db);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static List<Map<String, AttributeValue>> scan(String table) {
        return local.client().scan(b -> b.tableName(table)).items().stream()
                .sorted(Comparator.comparing(m -> m.toString()))
                .toList();
    }
}
