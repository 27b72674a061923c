package dev.dynamorm.local;

import static dev.dynamorm.local.Fixtures.item;
import static dev.dynamorm.local.Fixtures.n;
import static dev.dynamorm.local.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * PutItem and UpdateItem answer request validation errors in the envelope of DynamoDB's validation
 * framework ({@code 1 validation error detected: ...}) and errors found against the table or the
 * item bare (KNOWN-DIFFERENCES.md, X1 and X21).
 */
final class ValidationEnvelopeTest {
    private static final String ENVELOPE = "1 validation error detected: ";

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

    private static String message(Executable call) {
        DynamoDbException e = catchThrowableOfType(DynamoDbException.class, () -> call.execute());
        assertThat(e).as("a ValidationException").isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        return e.awsErrorDetails().errorMessage();
    }

    private static Map<String, AttributeValue> key() {
        return item("pk", s("a"), "sk", s("1"));
    }

    @Test
    void putItemEnvelopesAttributeValueErrors() {
        Map<String, AttributeValue> withEmptySet =
                item(
                        "pk",
                        s("a"),
                        "sk",
                        s("1"),
                        "e",
                        AttributeValue.builder().ss(List.of()).build());
        assertThat(message(() -> client.putItem(r -> r.tableName(table).item(withEmptySet))))
                .isEqualTo(
                        ENVELOPE
                                + "One or more parameter values were invalid: An string set  may"
                                + " not be empty");
    }

    @Test
    void putItemEnvelopesReturnValuesErrors() {
        assertThat(
                        message(
                                () ->
                                        client.putItem(
                                                r ->
                                                        r.tableName(table)
                                                                .item(key())
                                                                .returnValues(
                                                                        ReturnValue.ALL_NEW))))
                .isEqualTo(ENVELOPE + "ReturnValues can only be ALL_OLD or NONE");
    }

    @Test
    void updateItemEnvelopesExpressionErrors() {
        assertThat(
                        message(
                                () ->
                                        client.updateItem(
                                                r ->
                                                        r.tableName(table)
                                                                .key(key())
                                                                .updateExpression(
                                                                        "SET a = :missing")
                                                                .expressionAttributeValues(
                                                                        Map.of(":v", s("x"))))))
                .isEqualTo(
                        ENVELOPE
                                + "Invalid UpdateExpression: An expression attribute value used in"
                                + " expression is not defined; attribute value: :missing");
        assertThat(
                        message(
                                () ->
                                        client.updateItem(
                                                r ->
                                                        r.tableName(table)
                                                                .key(key())
                                                                .updateExpression("")
                                                                .expressionAttributeValues(null))))
                .isEqualTo(ENVELOPE + "Invalid UpdateExpression: The expression can not be empty;");
    }

    @Test
    void updateItemReportsTheOverlappingPathsLaterFirst() {
        assertThat(
                        message(
                                () ->
                                        client.updateItem(
                                                r ->
                                                        r.tableName(table)
                                                                .key(key())
                                                                .updateExpression(
                                                                        "SET m = :v REMOVE m.a")
                                                                .expressionAttributeValues(
                                                                        Map.of(":v", n(1))))))
                .isEqualTo(
                        ENVELOPE
                                + "Invalid UpdateExpression: Two document paths overlap with each"
                                + " other; must remove or rewrite one of these paths; path one:"
                                + " [m, a], path two: [m]");
    }

    @Test
    void errorsFoundAgainstTheTableOrTheItemStayBare() {
        assertThat(
                        message(
                                () ->
                                        client.updateItem(
                                                r ->
                                                        r.tableName(table)
                                                                .key(key())
                                                                .updateExpression("SET pk = :v")
                                                                .expressionAttributeValues(
                                                                        Map.of(":v", s("x"))))))
                .isEqualTo(
                        "One or more parameter values were invalid: Cannot update attribute pk."
                                + " This attribute is part of the key");
        assertThat(message(() -> client.putItem(r -> r.tableName(table).item(item("pk", s("a"))))))
                .isEqualTo(
                        "One or more parameter values were invalid: Missing the key sk in the"
                                + " item");
    }

    @Test
    void otherOperationsAnswerAttributeValueErrorsBare() {
        assertThat(
                        message(
                                () ->
                                        client.getItem(
                                                r ->
                                                        r.tableName(table)
                                                                .key(
                                                                        item(
                                                                                "pk",
                                                                                AttributeValue
                                                                                        .builder()
                                                                                        .nul(false)
                                                                                        .build(),
                                                                                "sk",
                                                                                s("1"))))))
                .isEqualTo(
                        "One or more parameter values were invalid: Null attribute value types"
                                + " must have the value of true");
    }

    @Test
    void selectWithAProjectionNamesTheParameterSent() {
        assertThat(
                        message(
                                () ->
                                        client.query(
                                                r ->
                                                        r.tableName(table)
                                                                .keyConditionExpression("pk = :p")
                                                                .expressionAttributeValues(
                                                                        Map.of(":p", s("a")))
                                                                .select(Select.COUNT)
                                                                .projectionExpression("sk"))))
                .isEqualTo(
                        "Cannot specify the ProjectionExpression when choosing to get only the"
                                + " Count");
        assertThat(
                        message(
                                () ->
                                        client.query(
                                                r ->
                                                        r.tableName(table)
                                                                .keyConditionExpression("pk = :p")
                                                                .expressionAttributeValues(
                                                                        Map.of(":p", s("a")))
                                                                .select(
                                                                        Select
                                                                                .SPECIFIC_ATTRIBUTES))))
                .isEqualTo(
                        ENVELOPE
                                + "Must specify the AttributesToGet or ProjectionExpression when"
                                + " choosing to get SPECIFIC_ATTRIBUTES");
    }
}
