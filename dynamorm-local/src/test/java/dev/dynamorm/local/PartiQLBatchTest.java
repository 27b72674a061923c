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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionResponse;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** BatchExecuteStatement and ExecuteTransaction through the SDK client. */
final class PartiQLBatchTest {
    private static LocalDynamoDb db;
    private static DynamoDbClient client;
    private String table;

    @BeforeAll
    static void start() {
        db = LocalDynamoDb.start();
        client = db.client();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @BeforeEach
    void newTable() {
        table = Fixtures.rangeTable(client);
        client.putItem(r -> r.tableName(table).item(item("pk", s("a"), "sk", s("1"), "n", n(1))));
    }

    private String q(String statement) {
        return statement.replace("$t", "\"" + table + "\"");
    }

    private BatchStatementRequest st(String statement, AttributeValue... parameters) {
        BatchStatementRequest.Builder b = BatchStatementRequest.builder().statement(q(statement));
        if (parameters.length > 0) {
            b.parameters(parameters);
        }
        return b.build();
    }

    private ParameterizedStatement tx(String statement, AttributeValue... parameters) {
        ParameterizedStatement.Builder b = ParameterizedStatement.builder().statement(q(statement));
        if (parameters.length > 0) {
            b.parameters(parameters);
        }
        return b.build();
    }

    private List<BatchStatementResponse> batch(BatchStatementRequest... statements) {
        return client.batchExecuteStatement(r -> r.statements(statements)).responses();
    }

    private Map<String, AttributeValue> get(String pk, String sk) {
        return client.getItem(r -> r.tableName(table).key(item("pk", s(pk), "sk", s(sk)))).item();
    }

    @Test
    void batchWrites_answerEachStatement_withItsOwnError() {
        client.putItem(r -> r.tableName(table).item(item("pk", s("a"), "sk", s("2"), "n", n(1))));
        List<BatchStatementResponse> out =
                batch(
                        st("INSERT INTO $t VALUE {'pk': 'b', 'sk': '1'}"),
                        st("INSERT INTO $t VALUE {'pk': 'a', 'sk': '1'}"),
                        st("UPDATE $t SET x = 1 WHERE pk = 'zz' AND sk = '1'"),
                        st("UPDATE $t SET n = n + ? WHERE pk = ? AND sk = '2'", n(5), s("a")),
                        st("INSERT INTO \"nope-table\" VALUE {'pk': 'a'}"),
                        st("bogus"),
                        st("UPDATE $t SET x = 1 WHERE pk = 'q'"));
        assertThat(out).hasSize(7);
        assertThat(out.get(0).error()).isNull();
        assertThat(out.get(0).tableName()).isEqualTo(table);
        assertThat(out.get(1).error().codeAsString()).isEqualTo("DuplicateItem");
        assertThat(out.get(1).error().message()).isEqualTo("Duplicate primary key exists in table");
        assertThat(out.get(2).error().codeAsString()).isEqualTo("ConditionalCheckFailed");
        assertThat(out.get(2).error().message()).isEqualTo("The conditional request failed");
        assertThat(out.get(3).error()).isNull();
        assertThat(out.get(4).error().codeAsString()).isEqualTo("ResourceNotFound");
        assertThat(out.get(4).error().message())
                .isEqualTo("Requested resource not found: Table: nope-table not found");
        assertThat(out.get(4).tableName()).isEqualTo("nope-table");
        assertThat(out.get(5).error().codeAsString()).isEqualTo("ValidationError");
        assertThat(out.get(5).error().message())
                .startsWith("Statement wasn't well formed, can't be processed");
        assertThat(out.get(5).tableName()).isNull();
        assertThat(out.get(6).error().message())
                .isEqualTo(
                        "Where clause does not contain a mandatory equality on all key attributes");
        assertThat(get("b", "1")).isEqualTo(item("pk", s("b"), "sk", s("1")));
        assertThat(get("a", "2")).containsEntry("n", n(6));
        assertThat(get("a", "1")).containsEntry("n", n(1));
        assertThat(get("zz", "1")).isEmpty();
    }

    @Test
    void batchConditionFailure_returnsOldItem_whenAsked() {
        List<BatchStatementResponse> out =
                client.batchExecuteStatement(
                                r ->
                                        r.statements(
                                                BatchStatementRequest.builder()
                                                        .statement(
                                                                q(
                                                                        "DELETE FROM $t WHERE pk = 'a' AND sk = '1' AND n = 9"))
                                                        .returnValuesOnConditionCheckFailure(
                                                                "ALL_OLD")
                                                        .build()))
                        .responses();
        assertThat(out.get(0).error().codeAsString()).isEqualTo("ConditionalCheckFailed");
        assertThat(out.get(0).error().item())
                .isEqualTo(item("pk", s("a"), "sk", s("1"), "n", n(1)));
        assertThat(get("a", "1")).isNotEmpty();
    }

    @Test
    void batchReads_needTheFullKey_andAnswerItemsOrNothing() {
        client.putItem(r -> r.tableName(table).item(item("pk", s("a"), "sk", s("3"), "x", s("y"))));
        client.putItem(r -> r.tableName(table).item(item("pk", s("a"), "sk", s("2"), "x", s("y"))));
        List<BatchStatementResponse> out =
                batch(
                        st("SELECT * FROM $t WHERE pk = 'a' AND sk = '1'"),
                        st("SELECT x FROM $t WHERE pk = 'a' AND sk = '2'"),
                        st("SELECT * FROM $t WHERE pk = 'a' AND sk = 'none'"),
                        st("SELECT * FROM $t WHERE pk = 'a'"),
                        st("SELECT * FROM $t WHERE pk = 'a' AND sk = '3' AND x = 'z'"));
        assertThat(out.get(0).item()).isEqualTo(item("pk", s("a"), "sk", s("1"), "n", n(1)));
        assertThat(out.get(1).item()).isEqualTo(item("x", s("y")));
        assertThat(out.get(2).hasItem()).isFalse();
        assertThat(out.get(2).error()).isNull();
        assertThat(out.get(2).tableName()).isEqualTo(table);
        assertThat(out.get(3).error().codeAsString()).isEqualTo("ValidationError");
        assertThat(out.get(3).error().message())
                .isEqualTo(
                        "Select statements within BatchExecuteStatement must specify the primary key in the where clause.");
        assertThat(out.get(4).hasItem()).isFalse();
        assertThat(out.get(4).error()).isNull();
    }

    @Test
    void batch_refusedAsAWhole_forEmptyMixedTooLongAndDuplicateLists() {
        assertThatThrownBy(() -> batch())
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining(
                        "1 validation error detected: Value '[]' at 'statements' failed to satisfy constraint: Member must have length greater than or equal to 1");
        assertThatThrownBy(
                        () ->
                                batch(
                                        st("SELECT * FROM $t WHERE pk = 'a' AND sk = '1'"),
                                        st("DELETE FROM $t WHERE pk = 'a' AND sk = '2'")))
                .hasMessageContaining(
                        "Read and write requests together in the same batch is not supported.");
        assertThatThrownBy(
                        () ->
                                batch(
                                        st("DELETE FROM $t WHERE pk = 'a' AND sk = '1'"),
                                        st("UPDATE $t SET x = 1 WHERE pk = 'a' AND sk = '1'")))
                .hasMessageContaining("Provided list of item keys contains duplicates");
        List<BatchStatementRequest> many = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            many.add(st("DELETE FROM $t WHERE pk = 'a' AND sk = ?", s("k" + i)));
        }
        assertThatThrownBy(() -> client.batchExecuteStatement(r -> r.statements(many)))
                .hasMessageContaining(
                        "at 'statements' failed to satisfy constraint: Member must have length less than or equal to 25");
        assertThat(get("a", "1")).isNotEmpty();
    }

