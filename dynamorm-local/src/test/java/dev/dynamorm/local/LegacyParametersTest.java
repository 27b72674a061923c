package dev.dynamorm.local;

import static dev.dynamorm.local.Fixtures.item;
import static dev.dynamorm.local.Fixtures.l;
import static dev.dynamorm.local.Fixtures.n;
import static dev.dynamorm.local.Fixtures.s;
import static dev.dynamorm.local.Fixtures.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalOperator;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The legacy parameters (Expected, AttributeUpdates, AttributesToGet, KeyConditions, QueryFilter,
 * ScanFilter, ConditionalOperator) through the SDK, and the rule against mixing them with
 * expressions.
 */
class LegacyParametersTest {
    private static LocalDynamoDb db;
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        db = LocalDynamoDb.start();
        client = db.client();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static Condition cond(ComparisonOperator op, AttributeValue... values) {
        return Condition.builder().comparisonOperator(op).attributeValueList(values).build();
    }

    private static String rangeTableWithItems() {
        String t = Fixtures.table(client, ScalarAttributeType.S, ScalarAttributeType.N);
        client.putItem(
                r ->
                        r.tableName(t)
                                .item(
                                        item(
                                                "pk",
                                                s("h"),
                                                "sk",
                                                n(1),
                                                "s",
                                                s("hello"),
                                                "n",
                                                n(3),
                                                "tags",
                                                ss("x", "y"))));
        client.putItem(
                r ->
                        r.tableName(t)
                                .item(item("pk", s("h"), "sk", n(2), "s", s("world"), "n", n(7))));
        client.putItem(r -> r.tableName(t).item(item("pk", s("h"), "sk", n(3))));
        client.putItem(r -> r.tableName(t).item(item("pk", s("other"), "sk", n(1), "n", n(7))));
        return t;
    }

    private static List<String> sortKeys(List<Map<String, AttributeValue>> items) {
        return items.stream().map(i -> i.get("sk").n()).toList();
    }

    @Test
    void expectedExistsFalse_guardsPutItem() {
        String t = Fixtures.hashTable(client);
        Map<String, ExpectedAttributeValue> absent =
                Map.of("pk", ExpectedAttributeValue.builder().exists(false).build());
        client.putItem(r -> r.tableName(t).item(item("pk", s("a"), "v", n(1))).expected(absent));
        assertThatThrownBy(
                        () ->
                                client.putItem(
                                        r ->
                                                r.tableName(t)
                                                        .item(item("pk", s("a"), "v", n(2)))
                                                        .expected(absent)))
                .isInstanceOf(ConditionalCheckFailedException.class)
                .hasMessageStartingWith("The conditional request failed");
        assertThat(client.getItem(r -> r.tableName(t).key(item("pk", s("a")))).item().get("v"))
                .isEqualTo(n(1));
    }

    @Test
    void expectedValueAndOperators_joinedByConditionalOperator() {
        String t = Fixtures.hashTable(client);
        client.putItem(r -> r.tableName(t).item(item("pk", s("a"), "v", n(5), "s", s("abc"))));
        Map<String, ExpectedAttributeValue> either =
                Map.of(
                        "v",
                        ExpectedAttributeValue.builder().value(n(4)).build(),
                        "s",
                        ExpectedAttributeValue.builder()
                                .comparisonOperator(ComparisonOperator.BEGINS_WITH)
                                .attributeValueList(s("ab"))
                                .build());
        client.deleteItem(
                r ->
                        r.tableName(t)
                                .key(item("pk", s("a")))
                                .expected(either)
                                .conditionalOperator(ConditionalOperator.OR));
        assertThat(client.getItem(r -> r.tableName(t).key(item("pk", s("a")))).hasItem()).isFalse();

        client.putItem(r -> r.tableName(t).item(item("pk", s("b"), "v", n(5), "s", s("abc"))));
        assertThatThrownBy(
                        () ->
                                client.deleteItem(
                                        r ->
                                                r.tableName(t)
                                                        .key(item("pk", s("b")))
                                                        .expected(either)))
                .isInstanceOf(ConditionalCheckFailedException.class);
        Map<String, ExpectedAttributeValue> between =
                Map.of(
                        "v",
                        ExpectedAttributeValue.builder()
                                .comparisonOperator(ComparisonOperator.BETWEEN)
                                .attributeValueList(n(1), n(5))
                                .build());
        client.deleteItem(r -> r.tableName(t).key(item("pk", s("b"))).expected(between));
        assertThat(client.getItem(r -> r.tableName(t).key(item("pk", s("b")))).hasItem()).isFalse();
    }

