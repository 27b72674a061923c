package dev.dynamorm.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * PartiQL's {@code "table"."index"} qualifier: the rejections DynamoDB words for this surface
 * (recorded against the real service, see KNOWN-DIFFERENCES.md) and index reads inside
 * ExecuteTransaction, which DynamoDB refuses.
 */
final class PartiQLIndexQualifierTest {
    private static LocalDynamoDb db;
    private static DynamoDbClient client;
    private static String table;

    @BeforeAll
    static void start() {
        db = LocalDynamoDb.start();
        client = db.client();
        table = Fixtures.uniqueName("q");
        client.createTable(
                r ->
                        r.tableName(table)
                                .billingMode(BillingMode.PAY_PER_REQUEST)
                                .keySchema(List.of(key("pk", KeyType.HASH)))
                                .attributeDefinitions(List.of(attribute("pk"), attribute("g")))
                                .globalSecondaryIndexes(
                                        List.of(
                                                GlobalSecondaryIndex.builder()
                                                        .indexName("byG")
                                                        .keySchema(List.of(key("g", KeyType.HASH)))
                                                        .projection(
                                                                Projection.builder()
                                                                        .projectionType(
                                                                                ProjectionType.ALL)
                                                                        .build())
                                                        .build())));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(ScalarAttributeType.S)
                .build();
    }

    private static String message(Executable call) {
        DynamoDbException e = catchThrowableOfType(DynamoDbException.class, () -> call.execute());
        assertThat(e).as("a ValidationException").isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        return e.awsErrorDetails().errorMessage();
    }

    private static String select(String statement, boolean consistent) {
        String quoted = statement.replace("$t", "\"" + table + "\"");
        return message(
                () -> client.executeStatement(r -> r.statement(quoted).consistentRead(consistent)));
    }

    @Test
    void aQualifiedSelectRunsOnTheIndex() {
        client.executeStatement(
                r -> r.statement("INSERT INTO \"" + table + "\" VALUE {'pk': 'a', 'g': 'x'}"));
        assertThat(
                        client.executeStatement(
                                        r ->
                                                r.statement(
                                                        "SELECT pk FROM \""
                                                                + table
                                                                + "\".\"byG\" WHERE g = 'x'"))
                                .items())
                .hasSize(1);
    }

    @Test
    void qualifierRejectionsAreWordedForPartiQL() {
        assertThat(select("SELECT * FROM $t.\"nope\" WHERE pk = 'p'", false))
                .isEqualTo("The table does not have the specified index");
        assertThat(select("SELECT * FROM $t.\"byG\".\"extra\" WHERE pk = 'p'", false))
                .isEqualTo("A path may contain at most 2 components in the FROM clause");
        assertThat(select("SELECT * FROM $t.\"\" WHERE pk = 'p'", false))
                .isEqualTo("Path component cannot be an empty string");
        assertThat(select("SELECT * FROM $t.\"byG\" WHERE g = 'x'", true))
                .isEqualTo("Strongly consistent read is not supported on Global Secondary Indexes");
    }

    @Test
    void indexReadsAreRefusedInsideTransactions() {
        ParameterizedStatement onTable =
                ParameterizedStatement.builder()
                        .statement("SELECT * FROM \"" + table + "\" WHERE pk = 'a'")
                        .build();
        ParameterizedStatement onIndex =
                ParameterizedStatement.builder()
                        .statement("SELECT * FROM \"" + table + "\".\"byG\" WHERE g = 'x'")
                        .build();
        assertThat(
                        message(
                                () ->
                                        client.executeTransaction(
                                                r ->
                                                        r.transactStatements(
                                                                List.of(onTable, onIndex)))))
                .isEqualTo(
                        "Validation failed in TransactStatements[1]: Reads on indices are not"
                                + " supported within transactions.");
    }
}