    @Test
    void transactionWrites_applyAllOrNothing() {
        client.putItem(r -> r.tableName(table).item(item("pk", s("a"), "sk", s("2"), "x", s("y"))));
        ExecuteTransactionResponse ok =
                client.executeTransaction(
                        r ->
                                r.transactStatements(
                                        tx("INSERT INTO $t VALUE {'pk': 't', 'sk': '1'}"),
                                        tx("UPDATE $t SET n = n + 1 WHERE pk = 'a' AND sk = '1'"),
                                        tx(
                                                "EXISTS(SELECT * FROM $t WHERE pk = 'a' AND sk = '2' AND x = 'y')")));
        assertThat(ok.responses()).hasSize(3);
        assertThat(get("t", "1")).isNotEmpty();
        assertThat(get("a", "1")).containsEntry("n", n(2));

        assertThatThrownBy(
                        () ->
                                client.executeTransaction(
                                        r ->
                                                r.transactStatements(
                                                        tx(
                                                                "UPDATE $t SET n = 100 WHERE pk = 'a' AND sk = '1'"),
                                                        tx(
                                                                "INSERT INTO $t VALUE {'pk': 't', 'sk': '1'}"),
                                                        tx(
                                                                "DELETE FROM $t WHERE pk = 'a' AND sk = '9' AND n = 1"))))
                .isInstanceOfSatisfying(
                        TransactionCanceledException.class,
                        e -> {
                            assertThat(e.awsErrorDetails().errorMessage())
                                    .isEqualTo(
                                            "Transaction cancelled, please refer cancellation reasons for specific reasons [None, DuplicateItem, ConditionalCheckFailed]");
                            assertThat(e.cancellationReasons())
                                    .extracting(CancellationReason::code)
                                    .containsExactly(
                                            "None", "DuplicateItem", "ConditionalCheckFailed");
                            assertThat(e.cancellationReasons().get(1).message())
                                    .isEqualTo("Duplicate primary key exists in table");
                        });
        assertThat(get("a", "1")).containsEntry("n", n(2));
    }