    @Test
    void expectedIsValidatedAsDynamoDbDoes() {
        String t = Fixtures.hashTable(client);
        assertThatThrownBy(
                        () ->
                                client.putItem(
                                        r ->
                                                r.tableName(t)
                                                        .item(item("pk", s("a")))
                                                        .expected(
                                                                Map.of(
                                                                        "pk",
                                                                        ExpectedAttributeValue
                                                                                .builder()
                                                                                .exists(true)
                                                                                .build()))))
                .hasMessageStartingWith(
                        "One or more parameter values were invalid: Value must be provided when Exists is true for Attribute: pk");
        assertThatThrownBy(
                        () ->
                                client.putItem(
                                        r ->
                                                r.tableName(t)
                                                        .item(item("pk", s("a")))
                                                        .expected(
                                                                Map.of(
                                                                        "v",
                                                                        ExpectedAttributeValue
                                                                                .builder()
                                                                                .comparisonOperator(
                                                                                        ComparisonOperator
                                                                                                .BETWEEN)
                                                                                .attributeValueList(
                                                                                        n(1))
                                                                                .build()))))
                .hasMessageStartingWith(
                        "One or more parameter values were invalid: Invalid number of argument(s) for the BETWEEN ComparisonOperator");
    }

    @Test
    void attributeUpdates_putAddDelete() {
        String t = Fixtures.hashTable(client);
        Map<String, AttributeValueUpdate> first =
                Map.of(
                        "name", AttributeValueUpdate.builder().value(s("x")).build(),
                        "count",
                                AttributeValueUpdate.builder()
                                        .action(AttributeAction.ADD)
                                        .value(n(2))
                                        .build(),
                        "tags",
                                AttributeValueUpdate.builder()
                                        .action(AttributeAction.ADD)
                                        .value(ss("p", "q"))
                                        .build(),
                        "log",
                                AttributeValueUpdate.builder()
                                        .action(AttributeAction.ADD)
                                        .value(l(s("e")))
                                        .build());
        Map<String, AttributeValue> created =
                client.updateItem(
                                r ->
                                        r.tableName(t)
                                                .key(item("pk", s("u")))
                                                .attributeUpdates(first)
                                                .returnValues(ReturnValue.ALL_NEW))
                        .attributes();
        assertThat(created)
                .isEqualTo(
                        item(
                                "pk",
                                s("u"),
                                "name",
                                s("x"),
                                "count",
                                n(2),
                                "tags",
                                ss("p", "q"),
                                "log",
                                l(s("e"))));

        Map<String, AttributeValueUpdate> second =
                Map.of(
                        "name",
                                AttributeValueUpdate.builder()
                                        .action(AttributeAction.DELETE)
                                        .build(),
                        "count",
                                AttributeValueUpdate.builder()
                                        .action(AttributeAction.ADD)
                                        .value(n(3))
                                        .build(),
                        "tags",
                                AttributeValueUpdate.builder()
                                        .action(AttributeAction.DELETE)
                                        .value(ss("p"))
                                        .build(),
                        "log",
                                AttributeValueUpdate.builder()
                                        .action(AttributeAction.ADD)
                                        .value(l(s("f")))
                                        .build());
        Map<String, AttributeValue> updated =
                client.updateItem(
                                r ->
                                        r.tableName(t)
                                                .key(item("pk", s("u")))
                                                .attributeUpdates(second)
                                                .returnValues(ReturnValue.UPDATED_NEW))
                        .attributes();
        assertThat(updated)
                .isEqualTo(item("count", n(5), "tags", ss("q"), "log", l(s("e"), s("f"))));
        assertThat(client.getItem(r -> r.tableName(t).key(item("pk", s("u")))).item())
                .doesNotContainKey("name");
    }

    @Test
    void attributeUpdates_errorsInTheLegacyWording() {
        String t = Fixtures.hashTable(client);
        client.putItem(r -> r.tableName(t).item(item("pk", s("u"), "s", s("text"))));
        assertThatThrownBy(
                        () ->
                                client.updateItem(
                                        r ->
                                                r.tableName(t)
                                                        .key(item("pk", s("u")))
                                                        .attributeUpdates(
                                                                Map.of(
                                                                        "s",
                                                                        AttributeValueUpdate
                                                                                .builder()
                                                                                .action(
                                                                                        AttributeAction
                                                                                                .ADD)
                                                                                .value(n(1))
                                                                                .build()))))
                .hasMessageStartingWith("Type mismatch for attribute to update");
        assertThatThrownBy(
                        () ->
                                client.updateItem(
                                        r ->
                                                r.tableName(t)
                                                        .key(item("pk", s("u")))
                                                        .attributeUpdates(
                                                                Map.of(
                                                                        "pk",
                                                                        AttributeValueUpdate
                                                                                .builder()
                                                                                .value(s("v"))
                                                                                .build()))))
                .hasMessageStartingWith(
                        "One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key");
        assertThatThrownBy(
                        () ->
                                client.updateItem(
                                        r ->
                                                r.tableName(t)
                                                        .key(item("pk", s("u")))
                                                        .attributeUpdates(
                                                                Map.of(
                                                                        "s",
                                                                        AttributeValueUpdate
                                                                                .builder()
                                                                                .action(
                                                                                        AttributeAction
                                                                                                .ADD)
                                                                                .value(s("x"))
                                                                                .build()))))
                .hasMessageStartingWith(
                        "One or more parameter values were invalid: ADD action is not supported for the type S");
        assertThat(client.getItem(r -> r.tableName(t).key(item("pk", s("u")))).item().get("s"))
                .isEqualTo(s("text"));
    }

