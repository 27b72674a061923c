package dev.dynamorm.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Table;
import dev.dynamorm.test.fixtures.Fixture;
import dev.dynamorm.test.fixtures.Fixtures;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Fixtures load typed items through the models (JSON and YAML, records and beans) and raw DynamoDB
 * JSON items into tables without a model, from annotations and from code.
 */
@DynamoBackend(models = {KitOrder.class, KitCustomer.class})
@Fixture("fixtures/orders.json")
abstract class FixturesSuite {

    static final TestTable EVENTS =
            TestTable.builder("events")
                    .partitionKey("pk")
                    .sortKey("at", ScalarAttributeType.N)
                    .build();

    @BeforeAll
    static void createRawTable(BackendContext backend) {
        backend.createTable(EVENTS);
    }

    @Test
    void classFixtureIsLoadedBeforeAllTestsThroughTheModel(DynamORM db) {
        Table<KitOrder> orders = db.table(KitOrder.class);

        assertThat(orders.get("c-1", "o-1"))
                .contains(
                        new KitOrder(
                                "c-1",
                                "o-1",
                                KitOrder.Status.PAID,
                                Instant.parse("2026-01-05T10:00:00Z"),
                                1250,
                                List.of("pen", "ink"),
                                new KitOrder.Address("Lyon", 69001)));
        assertThat(orders.get("c-1", "o-2"))
                .contains(
                        new KitOrder(
                                "c-1",
                                "o-2",
                                KitOrder.Status.NEW,
                                Instant.parse("2026-01-06T10:00:00Z"),
                                300,
                                null,
                                null));
        assertThat(orders.where("status", "=", KitOrder.Status.PAID).all())
                .extracting(KitOrder::orderId)
                .containsExactlyInAnyOrder("o-1", "o-3");
    }

    @Test
    @Fixture("fixtures/customers.yaml")
    void methodFixtureInYamlFillsABeanWithMergedDefaults(DynamORM db) {
        Table<KitCustomer> customers = db.table(KitCustomer.class);

        KitCustomer ada = customers.get("cu-1").orElseThrow();
        assertThat(ada.getName()).isEqualTo("Ada");
        assertThat(ada.isVip()).isTrue();
        assertThat(ada.getCredit()).isEqualByComparingTo("12.50");
        assertThat(ada.getTags()).isEqualTo(Set.of("early", "vip"));
        KitCustomer grace = customers.get("cu-2").orElseThrow();
        assertThat(grace.isVip()).isFalse();
        assertThat(grace.getCredit()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    @Fixture("/dev/dynamorm/test/fixtures/events.json")
    void rawFixtureWritesDynamoDbJsonItemsToATableWithoutModel(
            DynamoDbClient client, BackendContext backend) {
        List<Map<String, AttributeValue>> items =
                client.query(
                                r ->
                                        r.tableName(backend.tableName("events"))
                                                .keyConditionExpression("pk = :pk")
                                                .expressionAttributeValues(
                                                        Map.of(":pk", AttributeValue.fromS("c-1"))))
                        .items();

        assertThat(items).hasSize(2);
        assertThat(items.get(0))
                .containsEntry("kind", AttributeValue.fromS("login"))
                .containsEntry("tags", AttributeValue.fromSs(List.of("web", "eu")));
        assertThat(items.get(1))
                .containsEntry("at", AttributeValue.fromN("1767610800"))
                .containsEntry(
                        "meta",
                        AttributeValue.fromM(
                                Map.of(
                                        "ip",
                                        AttributeValue.fromS("127.0.0.1"),
                                        "ok",
                                        AttributeValue.fromBool(true),
                                        "none",
                                        AttributeValue.fromNul(true))))
                .containsEntry(
                        "list",
                        AttributeValue.fromL(
                                List.of(AttributeValue.fromN("1"), AttributeValue.fromS("two"))));
    }

    @Test
    void injectedFixturesLoadFromTheClassPathAndFiles(Fixtures fixtures, DynamORM db) {
        assertThat(fixtures.load("fixtures/customers.yaml")).isEqualTo(2);
        assertThat(db.table(KitCustomer.class).get("cu-2")).isPresent();

        int loaded =
                Fixtures.of(db)
                        .withModels(KitOrder.class)
                        .load(Path.of("src/test/resources/dev/dynamorm/test/fixtures/orders.json"));
        assertThat(loaded).isEqualTo(3);
    }

    @Test
    void aModelNamedByClassNameNeedsNoModelList(DynamORM db) {
        assertThat(Fixtures.of(db).load("/dev/dynamorm/test/fixtures/customers-by-class-name.json"))
                .isEqualTo(1);
        assertThat(db.table(KitCustomer.class).get("cu-9"))
                .hasValueSatisfying(c -> assertThat(c.getName()).isEqualTo("Hopper"));
    }

    @Test
    void anEmptyFixtureLoadsNothing(Fixtures fixtures) {
        assertThat(fixtures.load("fixtures/empty-object.json")).isZero();
    }
}