    @Test
    void transactionWrites_withOneToken_applyOnce() {
        ParameterizedStatement add = tx("UPDATE $t SET n = n + 1 WHERE pk = 'a' AND sk = '1'");
        client.executeTransaction(r -> r.clientRequestToken("tok-1").transactStatements(add));
        client.executeTransaction(r -> r.clientRequestToken("tok-1").transactStatements(add));
        assertThat(get("a", "1")).containsEntry("n", n(2));
        assertThatThrownBy(
                        () ->
                                client.executeTransaction(
                                        r ->
                                                r.clientRequestToken("tok-1")
                                                        .transactStatements(
                                                                tx(
                                                                        "UPDATE $t SET n = 7 WHERE pk = 'a' AND sk = '1'"))))
                .isInstanceOf(IdempotentParameterMismatchException.class);
    }

    @Test
    void transactionReads_answerInOrder() {
        client.putItem(r -> r.tableName(table).item(item("pk", s("a"), "sk", s("3"), "n", n(1))));
        client.putItem(
                r ->
                        r.tableName(table)
                                .item(item("pk", s("a"), "sk", s("4"), "n", n(1), "x", s("x"))));
        client.putItem(r -> r.tableName(table).item(item("pk", s("a"), "sk", s("2"), "x", s("y"))));
        ExecuteTransactionResponse out =
                client.executeTransaction(
                        r ->
                                r.transactStatements(
                                        tx("SELECT * FROM $t WHERE pk = 'a' AND sk = '1'"),
                                        tx("SELECT x FROM $t WHERE pk = ? AND sk = '2'", s("a")),
                                        tx("SELECT * FROM $t WHERE pk = 'a' AND sk = 'none'"),
                                        tx(
                                                "SELECT n FROM $t WHERE pk = 'a' AND sk = '3' AND n > 5"),
                                        tx(
                                                "SELECT n FROM $t WHERE pk = 'a' AND sk = '4' AND (x = 'z' OR n = 1)")));
        assertThat(out.responses()).hasSize(5);
        assertThat(out.responses().get(0).item())
                .isEqualTo(item("pk", s("a"), "sk", s("1"), "n", n(1)));
        assertThat(out.responses().get(1).item()).isEqualTo(item("x", s("y")));
        assertThat(out.responses().get(2).hasItem()).isFalse();
        assertThat(out.responses().get(3).hasItem()).isFalse();
        assertThat(out.responses().get(4).item()).isEqualTo(item("n", n(1)));
    }

    @Test
    void transaction_refusesMixedEmptyAndUnknownTables() {
        assertThatThrownBy(
                        () ->
                                client.executeTransaction(
                                        r ->
                                                r.transactStatements(
                                                        tx(
                                                                "SELECT * FROM $t WHERE pk = 'a' AND sk = '1'"),
                                                        tx(
                                                                "DELETE FROM $t WHERE pk = 'a' AND sk = '1'"))))
                .hasMessageContaining(
                        "ExecuteTransaction API does not support both read and write operations in the same request.");
        assertThatThrownBy(() -> client.executeTransaction(r -> r.transactStatements(List.of())))
                .hasMessageContaining(
                        "at 'transactStatements' failed to satisfy constraint: Member must have length greater than or equal to 1");
        assertThatThrownBy(
                        () ->
                                client.executeTransaction(
                                        r ->
                                                r.transactStatements(
                                                        tx(
                                                                "DELETE FROM \"nope-table\" WHERE pk = 'a'"))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(
                        () ->
                                client.executeTransaction(
                                        r ->
                                                r.transactStatements(
                                                        tx("SELECT * FROM $t WHERE pk = 'a'"))))
                .hasMessageContaining(
                        "Where clause does not contain a mandatory equality on all key attributes");
        assertThat(get("a", "1")).isNotEmpty();
    }

    @Test
    void batchWrite_withReturning_answersTheItem() {
        List<BatchStatementResponse> out =
                batch(
                        st("UPDATE $t SET n = 2 WHERE pk = 'a' AND sk = '1' RETURNING ALL OLD *"),
                        st("INSERT INTO $t VALUE {'pk': 'b', 'sk': '1'}"));
        assertThat(out.get(0).item()).isEqualTo(item("pk", s("a"), "sk", s("1"), "n", n(1)));
        assertThat(out.get(1).hasItem()).isFalse();
        assertThat(get("a", "1")).containsEntry("n", n(2));
    }
}
