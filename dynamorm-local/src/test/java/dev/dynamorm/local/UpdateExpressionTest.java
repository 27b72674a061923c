package dev.dynamorm.local;

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
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

class UpdateExpressionTest {
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

    private static UpdateItemResponse update(
            String pk, String expr, Map<String, AttributeValue> values, ReturnValue rv) {
        return client.updateItem(
                r ->
                        r.tableName(table)
                                .key(item("pk", s(pk)))
                                .updateExpression(expr)
                                .expressionAttributeValues(values)
                                .returnValues(rv));
    }

    private static Map<String, AttributeValue> get(String pk) {
        return client.getItem(r -> r.tableName(table).key(item("pk", s(pk)))).item();
    }

    @Test
    void setCreatesItemAndReturnsAllNew() {
        var r =
                update(
                        "set1",
                        "SET a = :a, b = :b",
                        item(":a", s("x"), ":b", n(2)),
                        ReturnValue.ALL_NEW);
        assertThat(r.attributes()).isEqualTo(item("pk", s("set1"), "a", s("x"), "b", n(2)));
    }

    @Test
    void arithmeticAndIfNotExists() {
        update(
                "ctr",
                "SET c = if_not_exists(c, :zero) + :one",
                item(":zero", n(0), ":one", n(1)),
                ReturnValue.NONE);
        update(
                "ctr",
                "SET c = if_not_exists(c, :zero) + :one",
                item(":zero", n(0), ":one", n(1)),
                ReturnValue.NONE);
        var r =
                update(
                        "ctr",
                        "SET c = c - :half, d = :ten - c",
                        item(":half", n("0.5"), ":ten", n(10)),
                        ReturnValue.UPDATED_NEW);
        assertThat(r.attributes()).isEqualTo(item("c", n("1.5"), "d", n(8)));
        assertThatThrownBy(
                        () ->
                                update(
                                        "ctr",
                                        "SET e = absent + :one",
                                        item(":one", n(1)),
                                        ReturnValue.NONE))
                .hasMessageContaining(
                        "The provided expression refers to an attribute that does not exist in the item");
        assertThatThrownBy(
                        () ->
                                update(
                                        "ctr",
                                        "SET e = :s + :one",
                                        item(":s", s("x"), ":one", n(1)),
                                        ReturnValue.NONE))
                .hasMessageContaining(
                        "Incorrect operand type for operator or function; operator or function: +, operand type: S");
        update("ctr", "SET s = :s", item(":s", s("x")), ReturnValue.NONE);
        assertThatThrownBy(
                        () ->
                                update(
                                        "ctr",
                                        "SET e = s + :one",
                                        item(":one", n(1)),
                                        ReturnValue.NONE))
                .hasMessageContaining(
                        "An operand in the update expression has an incorrect data type");
    }

    @Test
    void listAppendAndListIndexes() {
        update("list", "SET l = :l", item(":l", l(s("a"), s("b"))), ReturnValue.NONE);
        update(
                "list",
                "SET l = list_append(l, :more)",
                item(":more", l(s("c"), s("d"))),
                ReturnValue.NONE);
        update(
                "list",
                "SET l = list_append(:front, l)",
                item(":front", l(s("z"))),
                ReturnValue.NONE);
        assertThat(get("list").get("l")).isEqualTo(l(s("z"), s("a"), s("b"), s("c"), s("d")));
        update(
                "list",
                "SET l[1] = :x, l[99] = :y",
                item(":x", s("A"), ":y", s("end")),
                ReturnValue.NONE);
        assertThat(get("list").get("l"))
                .isEqualTo(l(s("z"), s("A"), s("b"), s("c"), s("d"), s("end")));
        client.updateItem(
                r ->
                        r.tableName(table)
                                .key(item("pk", s("list")))
                                .updateExpression("REMOVE l[0], l[2]"));
        assertThat(get("list").get("l")).isEqualTo(l(s("A"), s("c"), s("d"), s("end")));
    }

    @Test
    void nestedMapsAndRemove() {
        update(
                "nest",
                "SET m = :m",
                item(":m", m("a", m("b", n(1)), "keep", s("k"))),
                ReturnValue.NONE);
        var r =
                client.updateItem(
                        x ->
                                x.tableName(table)
                                        .key(item("pk", s("nest")))
                                        .updateExpression("SET #m.#a.c = :c REMOVE #m.keep")
                                        .expressionAttributeNames(Map.of("#m", "m", "#a", "a"))
                                        .expressionAttributeValues(item(":c", s("new")))
                                        .returnValues(ReturnValue.UPDATED_OLD));
        assertThat(r.attributes()).isEqualTo(item("m", m("keep", s("k"))));
        assertThat(get("nest").get("m")).isEqualTo(m("a", m("b", n(1), "c", s("new"))));
        assertThatThrownBy(
                        () ->
                                update(
                                        "nest",
                                        "SET m.nope.deeper = :v",
                                        item(":v", n(1)),
                                        ReturnValue.NONE))
                .hasMessageContaining(
                        "The document path provided in the update expression is invalid for update");
    }

