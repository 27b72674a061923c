package dev.dynamorm.local;

import static dev.dynamorm.local.Fixtures.item;
import static dev.dynamorm.local.Fixtures.n;
import static dev.dynamorm.local.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

class TransactionsTest {
    private static LocalDynamoDb db;
    private static DynamoDbClient client;
    private static String table;
    private static String other;

    @BeforeAll
    static void start() {
        db = LocalDynamoDb.start();
        client = db.client();
        table = Fixtures.hashTable(client);
        other = Fixtures.hashTable(client);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static TransactWriteItem put(String t, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(p -> p.tableName(t).item(item)).build();
    }

    private static Map<String, AttributeValue> get(String t, String pk) {
        return client.getItem(r -> r.tableName(t).key(item("pk", s(pk)))).item();
    }

    @Test
    void allActionsApplyTogether() {
        client.putItem(r -> r.tableName(table).item(item("pk", s("acct"), "balance", n(100))));
        client.putItem(r -> r.tableName(table).item(item("pk", s("gone"))));
        client.putItem(
                r -> r.tableName(other).item(item("pk", s("lock"), "open", Fixtures.bool(true))));
        client.transactWriteItems(
                r ->
                        r.transactItems(
                                put(table, item("pk", s("new"), "v", n(1))),
                                TransactWriteItem.builder()
                                        .update(
                                                u ->
                                                        u.tableName(table)
                                                                .key(item("pk", s("acct")))
                                                                .updateExpression(
                                                                        "SET balance = balance - :amt")
                                                                .conditionExpression(
                                                                        "balance >= :amt")
                                                                .expressionAttributeValues(
                                                                        item(":amt", n(30))))
                                        .build(),
                                TransactWriteItem.builder()
                                        .delete(d -> d.tableName(table).key(item("pk", s("gone"))))
                                        .build(),
                                TransactWriteItem.builder()
                                        .conditionCheck(
                                                c ->
                                                        c.tableName(other)
                                                                .key(item("pk", s("lock")))
                                                                .conditionExpression("#o = :t")
                                                                .expressionAttributeNames(
                                                                        Map.of("#o", "open"))
                                                                .expressionAttributeValues(
                                                                        item(
                                                                                ":t",
                                                                                Fixtures.bool(
                                                                                        true))))
                                        .build()));
        assertThat(get(table, "new")).containsEntry("v", n(1));
        assertThat(get(table, "acct")).containsEntry("balance", n(70));
        assertThat(get(table, "gone")).isEmpty();
        var read =
                client.transactGetItems(
                        r ->
                                r.transactItems(
                                        TransactGetItem.builder()
                                                .get(
                                                        g ->
                                                                g.tableName(table)
                                                                        .key(item("pk", s("acct")))
                                                                        .projectionExpression(
                                                                                "balance"))
                                                .build(),
                                        TransactGetItem.builder()
                                                .get(
                                                        g ->
                                                                g.tableName(table)
                                                                        .key(
                                                                                item(
                                                                                        "pk",
                                                                                        s(
                                                                                                "nobody"))))
                                                .build()));
        assertThat(read.responses().get(0).item()).isEqualTo(item("balance", n(70)));
        assertThat(read.responses().get(1).item()).isEmpty();
    }

    @Test
    void failedConditionCancelsEverything() {
        client.putItem(r -> r.tableName(table).item(item("pk", s("c1"), "v", n(1))));
        assertThatThrownBy(
                        () ->
                                client.transactWriteItems(
                                        r ->
                                                r.transactItems(
                                                        put(table, item("pk", s("c-new"))),
                                                        TransactWriteItem.builder()
                                                                .update(
                                                                        u ->
                                                                                u.tableName(table)
                                                                                        .key(
                                                                                                item(
                                                                                                        "pk",
                                                                                                        s(
                                                                                                                "c1")))
                                                                                        .updateExpression(
                                                                                                "SET v = :two")
                                                                                        .conditionExpression(
                                                                                                "v = :five")
                                                                                        .returnValuesOnConditionCheckFailure(
                                                                                                ReturnValuesOnConditionCheckFailure
                                                                                                        .ALL_OLD)
                                                                                        .expressionAttributeValues(
                                                                                                item(
                                                                                                        ":two",
                                                                                                        n(
                                                                                                                2),
                                                                                                        ":five",
                                                                                                        n(
                                                                                                                5))))
                                                                .build())))
                .isInstanceOfSatisfying(
                        TransactionCanceledException.class,
                        e -> {
                            assertThat(e.getMessage())
                                    .contains(
                                            "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]");
                            List<CancellationReason> reasons = e.cancellationReasons();
                            assertThat(reasons).hasSize(2);
                            assertThat(reasons.get(0).code()).isEqualTo("None");
                            assertThat(reasons.get(1).code()).isEqualTo("ConditionalCheckFailed");
                            assertThat(reasons.get(1).message())
                                    .isEqualTo("The conditional request failed");
                            assertThat(reasons.get(1).item()).containsEntry("v", n(1));
                        });
        assertThat(get(table, "c-new")).isEmpty();
        assertThat(get(table, "c1")).containsEntry("v", n(1));
    }

    @Test
    void validation() {
        assertThatThrownBy(
                        () ->
                                client.transactWriteItems(
                                        r ->
                                                r.transactItems(
                                                        put(table, item("pk", s("dup"))),
                                                        TransactWriteItem.builder()
                                                                .delete(
                                                                        d ->
                                                                                d.tableName(table)
                                                                                        .key(
                                                                                                item(
                                                                                                        "pk",
                                                                                                        s(
                                                                                                                "dup"))))
                                                                .build())))
                .hasMessageContaining(
                        "Transaction request cannot include multiple operations on one item");
        List<TransactWriteItem> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(put(table, item("pk", s("m" + i))));
        }
        assertThatThrownBy(() -> client.transactWriteItems(r -> r.transactItems(many)))
                .hasMessageContaining("Member must have length less than or equal to 100");
        List<TransactWriteItem> hundred = many.subList(0, 100);
        client.transactWriteItems(r -> r.transactItems(hundred));
        assertThat(get(table, "m99")).isNotEmpty();
    }

    @Test
    void clientRequestTokenIsIdempotent() {
        client.putItem(r -> r.tableName(table).item(item("pk", s("idem"), "n", n(0))));
        TransactWriteItem inc =
                TransactWriteItem.builder()
                        .update(
                                u ->
                                        u.tableName(table)
                                                .key(item("pk", s("idem")))
                                                .updateExpression("SET n = n + :one")
                                                .expressionAttributeValues(item(":one", n(1))))
                        .build();
        client.transactWriteItems(r -> r.clientRequestToken("token-1").transactItems(inc));
        client.transactWriteItems(r -> r.clientRequestToken("token-1").transactItems(inc));
        assertThat(get(table, "idem")).containsEntry("n", n(1));
        assertThatThrownBy(
                        () ->
                                client.transactWriteItems(
                                        r ->
                                                r.clientRequestToken("token-1")
                                                        .transactItems(
                                                                put(
                                                                        table,
                                                                        item("pk", s("other"))))))
                .isInstanceOf(IdempotentParameterMismatchException.class);
        client.transactWriteItems(r -> r.clientRequestToken("token-2").transactItems(inc));
        assertThat(get(table, "idem")).containsEntry("n", n(2));
    }
}