    @Test
    // the SDK builders' generic varargs (Consumer<Builder>..., Map<...>...)
    @SuppressWarnings("unchecked")
    void attributesToGet_projectsGetItemAndBatchGetItem() {
        String t = Fixtures.hashTable(client);
        client.putItem(r -> r.tableName(t).item(item("pk", s("a"), "x", n(1), "y", n(2))));
        assertThat(
                        client.getItem(
                                        r ->
                                                r.tableName(t)
                                                        .key(item("pk", s("a")))
                                                        .attributesToGet("y", "missing"))
                                .item())
                .isEqualTo(item("y", n(2)));
        assertThat(
                        client.batchGetItem(
                                        r ->
                                                r.requestItems(
                                                        Map.of(
                                                                t,
                                                                KeysAndAttributes.builder()
                                                                        .keys(item("pk", s("a")))
                                                                        .attributesToGet("x")
                                                                        .build())))
                                .responses()
                                .get(t))
                .containsExactly(item("x", n(1)));
        assertThatThrownBy(
                        () ->
                                client.getItem(
                                        r ->
                                                r.tableName(t)
                                                        .key(item("pk", s("a")))
                                                        .attributesToGet("x", "x")))
                .hasMessageStartingWith(
                        "One or more parameter values were invalid: Duplicate value in attribute name: x");
    }

    @Test
    void keyConditionsQueryFilterAndAttributesToGet_query() {
        String t = rangeTableWithItems();
        var page =
                client.query(
                        r ->
                                r.tableName(t)
                                        .keyConditions(
                                                Map.of(
                                                        "pk",
                                                        cond(ComparisonOperator.EQ, s("h")),
                                                        "sk",
                                                        cond(
                                                                ComparisonOperator.BETWEEN,
                                                                n(1),
                                                                n(2))))
                                        .scanIndexForward(false)
                                        .attributesToGet("sk", "n"));
        assertThat(page.items())
                .containsExactly(item("sk", n(2), "n", n(7)), item("sk", n(1), "n", n(3)));

        var filtered =
                client.query(
                        r ->
                                r.tableName(t)
                                        .keyConditions(
                                                Map.of("pk", cond(ComparisonOperator.EQ, s("h"))))
                                        .queryFilter(
                                                Map.of(
                                                        "s",
                                                        cond(
                                                                ComparisonOperator.NOT_CONTAINS,
                                                                s("ell")))));
        assertThat(sortKeys(filtered.items())).containsExactly("2", "3");
        assertThat(filtered.scannedCount()).isEqualTo(3);
    }

    @Test
    void keyConditionsAndQueryFilter_refusedInTheLegacyWording() {
        String t = rangeTableWithItems();
        assertThatThrownBy(
                        () ->
                                client.query(
                                        r ->
                                                r.tableName(t)
                                                        .keyConditions(
                                                                Map.of(
                                                                        "pk",
                                                                        cond(
                                                                                ComparisonOperator
                                                                                        .EQ,
                                                                                s("h")),
                                                                        "sk",
                                                                        cond(
                                                                                ComparisonOperator
                                                                                        .NE,
                                                                                n(1))))))
                .hasMessageStartingWith(
                        "Attempted conditional constraint is not an indexable operation");
        assertThatThrownBy(
                        () ->
                                client.query(
                                        r ->
                                                r.tableName(t)
                                                        .keyConditions(
                                                                Map.of(
                                                                        "sk",
                                                                        cond(
                                                                                ComparisonOperator
                                                                                        .EQ,
                                                                                n(1))))))
                .hasMessageStartingWith("Query condition missed key schema element: pk");
        assertThatThrownBy(
                        () ->
                                client.query(
                                        r ->
                                                r.tableName(t)
                                                        .keyConditions(
                                                                Map.of(
                                                                        "pk",
                                                                        cond(
                                                                                ComparisonOperator
                                                                                        .EQ,
                                                                                s("h"))))
                                                        .queryFilter(
                                                                Map.of(
                                                                        "sk",
                                                                        cond(
                                                                                ComparisonOperator
                                                                                        .EQ,
                                                                                n(1))))))
                .hasMessageStartingWith(
                        "QueryFilter can only contain non-primary key attributes: Primary key attribute: sk");
        assertThatThrownBy(
                        () ->
                                client.query(
                                        r ->
                                                r.tableName(t)
                                                        .keyConditions(
                                                                Map.of(
                                                                        "pk",
                                                                        cond(
                                                                                ComparisonOperator
                                                                                        .EQ,
                                                                                s("h"))))
                                                        .queryFilter(
                                                                Map.of(
                                                                        "s",
                                                                        cond(
                                                                                ComparisonOperator
                                                                                        .CONTAINS,
                                                                                ss("a"))))))
                .hasMessageStartingWith(
                        "One or more parameter values were invalid: ComparisonOperator CONTAINS is not valid for SS AttributeValue type");
    }