    @Test
    void addAndDeleteOnSetsAndNumbers() {
        update(
                "sets",
                "ADD tags :t, n :five",
                item(":t", ss("a", "b"), ":five", n(5)),
                ReturnValue.NONE);
        update(
                "sets",
                "ADD tags :t, n :five",
                item(":t", ss("b", "c"), ":five", n(5)),
                ReturnValue.NONE);
        Map<String, AttributeValue> got = get("sets");
        assertThat(got.get("tags").ss()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(got.get("n")).isEqualTo(n(10));
        update("sets", "DELETE tags :t", item(":t", ss("a", "c", "zzz")), ReturnValue.NONE);
        assertThat(get("sets").get("tags").ss()).containsExactly("b");
        update("sets", "DELETE tags :t", item(":t", ss("b")), ReturnValue.NONE);
        assertThat(get("sets")).doesNotContainKey("tags");
        update("sets", "ADD nums :n", item(":n", ns("1", "2")), ReturnValue.NONE);
        assertThatThrownBy(
                        () -> update("sets", "ADD nums :s", item(":s", ss("x")), ReturnValue.NONE))
                .hasMessageContaining(
                        "An operand in the update expression has an incorrect data type");
        assertThatThrownBy(() -> update("sets", "ADD str :s", item(":s", s("x")), ReturnValue.NONE))
                .hasMessageContaining(
                        "Incorrect operand type for operator or function; operator: ADD, operand type: STRING");
    }

    @Test
    void returnValuesVariants() {
        update("rv", "SET a = :one, b = :one", item(":one", n(1)), ReturnValue.NONE);
        var old = update("rv", "SET a = :two", item(":two", n(2)), ReturnValue.ALL_OLD);
        assertThat(old.attributes()).isEqualTo(item("pk", s("rv"), "a", n(1), "b", n(1)));
        var updatedOld =
                update("rv", "SET a = :three", item(":three", n(3)), ReturnValue.UPDATED_OLD);
        assertThat(updatedOld.attributes()).isEqualTo(item("a", n(2)));
        var none = update("rv", "SET a = :four", item(":four", n(4)), ReturnValue.NONE);
        assertThat(none.hasAttributes()).isFalse();
    }

    @Test
    void invalidUpdates() {
        assertThatThrownBy(() -> update("bad", "SET pk = :v", item(":v", s("x")), ReturnValue.NONE))
                .hasMessageContaining(
                        "Cannot update attribute pk. This attribute is part of the key");
        assertThatThrownBy(
                        () ->
                                update(
                                        "bad",
                                        "SET a = :v, a.b = :v",
                                        item(":v", s("x")),
                                        ReturnValue.NONE))
                .hasMessageContaining("Two document paths overlap with each other");
        assertThatThrownBy(
                        () ->
                                update(
                                        "bad",
                                        "SET a = :v SET b = :v",
                                        item(":v", s("x")),
                                        ReturnValue.NONE))
                .hasMessageContaining(
                        "The \"SET\" section can only be used once in an update expression");
        assertThatThrownBy(
                        () ->
                                update(
                                        "bad",
                                        "SET a = size(b)",
                                        item(":v", s("x")),
                                        ReturnValue.NONE))
                .hasMessageContaining("Invalid UpdateExpression");
        assertThatThrownBy(() -> update("bad", "PUT a = :v", item(":v", s("x")), ReturnValue.NONE))
                .hasMessageContaining("Invalid UpdateExpression: Syntax error; token: \"PUT\"");
    }

    @Test
    void conditionalUpdate() {
        update("cu", "SET v = :one", item(":one", n(1)), ReturnValue.NONE);
        client.updateItem(
                r ->
                        r.tableName(table)
                                .key(item("pk", s("cu")))
                                .updateExpression("SET v = v + :one")
                                .conditionExpression("v = :one")
                                .expressionAttributeValues(item(":one", n(1))));
        assertThatThrownBy(
                        () ->
                                client.updateItem(
                                        r ->
                                                r.tableName(table)
                                                        .key(item("pk", s("cu")))
                                                        .updateExpression("SET v = v + :one")
                                                        .conditionExpression("v = :one")
                                                        .expressionAttributeValues(
                                                                item(":one", n(1)))))
                .isInstanceOf(
                        software.amazon.awssdk.services.dynamodb.model
                                .ConditionalCheckFailedException.class);
        assertThat(get("cu").get("v")).isEqualTo(n(2));
    }
}
