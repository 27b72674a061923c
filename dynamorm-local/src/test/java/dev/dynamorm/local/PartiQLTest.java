package dev.dynamorm.local;

import static dev.dynamorm.local.Fixtures.item;
import static dev.dynamorm.local.Fixtures.n;
import static dev.dynamorm.local.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DuplicateItemException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;

final class PartiQLTest {
    private static LocalDynamoDb db;
    private static DynamoDbClient client;
    private static String table;

    @BeforeAll
    static void start() {
        db = LocalDynamoDb.start();
        client = db.client();
        table = Fixtures.rangeTable(client);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static ExecuteStatementResponse run(String statement, AttributeValue... parameters) {
        return client.executeStatement(
                r ->
                        r.statement(statement.replace("$t", "\"" + table + "\""))
                                .parameters(List.of(parameters)));
    }

    @Test
    void insertSelectUpdateDelete_roundTrip() {
        run(
                "INSERT INTO $t VALUE {'pk': 'q', 'sk': 'a', 'n': 1, 'tags': <<'x', 'y'>>, 'm': {'k': [1, 'two']}}");
        run("INSERT INTO $t VALUE {'pk': ?, 'sk': 'b', 'n': 2}", s("q"));
        ExecuteStatementResponse all = run("SELECT sk, n FROM $t WHERE pk = 'q'");
        assertThat(all.items())
                .containsExactly(item("sk", s("a"), "n", n(1)), item("sk", s("b"), "n", n(2)));
        assertThat(run("SELECT sk FROM $t WHERE pk = 'q' AND n > 1").items())
                .containsExactly(item("sk", s("b")));
        assertThat(run("SELECT m.k[1] FROM $t WHERE pk = 'q' AND sk = 'a'").items())
                .containsExactly(
                        Map.of(
                                "m",
                                AttributeValue.fromM(
                                        Map.of("k", AttributeValue.fromL(List.of(s("two")))))));
        run("UPDATE $t SET n = n + 10 SET extra = 'e' REMOVE tags WHERE pk = 'q' AND sk = 'a'");
        assertThat(
                        client.getItem(
                                        r ->
                                                r.tableName(table)
                                                        .key(item("pk", s("q"), "sk", s("a"))))
                                .item())
                .containsEntry("n", n(11))
                .containsEntry("extra", s("e"))
                .doesNotContainKey("tags");
        run("DELETE FROM $t WHERE pk = 'q' AND sk = 'b'");
        assertThat(run("SELECT * FROM $t WHERE pk = 'q'").items()).hasSize(1);
        assertThat(run("SELECT pk FROM $t WHERE n = 11 OR sk = 'zz'").items())
                .containsExactly(item("pk", s("q")));
    }

    @Test
    void statements_violatingRules_fail() {
        run("INSERT INTO $t VALUE {'pk': 'd', 'sk': 'a'}");
        assertThatThrownBy(() -> run("INSERT INTO $t VALUE {'pk': 'd', 'sk': 'a'}"))
                .isInstanceOf(DuplicateItemException.class)
                .hasMessageContaining("Duplicate primary key exists in table");
        assertThatThrownBy(() -> run("UPDATE $t SET n = 1 WHERE pk = 'nope' AND sk = 'a'"))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThatThrownBy(() -> run("UPDATE $t SET n = 1 WHERE pk = 'd'"))
                .hasMessageContaining(
                        "Where clause does not contain a mandatory equality on all key attributes");
        assertThatThrownBy(() -> run("SELECT * FROM $t WHERE pk = ?"))
                .hasMessageContaining("Number of parameters in request and statement don't match.");
        assertThatThrownBy(() -> run("SELEC * FROM $t"))
                .hasMessageContaining("Statement wasn't well formed, can't be processed");
    }

    @Test
    void select_pagesWithNextToken() {
        for (int i = 0; i < 5; i++) {
            run("INSERT INTO $t VALUE {'pk': 'pg', 'sk': ?}", s("k" + i));
        }
        ExecuteStatementResponse first =
                client.executeStatement(
                        r ->
                                r.statement("SELECT sk FROM \"" + table + "\" WHERE pk = 'pg'")
                                        .limit(3));
        assertThat(first.items()).hasSize(3);
        ExecuteStatementResponse second =
                client.executeStatement(
                        r ->
                                r.statement("SELECT sk FROM \"" + table + "\" WHERE pk = 'pg'")
                                        .limit(3)
                                        .nextToken(first.nextToken()));
        assertThat(second.items()).extracting(m -> m.get("sk").s()).containsExactly("k3", "k4");
    }

    @Test
    void updateAndDeleteReturnTheItemsTheirReturningClauseAsksFor() {
        run("INSERT INTO $t VALUE {'pk': 'r', 'sk': 'a', 'n': 1, 'keep': 'k'}");
        assertThat(
                        run("UPDATE $t SET n = 2 WHERE pk = 'r' AND sk = 'a' RETURNING ALL OLD *")
                                .items())
                .containsExactly(item("pk", s("r"), "sk", s("a"), "n", n(1), "keep", s("k")));
        assertThat(
                        run("UPDATE $t SET n = 3 WHERE pk = 'r' AND sk = 'a' RETURNING MODIFIED OLD *")
                                .items())
                .containsExactly(item("n", n(2)));
        assertThat(
                        run("UPDATE $t SET n = 4 WHERE pk = 'r' AND sk = 'a' RETURNING ALL NEW *")
                                .items())
                .containsExactly(item("pk", s("r"), "sk", s("a"), "n", n(4), "keep", s("k")));
        assertThat(
                        run("UPDATE $t SET n = 5 WHERE pk = 'r' AND sk = 'a' RETURNING MODIFIED NEW *")
                                .items())
                .containsExactly(item("n", n(5)));
        assertThat(run("UPDATE $t SET n = 6 WHERE pk = 'r' AND sk = 'a'").items()).isEmpty();
        assertThat(run("DELETE FROM $t WHERE pk = 'r' AND sk = 'a' RETURNING ALL OLD *").items())
                .containsExactly(item("pk", s("r"), "sk", s("a"), "n", n(6), "keep", s("k")));
        assertThat(run("DELETE FROM $t WHERE pk = 'r' AND sk = 'a' RETURNING ALL OLD *").items())
                .isEmpty();
        assertThatThrownBy(
                        () -> run("DELETE FROM $t WHERE pk = 'r' AND sk = 'a' RETURNING ALL NEW *"))
                .hasMessageStartingWith(
                        "Statement wasn't well formed, can't be processed: RETURNING ALL NEW * is"
                                + " not supported for DELETE, only ALL OLD *");
        ParameterizedStatement returning =
                ParameterizedStatement.builder()
                        .statement(
                                "UPDATE \""
                                        + table
                                        + "\" SET n = 1 WHERE pk = 'r' AND sk = 'a' RETURNING ALL"
                                        + " NEW *")
                        .build();
        assertThatThrownBy(
                        () ->
                                client.executeTransaction(
                                        r -> r.transactStatements(List.of(returning))))
                .hasMessageStartingWith(
                        "Statement wasn't well formed, can't be processed: RETURNING is not"
                                + " supported in ExecuteTransaction");
    }
}
