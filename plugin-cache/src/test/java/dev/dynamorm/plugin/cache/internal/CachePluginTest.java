package dev.dynamorm.plugin.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Key;
import dev.dynamorm.PluginException;
import dev.dynamorm.Statistic;
import dev.dynamorm.Table;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import dev.dynamorm.local.LocalDynamoDb;
import dev.dynamorm.plugin.cache.CacheConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The cache plugin, discovered from its jar, against the embedded engine. */
final class CachePluginTest {

    private static LocalDynamoDb local;
    private DynamORM db;

    @DynamoTable("products")
    public record Product(@PartitionKey String sku, String name, int price) {}

    @DynamoTable("lines")
    public record Line(@PartitionKey String order, @SortKey String line, int quantity) {}

    @DynamoTable("uncached")
    public record Plain(@PartitionKey String id, String value) {}

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private DynamORM open(CacheConfig config) {
        db =
                DynamORM.builder()
                        .client(local.client())
                        .tableNamePrefix("c" + UUID.randomUUID().toString().substring(0, 8) + "_")
                        .pluginConfig(config)
                        .build();
        for (Class<?> m : List.of(Product.class, Line.class, Plain.class)) {
            db.table(m).createTable();
        }
        return db;
    }

    /** Changes an item behind DynamORM's back, as another process would. */
    private void changeElsewhere(
            Table<?> table, String keyName, String key, String attribute, AttributeValue value) {
        local.client()
                .updateItem(
                        r ->
                                r.tableName(table.tableName())
                                        .key(Map.of(keyName, AttributeValue.fromS(key)))
                                        .updateExpression("SET #a = :v")
                                        .expressionAttributeNames(Map.of("#a", attribute))
                                        .expressionAttributeValues(Map.of(":v", value)));
    }

    private double statistic(String name, String model) {
        return db.statistics().stream()
                .filter(s -> s.name().equals(name) && model.equals(s.tags().get("model")))
                .mapToDouble(Statistic::value)
                .sum();
    }

    @Test
    void get_ofConfiguredModel_isServedFromCacheUntilThisProcessWrites() {
        open(CacheConfig.builder().model(Product.class, 100, Duration.ofMinutes(5)).build());
        assertThat(db.plugins()).containsExactly("cache");
        Table<Product> products = db.table(Product.class);
        products.put(new Product("p1", "pen", 100));
        assertThat(products.get("p1")).contains(new Product("p1", "pen", 100));
        changeElsewhere(products, "sku", "p1", "price", AttributeValue.fromN("999"));
        assertThat(products.get("p1"))
                .contains(new Product("p1", "pen", 100)); // cached: the other write is unseen
        assertThat(statistic("dynamorm.cache.hits", "Product")).isEqualTo(1);
        assertThat(statistic("dynamorm.cache.misses", "Product")).isEqualTo(1);

        products.put(new Product("p1", "pen", 150)); // own write: invalidated
        assertThat(products.get("p1")).contains(new Product("p1", "pen", 150));
        products.update(new Product("p1", "fountain pen", 150), "name");
        assertThat(products.get("p1")).contains(new Product("p1", "fountain pen", 150));
        products.delete(new Product("p1", "fountain pen", 150));
        assertThat(products.get("p1")).isEmpty();
    }

    @Test
    void consistentRead_bypassesTheCache() {
        open(CacheConfig.builder().model(Line.class).build());
        Table<Line> lines = db.table(Line.class);
        lines.put(new Line("o1", "l1", 1));
        assertThat(lines.get("o1", "l1")).contains(new Line("o1", "l1", 1));
        local.client()
                .updateItem(
                        r ->
                                r.tableName(lines.tableName())
                                        .key(
                                                Map.of(
                                                        "order",
                                                        AttributeValue.fromS("o1"),
                                                        "line",
                                                        AttributeValue.fromS("l1")))
                                        .updateExpression("SET quantity = :q")
                                        .expressionAttributeValues(
                                                Map.of(":q", AttributeValue.fromN("7"))));
        assertThat(lines.where("order", "=", "o1").where("line", "=", "l1").first())
                .contains(new Line("o1", "l1", 1)); // full-key first(): cached
        assertThat(
                        lines.where("order", "=", "o1")
                                .where("line", "=", "l1")
                                .consistentRead()
                                .first())
                .contains(new Line("o1", "l1", 7)); // consistent: from DynamoDB
        assertThat(
                        db.statistics().stream()
                                .filter(s -> s.name().equals("dynamorm.cache.bypasses"))
                                .mapToDouble(Statistic::value)
                                .sum())
                .isEqualTo(1);
    }

