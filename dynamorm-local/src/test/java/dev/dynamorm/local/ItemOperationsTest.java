package dev.dynamorm.local;

import static dev.dynamorm.local.Fixtures.b;
import static dev.dynamorm.local.Fixtures.item;
import static dev.dynamorm.local.Fixtures.l;
import static dev.dynamorm.local.Fixtures.m;
import static dev.dynamorm.local.Fixtures.n;
import static dev.dynamorm.local.Fixtures.ns;
import static dev.dynamorm.local.Fixtures.s;
import static dev.dynamorm.local.Fixtures.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class ItemOperationsTest {
    private static LocalDynamoDb db;
    private static DynamoDbClient client;
    private static String table;

    @BeforeAll
    static void start() {
        db = LocalDynamoDb.start();
        client = db.client();
        table = Fixtures.hashTable(client);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static Map<String, AttributeValue> get(String pk) {
        return client.getItem(r -> r.tableName(table).key(item("pk", s(pk))).consistentRead(true))
                .item();
    }

    @Test
    void putGetDeleteRoundTripAllTypes() {
        Map<String, AttributeValue> it =
                item(
                        "pk",
                        s("all"),
                        "s",
                        s(""),
                        "n",
                        n("-0.50"),
                        "b",
                        b(1, 2, 255),
                        "bool",
                        Fixtures.bool(true),
                        "null",
                        AttributeValue.fromNul(true),
                        "ss",
                        ss("x", "y"),
                        "ns",
                        ns("1", "2.0"),
                        "bs",
                        AttributeValue.fromBs(java.util.List.of(b(1).b(), b(2).b())),
                        "l",
                        l(s("a"), n(1)),
                        "m",
                        m("inner", m("deep", s("v"))));
        client.putItem(r -> r.tableName(table).item(it));
        Map<String, AttributeValue> got = get("all");
        assertThat(got.get("s").s()).isEmpty();
        assertThat(got.get("n").n()).isEqualTo("-0.5");
        assertThat(got.get("b")).isEqualTo(b(1, 2, 255));
        assertThat(got.get("ns").ns()).containsExactlyInAnyOrder("1", "2");
        assertThat(got.get("m").m().get("inner").m().get("deep").s()).isEqualTo("v");
        assertThat(got.get("null").nul()).isTrue();
        var deleted =
                client.deleteItem(
                        r ->
                                r.tableName(table)
                                        .key(item("pk", s("all")))
                                        .returnValues(ReturnValue.ALL_OLD));
        assertThat(deleted.attributes()).containsEntry("pk", s("all"));
        assertThat(client.getItem(r -> r.tableName(table).key(item("pk", s("all")))).hasItem())
                .isFalse();
    }

    @Test
    void numbersAreNormalised() {
        client.putItem(
                r ->
                        r.tableName(table)
                                .item(
                                        item(
                                                "pk",
                                                s("num"),
                                                "a",
                                                n("1.0"),
                                                "b",
                                                n("-0"),
                                                "c",
                                                n("1E+3"),
                                                "d",
                                                n("0.000100"),
                                                "e",
                                                n("12345678901234567890123456789012345678"))));
        Map<String, AttributeValue> got = get("num");
        assertThat(got.get("a").n()).isEqualTo("1");
        assertThat(got.get("b").n()).isEqualTo("0");
        assertThat(got.get("c").n()).isEqualTo("1000");
        assertThat(got.get("d").n()).isEqualTo("0.0001");
        assertThat(got.get("e").n()).isEqualTo("12345678901234567890123456789012345678");
        assertThatThrownBy(
                        () ->
                                client.putItem(
                                        r ->
                                                r.tableName(table)
                                                        .item(
                                                                item(
                                                                        "pk",
                                                                        s("x"),
                                                                        "a",
                                                                        n(
                                                                                "123456789012345678901234567890123456789")))))
                .hasMessageContaining(
                        "Attempting to store more than 38 significant digits in a Number");
        assertThatThrownBy(
                        () ->
                                client.putItem(
                                        r ->
                                                r.tableName(table)
                                                        .item(
                                                                item(
                                                                        "pk",
                                                                        s("x"),
                                                                        "a",
                                                                        n("1E+126")))))
                .hasMessageContaining("Number overflow");
        assertThatThrownBy(
                        () ->
                                client.putItem(
                                        r ->
                                                r.tableName(table)
                                                        .item(
                                                                item(
                                                                        "pk",
                                                                        s("x"),
                                                                        "a",
                                                                        n("1E-131")))))
                .hasMessageContaining("Number underflow");
        assertThatThrownBy(
                        () ->
                                client.putItem(
                                        r ->
                                                r.tableName(table)
                                                        .item(item("pk", s("x"), "a", n("abc")))))
                .hasMessageContaining("The parameter cannot be converted to a numeric value");
    }

    @Test
    void setsRejectEmptyAndDuplicates() {
        assertThatThrownBy(
                        () ->
                                client.putItem(
                                        r ->
                                                r.tableName(table)
                                                        .item(item("pk", s("x"), "a", ss()))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("may not be empty");
        assertThatThrownBy(
                        () ->
                                client.putItem(
                                        r ->
                                                r.tableName(table)
                                                        .item(
                                                                item(
                                                                        "pk",
                                                                        s("x"),
                                                                        "a",
                                                                        ss("q", "q")))))
                .hasMessageContaining("contains duplicates");
        assertThatThrownBy(
                        () ->
                                client.putItem(
                                        r ->
                                                r.tableName(table)
                                                        .item(
                                                                item(
                                                                        "pk",
                                                                        s("x"),
                                                                        "a",
                                                                        ns("1", "1.0")))))
                .hasMessageContaining("contains duplicates");
    }

    @Test
    void keyValidation() {
        assertThatThrownBy(() -> client.putItem(r -> r.tableName(table).item(item("pk", s("")))))
                .hasMessageContaining(
                        "The AttributeValue for a key attribute cannot contain an empty string value. Key: pk");
        assertThatThrownBy(
                        () -> client.putItem(r -> r.tableName(table).item(item("other", s("a")))))
                .hasMessageContaining("Missing the key pk in the item");
        assertThatThrownBy(() -> client.putItem(r -> r.tableName(table).item(item("pk", n(1)))))
                .hasMessageContaining("Type mismatch for key pk expected: S actual: N");
        assertThatThrownBy(() -> client.getItem(r -> r.tableName(table).key(item("pk", n(1)))))
                .hasMessageContaining("The provided key element does not match the schema");
        assertThatThrownBy(
                        () ->
                                client.getItem(
                                        r ->
                                                r.tableName(table)
                                                        .key(item("pk", s("a"), "x", s("b")))))
                .hasMessageContaining("The provided key element does not match the schema");
    }

    @Test
    void itemSizeLimit() {
        String big = "x".repeat(400 * 1024);
        assertThatThrownBy(
                        () ->
                                client.putItem(
                                        r ->
                                                r.tableName(table)
                                                        .item(
                                                                item(
                                                                        "pk", s("big"), "data",
                                                                        s(big)))))
                .hasMessageContaining("Item size has exceeded the maximum allowed size");
        client.putItem(
                r ->
                        r.tableName(table)
                                .item(item("pk", s("big"), "data", s("x".repeat(399 * 1024)))));
    }

    @Test
    void conditionalPutAndReturnOldOnFailure() {
        client.putItem(r -> r.tableName(table).item(item("pk", s("cond"), "v", n(1))));
        assertThatThrownBy(
                        () ->
                                client.putItem(
                                        r ->
                                                r.tableName(table)
                                                        .item(item("pk", s("cond"), "v", n(2)))
                                                        .conditionExpression(
                                                                "attribute_not_exists(pk)")))
                .isInstanceOf(ConditionalCheckFailedException.class)
                .hasMessageContaining("The conditional request failed")
                .satisfies(e -> assertThat(((ConditionalCheckFailedException) e).item()).isEmpty());
        assertThatThrownBy(
                        () ->
                                client.putItem(
                                        r ->
                                                r.tableName(table)
                                                        .item(item("pk", s("cond"), "v", n(2)))
                                                        .conditionExpression("v = :two")
                                                        .expressionAttributeValues(
                                                                item(":two", n(2)))
                                                        .returnValuesOnConditionCheckFailure(
                                                                ReturnValuesOnConditionCheckFailure
                                                                        .ALL_OLD)))
                .isInstanceOfSatisfying(
                        ConditionalCheckFailedException.class,
                        e -> assertThat(e.item()).containsEntry("v", n(1)));
        client.putItem(
                r ->
                        r.tableName(table)
                                .item(item("pk", s("cond"), "v", n(3)))
                                .conditionExpression("v = :one")
                                .expressionAttributeValues(item(":one", n(1))));
        assertThat(get("cond").get("v")).isEqualTo(n(3));
        assertThatThrownBy(
                        () ->
                                client.deleteItem(
                                        r ->
                                                r.tableName(table)
                                                        .key(item("pk", s("cond")))
                                                        .conditionExpression("v > :v")
                                                        .expressionAttributeValues(
                                                                item(":v", n(10)))))
                .isInstanceOf(ConditionalCheckFailedException.class);
    }

    @Test
    void returnValuesValidation() {
        assertThatThrownBy(
                        () ->
                                client.putItem(
                                        r ->
                                                r.tableName(table)
                                                        .item(item("pk", s("rv")))
                                                        .returnValues(ReturnValue.ALL_NEW)))
                .hasMessageContaining("ReturnValues can only be ALL_OLD or NONE");
    }

    @Test
    void placeholderErrors() {
        client.putItem(r -> r.tableName(table).item(item("pk", s("ph"))));
        assertThatThrownBy(
                        () ->
                                client.putItem(
                                        r ->
                                                r.tableName(table)
                                                        .item(item("pk", s("ph")))
                                                        .conditionExpression("attribute_exists(pk)")
                                                        .expressionAttributeValues(
                                                                item(":unused", n(1)))))
                .hasMessageContaining(
                        "Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}");
        assertThatThrownBy(
                        () ->
                                client.putItem(
                                        r ->
                                                r.tableName(table)
                                                        .item(item("pk", s("ph")))
                                                        .conditionExpression("attribute_exists(pk)")
                                                        .expressionAttributeNames(
                                                                Map.of("#u", "x"))))
                .hasMessageContaining(
                        "Value provided in ExpressionAttributeNames unused in expressions: keys: {#u}");
        assertThatThrownBy(
                        () ->
                                client.putItem(
                                        r ->
                                                r.tableName(table)
                                                        .item(item("pk", s("ph")))
                                                        .conditionExpression("v = :missing")))
                .hasMessageContaining(
                        "An expression attribute value used in expression is not defined; attribute value: :missing");
        assertThatThrownBy(
                        () ->
                                client.putItem(
                                        r ->
                                                r.tableName(table)
                                                        .item(item("pk", s("ph")))
                                                        .conditionExpression(
                                                                "attribute_exists(#missing)")))
                .hasMessageContaining(
                        "An expression attribute name used in the document path is not defined; attribute name: #missing");
        assertThatThrownBy(
                        () ->
                                client.putItem(
                                        r ->
                                                r.tableName(table)
                                                        .item(item("pk", s("ph")))
                                                        .conditionExpression(
                                                                "attribute_exists(status)")))
                .hasMessageContaining(
                        "Attribute name is a reserved keyword; reserved keyword: status");
        assertThatThrownBy(
                        () ->
                                client.putItem(
                                        r ->
                                                r.tableName(table)
                                                        .item(item("pk", s("ph")))
                                                        .conditionExpression("a = = b")))
                .hasMessageContaining("Invalid ConditionExpression: Syntax error; token: \"=\"");
        assertThatThrownBy(
                        () ->
                                client.putItem(
                                        r ->
                                                r.tableName(table)
                                                        .item(item("pk", s("ph")))
                                                        .conditionExpression("attribute_exists(pk)")
                                                        .expressionAttributeValues(
                                                                item("v", n(1)))))
                .hasMessageContaining(
                        "ExpressionAttributeValues contains invalid key: Syntax error; key: \"v\"");
        assertThatThrownBy(
                        () ->
                                client.putItem(
                                        r ->
                                                r.tableName(table)
                                                        .item(item("pk", s("ph")))
                                                        .conditionExpression("attribute_exists(pk)")
                                                        .expressionAttributeValues(Map.of())))
                .hasMessageContaining("ExpressionAttributeValues must not be empty");
    }

    @Test
    void projectionExpressionOnGetItem() {
        client.putItem(
                r ->
                        r.tableName(table)
                                .item(
                                        item(
                                                "pk",
                                                s("proj"),
                                                "a",
                                                s("1"),
                                                "b",
                                                s("2"),
                                                "m",
                                                m("x", n(1), "y", n(2)),
                                                "l",
                                                l(s("l0"), s("l1"), s("l2")))));
        var got =
                client.getItem(
                                r ->
                                        r.tableName(table)
                                                .key(item("pk", s("proj")))
                                                .projectionExpression("a, m.y, #l[2], #l[0]")
                                                .expressionAttributeNames(Map.of("#l", "l")))
                        .item();
        assertThat(got).containsOnlyKeys("a", "m", "l");
        assertThat(got.get("m")).isEqualTo(m("y", n(2)));
        assertThat(got.get("l")).isEqualTo(l(s("l0"), s("l2")));
    }

    @Test
    void consumedCapacity() {
        var put =
                client.putItem(
                        r ->
                                r.tableName(table)
                                        .item(item("pk", s("cap"), "d", s("x".repeat(3000))))
                                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(put.consumedCapacity().tableName()).isEqualTo(table);
        assertThat(put.consumedCapacity().capacityUnits()).isEqualTo(3.0);
        var get =
                client.getItem(
                        r ->
                                r.tableName(table)
                                        .key(item("pk", s("cap")))
                                        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
        assertThat(get.consumedCapacity().capacityUnits()).isEqualTo(0.5);
        assertThat(get.consumedCapacity().table().capacityUnits()).isEqualTo(0.5);
        var strong =
                client.getItem(
                        r ->
                                r.tableName(table)
                                        .key(item("pk", s("cap")))
                                        .consistentRead(true)
                                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(strong.consumedCapacity().capacityUnits()).isEqualTo(1.0);
    }

    @Test
    void numericKeysCompareByValue() {
        String t = Fixtures.table(client, ScalarAttributeType.N, null);
        client.putItem(r -> r.tableName(t).item(item("pk", n("10.0"), "v", s("ten"))));
        assertThat(
                        client.getItem(r -> r.tableName(t).key(item("pk", n("1E1"))))
                                .item()
                                .get("v")
                                .s())
                .isEqualTo("ten");
    }
}
