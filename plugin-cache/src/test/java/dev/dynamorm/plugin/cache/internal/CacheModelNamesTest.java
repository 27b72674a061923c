package dev.dynamorm.plugin.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.PluginException;
import dev.dynamorm.Statistic;
import dev.dynamorm.Table;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.local.LocalDynamoDb;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Which names configure a model for the cache, and what an unknown name or option gets. */
final class CacheModelNamesTest {

    private static LocalDynamoDb local;
    private DynamORM db;

    @DynamoTable("orders")
    public record Order(@PartitionKey String id, int total) {}

    /** Another model whose simple name is also Order. */
    static final class Other {
        @DynamoTable("other_orders")
        public record Order(@PartitionKey String id, int total) {}
    }

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

    private DynamORM open(Properties p) {
        db =
                DynamORM.builder()
                        .client(local.client())
                        .tableNamePrefix("n" + UUID.randomUUID().toString().substring(0, 8) + "_")
                        .pluginProperties(p)
                        .build();
        return db;
    }

    private static Properties models(String models) {
        Properties p = new Properties();
        p.setProperty("dynamorm.plugin.cache.models", models);
        return p;
    }

    /** True when a second get does not see a change made behind DynamORM's back. */
    private boolean cached(Table<?> table, String id) {
        table.createTableIfMissing();
        local.client()
                .putItem(
                        r ->
                                r.tableName(table.tableName())
                                        .item(
                                                Map.of(
                                                        "id", AttributeValue.fromS(id),
                                                        "total", AttributeValue.fromN("1"))));
        table.get(id);
        local.client()
                .putItem(
                        r ->
                                r.tableName(table.tableName())
                                        .item(
                                                Map.of(
                                                        "id", AttributeValue.fromS(id),
                                                        "total", AttributeValue.fromN("2"))));
        return table.get(id).map(Object::toString).orElseThrow().contains("total=1");
    }

    @Test
    void simpleClassName_configuresTheModel() {
        open(models("Order"));
        assertThat(cached(db.table(Order.class), "s1")).isTrue();
        assertThat(
                        db.statistics().stream()
                                .filter(s -> s.name().equals("dynamorm.cache.hits"))
                                .map(Statistic::tags))
                .containsExactly(Map.of("model", "Order"));
    }

    @Test
    void logicalTableName_configuresTheModel() {
        open(models("orders"));
        assertThat(cached(db.table(Order.class), "l1")).isTrue();
        assertThat(cached(db.table(Other.Order.class), "l2")).isFalse();
    }

    @Test
    void simpleClassNameOfTwoModels_isRefusedAsAmbiguous() {
        open(models("Order"));
        assertThat(cached(db.table(Order.class), "a1")).isTrue();
        Table<Other.Order> other = db.table(Other.Order.class);
        other.createTableIfMissing();
        assertThatThrownBy(() -> other.get("a2"))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining(
                        "cache model 'Order' is ambiguous: it names "
                                + Order.class.getName()
                                + " and "
                                + Other.Order.class.getName()
                                + "; configure the model's class name or physical table name instead");
    }

    @Test
    void aClassThatIsNoModel_failsTheBuild() {
        assertThatThrownBy(() -> open(models("java.lang.String")))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining(
                        "cache model 'java.lang.String' names a class that is no table model (neither it nor a "
                                + "type it implements has @DynamoTable)");
    }

    @Test
    void aTypoOfAModelsName_failsItsFirstUse_withADidYouMean_beforeSending() {
        open(models("Ordr"));
        Table<Order> orders = db.table(Order.class);
        // no table was created: the failure comes before any request
        assertThatThrownBy(() -> orders.get("t1"))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining(
                        "cache model 'Ordr' matches no model; did you mean 'Order' (model "
                                + Order.class.getName()
                                + ", table '"
                                + orders.tableName()
                                + "')?");
        assertThatThrownBy(() -> orders.put(new Order("t1", 1)))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("cache model 'Ordr' matches no model; did you mean 'Order'");
    }

    @Test
    void aNameCloseToNoUsedModel_isLeftForModelsNotUsedYet() {
        open(models("Invoice"));
        assertThat(cached(db.table(Order.class), "n1")).isFalse();
    }

    @Test
    void classNameTag_isTheSimpleName_asOnEveryMeter() {
        assertThat(CacheHook.tag(Order.class.getName())).isEqualTo("Order");
        assertThat(CacheHook.tag("prod.orders")).isEqualTo("prod.orders");
        assertThat(CacheHook.tag("orders")).isEqualTo("orders");
    }

    @Test
    void unknownOption_failsTheBuildWithADidYouMean() {
        Properties p = models(Order.class.getName());
        p.setProperty("dynamorm.plugin.cache.tll", "PT1M");
        assertThatThrownBy(() -> open(p))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining(
                        "unknown option 'tll' for plugin cache; did you mean 'ttl'? options are models, "
                                + "maximumSize, ttl, model.<name>.maximumSize and model.<name>.ttl");
        assertThatThrownBy(
                        () ->
                                CachePlugin.fromProperties(
                                        Map.of("models", "Order", "model.Order.maxiumSize", "5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "unknown option 'model.Order.maxiumSize' for plugin cache; did you mean "
                                + "'model.Order.maximumSize'? options are models, maximumSize, ttl, "
                                + "model.<name>.maximumSize and model.<name>.ttl");
        assertThatThrownBy(
                        () ->
                                CachePlugin.fromProperties(
                                        Map.of("models", "Order", "model.Ordr.ttl", "PT1M")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "cache property 'model.Ordr.ttl' names model 'Ordr', which is not in models=Order; "
                                + "did you mean 'Order'? add it there");
    }
}