    @Test
    void unconfiguredModel_isNeverCached() {
        open(CacheConfig.builder().model(Product.class).build());
        Table<Plain> plain = db.table(Plain.class);
        plain.put(new Plain("x", "one"));
        assertThat(plain.get("x")).contains(new Plain("x", "one"));
        changeElsewhere(plain, "id", "x", "value", AttributeValue.fromS("two"));
        assertThat(plain.get("x")).contains(new Plain("x", "two"));
    }

    @Test
    void entries_expireAfterTheirTimeToLive() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
        open(
                CacheConfig.builder()
                        .model(Product.class, 100, Duration.ofMillis(200))
                        .clock(now::get)
                        .build());
        Table<Product> products = db.table(Product.class);
        products.put(new Product("p2", "ink", 5));
        assertThat(products.get("p2")).contains(new Product("p2", "ink", 5));
        changeElsewhere(products, "sku", "p2", "price", AttributeValue.fromN("6"));
        assertThat(products.get("p2")).contains(new Product("p2", "ink", 5));
        now.set(now.get().plusMillis(199));
        assertThat(products.get("p2")).contains(new Product("p2", "ink", 5));
        now.set(now.get().plusMillis(1));
        assertThat(products.get("p2")).contains(new Product("p2", "ink", 6));
    }

    @Test
    void batchWritesAndTransactions_invalidateTheKeysTheyWrite() {
        open(CacheConfig.builder().model(Product.class).build());
        Table<Product> products = db.table(Product.class);
        products.put(new Product("b1", "a", 1));
        products.put(new Product("b2", "b", 2));
        assertThat(products.get("b1")).isPresent();
        assertThat(products.get("b2")).isPresent();
        products.batchPut(List.of(new Product("b1", "a", 10)));
        products.batchDelete(List.of(Key.of("b2")));
        assertThat(products.get("b1")).contains(new Product("b1", "a", 10));
        assertThat(products.get("b2")).isEmpty();

        assertThat(products.get("b1")).isPresent();
        db.transaction(tx -> tx.put(new Product("b1", "a", 20)));
        assertThat(products.get("b1")).contains(new Product("b1", "a", 20));
    }

    @Test
    void sizeLimit_evictsAndCountsEvictions() {
        open(CacheConfig.builder().model(Product.class, 1, Duration.ofMinutes(5)).build());
        Table<Product> products = db.table(Product.class);
        for (int i = 0; i < 5; i++) {
            products.put(new Product("s" + i, "n", i));
            products.get("s" + i);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (statistic("dynamorm.cache.evictions", "Product") < 4
                && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // Caffeine evicts on its maintenance thread
        }
        assertThat(statistic("dynamorm.cache.evictions", "Product")).isEqualTo(4);
        assertThat(statistic("dynamorm.cache.size", "Product")).isEqualTo(1);
    }

    @Test
    void properties_configureModelsByClassOrTable() {
        Properties p = new Properties();
        p.setProperty("dynamorm.plugin.cache.models", Product.class.getName());
        p.setProperty("dynamorm.plugin.cache.ttl", "PT1M");
        p.setProperty(
                "dynamorm.plugin.cache.model." + Product.class.getName() + ".maximumSize", "5");
        db =
                DynamORM.builder()
                        .client(local.client())
                        .tableNamePrefix("cp" + UUID.randomUUID().toString().substring(0, 8) + "_")
                        .pluginProperties(p)
                        .build();
        Table<Product> products = db.table(Product.class);
        products.createTable();
        products.put(new Product("q", "quill", 3));
        products.get("q");
        changeElsewhere(products, "sku", "q", "price", AttributeValue.fromN("4"));
        assertThat(products.get("q")).contains(new Product("q", "quill", 3));
    }

    @Test
    void badProperties_failTheBuildNamingTheProperty() {
        Properties p = new Properties();
        p.setProperty("dynamorm.plugin.cache.models", "orders");
        p.setProperty("dynamorm.plugin.cache.ttl", "five minutes");
        assertThatThrownBy(
                        () -> DynamORM.builder().client(local.client()).pluginProperties(p).build())
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("plugin 'cache'")
                .hasMessageContaining(
                        "cache property ttl must be an ISO-8601 duration such as PT5M, got 'five minutes'");
        assertThatThrownBy(
                        () -> CacheConfig.builder().model(Product.class, 0, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cache maximumSize must be at least 1, got 0");
    }
}