    @Test
    void scanFilter_withConditionalOperatorOr() {
        String t = rangeTableWithItems();
        var page =
                client.scan(
                        r ->
                                r.tableName(t)
                                        .scanFilter(
                                                Map.of(
                                                        "tags",
                                                        cond(ComparisonOperator.CONTAINS, s("x")),
                                                        "n",
                                                        cond(ComparisonOperator.IN, n(7), n(8))))
                                        .conditionalOperator(ConditionalOperator.OR)
                                        .attributesToGet("pk", "sk"));
        assertThat(page.items())
                .containsExactlyInAnyOrder(
                        item("pk", s("h"), "sk", n(1)),
                        item("pk", s("h"), "sk", n(2)),
                        item("pk", s("other"), "sk", n(1)));
        var nulls =
                client.scan(
                        r -> r.tableName(t).scanFilter(Map.of("n", cond(ComparisonOperator.NULL))));
        assertThat(sortKeys(nulls.items())).containsExactly("3");
    }

    @Test
    void mixingLegacyAndExpressionParameters_isRefused() {
        String t = rangeTableWithItems();
        assertThatThrownBy(
                        () ->
                                client.getItem(
                                        r ->
                                                r.tableName(t)
                                                        .key(item("pk", s("h"), "sk", n(1)))
                                                        .attributesToGet("n")
                                                        .projectionExpression("s")))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith(
                        "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}");
        assertThatThrownBy(
                        () ->
                                client.query(
                                        r ->
                                                r.tableName(t)
                                                        .keyConditions(
                                                                Map.of(
                                                                        "pk",
                                                                        cond(
                                                                                ComparisonOperator
                                                                                        .EQ,
                                                                                s("h"))))
                                                        .queryFilter(
                                                                Map.of(
                                                                        "n",
                                                                        cond(
                                                                                ComparisonOperator
                                                                                        .NULL)))
                                                        .conditionalOperator(ConditionalOperator.OR)
                                                        .filterExpression("attribute_exists(n)")))
                .hasMessageStartingWith(
                        "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {QueryFilter, ConditionalOperator, KeyConditions} Expression parameters: {FilterExpression}");
        assertThatThrownBy(
                        () ->
                                client.updateItem(
                                        r ->
                                                r.tableName(t)
                                                        .key(item("pk", s("h"), "sk", n(1)))
                                                        .attributeUpdates(
                                                                Map.of(
                                                                        "n",
                                                                        AttributeValueUpdate
                                                                                .builder()
                                                                                .action(
                                                                                        AttributeAction
                                                                                                .DELETE)
                                                                                .build()))
                                                        .conditionExpression(
                                                                "attribute_exists(n)")))
                .hasMessageStartingWith(
                        "1 validation error detected: Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributeUpdates} Expression parameters: {ConditionExpression}");
        assertThatThrownBy(
                        () ->
                                client.deleteItem(
                                        r ->
                                                r.tableName(t)
                                                        .key(item("pk", s("h"), "sk", n(1)))
                                                        .expected(
                                                                Map.of(
                                                                        "n",
                                                                        ExpectedAttributeValue
                                                                                .builder()
                                                                                .exists(false)
                                                                                .build()))
                                                        .conditionExpression(
                                                                "attribute_exists(n)")))
                .hasMessageStartingWith(
                        "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}");
        assertThat(
                        client.getItem(r -> r.tableName(t).key(item("pk", s("h"), "sk", n(1))))
                                .item()
                                .get("n"))
                .isEqualTo(n(3));
    }
}
