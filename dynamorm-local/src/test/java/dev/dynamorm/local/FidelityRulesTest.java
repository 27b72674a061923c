package dev.dynamorm.local;

import static dev.dynamorm.local.Fixtures.item;
import static dev.dynamorm.local.Fixtures.l;
import static dev.dynamorm.local.Fixtures.n;
import static dev.dynamorm.local.Fixtures.s;
import static dev.dynamorm.local.Fixtures.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * DynamoDB validation and evaluation rules found by the differential suite (see
 * KNOWN-DIFFERENCES.md).
 */
final class FidelityRulesTest {
    private static LocalDynamoDb db;
    private static DynamoDbClient client;
    private static String table;

    @BeforeAll
    static void start() {
        db = LocalDynamoDb.start();
        client = db.client();
        table = Fixtures.hashTable(client);
        client.putItem(
                r ->
                        r.tableName(table)
                                .item(
                                        item(
                                                "pk",
                                                s("a"),
                                                "n",
                                                n(5),
                                                "s",
                                                s("hello"),
                                                "l",
                                                l(s("x"), n(2)),
                                                "ss",
                                                ss("a", "b"))));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static void deleteIf(String condition, Map<String, AttributeValue> values) {
        client.deleteItem(
                r ->
                        r.tableName(table)
                                .key(item("pk", s("zz")))
                                .conditionExpression(condition)
                                .expressionAttributeValues(values));
    }

    private static boolean holds(String condition, Map<String, AttributeValue> values) {
        try {
            client.updateItem(
                    r ->
                            r.tableName(table)
                                    .key(item("pk", s("a")))
                                    .updateExpression("SET touched = :t")
                                    .conditionExpression(condition)
                                    .expressionAttributeValues(withT(values)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static Map<String, AttributeValue> withT(Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new java.util.LinkedHashMap<>(values);
        all.put(":t", n(1));
        return all;
    }

    @Test
    void conditions_redundantParentheses_rejected() {
        assertThatThrownBy(() -> holds("((n = :v))", item(":v", n(5))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("The expression has redundant parentheses;");
        assertThat(holds("(n = :v) AND (s = :s)", item(":v", n(5), ":s", s("hello")))).isTrue();
    }

    @Test
    void conditions_staticOperandErrors_rejectedBeforeReading() {
        assertThatThrownBy(() -> holds("n BETWEEN :a AND :b", item(":a", s("a"), ":b", n(9))))
                .hasMessageContaining(
                        "The BETWEEN operator requires same data type for lower and upper bounds");
        assertThatThrownBy(() -> holds("n = n", item()))
                .hasMessageContaining(
                        "The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [n]");
        assertThatThrownBy(() -> holds("attribute_type(s, :ty)", item(":ty", s("STRING"))))
                .hasMessageContaining("Invalid attribute type name found; type: STRING");
        assertThatThrownBy(() -> holds("size(:v) = :n", item(":v", n(1), ":n", n(1))))
                .hasMessageContaining("operator or function: size, operand type: N");
        assertThatThrownBy(() -> holds("begins_with(s, :p)", item(":p", n(5))))
                .hasMessageContaining("operator or function: begins_with, operand type: N");
    }

    @Test
    void conditions_runtimeTypeMismatch_isFalseNotError() {
        assertThat(holds("size(n) = :one", item(":one", n(1)))).isFalse();
        assertThat(holds("size(:v) = :three", item(":v", s("abc"), ":three", n(3)))).isTrue();
        assertThat(holds("begins_with(:v, s)", item(":v", s("h")))).isFalse();
    }

    @Test
    void update_literalOperandTypes_checkedStatically() {
        assertThatThrownBy(
                        () ->
                                client.updateItem(
                                        r ->
                                                r.tableName(table)
                                                        .key(item("pk", s("a")))
                                                        .updateExpression(
                                                                "SET l = list_append(l, :v)")
                                                        .expressionAttributeValues(
                                                                item(":v", s("x")))))
                .hasMessageContaining(
                        "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: S");
        assertThatThrownBy(
                        () ->
                                client.updateItem(
                                        r ->
                                                r.tableName(table)
                                                        .key(item("pk", s("a")))
                                                        .updateExpression("SET x = size(s)")))
                .hasMessageContaining(
                        "Invalid UpdateExpression: Invalid function name; function: size");
        assertThatThrownBy(
                        () ->
                                client.updateItem(
                                        r ->
                                                r.tableName(table)
                                                        .key(item("pk", s("a")))
                                                        .updateExpression("SET x = :missing")
                                                        .expressionAttributeValues(
                                                                item(":v", s("x")))))
                .hasMessageContaining(
                        "Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :missing");
    }

    @Test
    void requests_expressionAttributesWithoutExpression_rejected() {
        assertThatThrownBy(
                        () ->
                                client.getItem(
                                        r ->
                                                r.tableName(table)
                                                        .key(item("pk", s("a")))
                                                        .expressionAttributeNames(
                                                                Map.of("#x", "x"))))
                .hasMessageContaining(
                        "ExpressionAttributeNames can only be specified when using expressions");
        assertThatThrownBy(
                        () ->
                                client.scan(
                                        r ->
                                                r.tableName(table)
                                                        .expressionAttributeValues(
                                                                item(":x", s("x")))))
                .hasMessageContaining(
                        "ExpressionAttributeValues can only be specified when using expressions: FilterExpression is null");
        assertThatThrownBy(
                        () ->
                                client.updateItem(
                                        r ->
                                                r.tableName(table)
                                                        .key(item("pk", s("a")))
                                                        .updateExpression("SET x = :v")
                                                        .expressionAttributeValues(
                                                                item(":v", ss()))))
                .hasMessageContaining(
                        "ExpressionAttributeValues contains invalid value: One or more parameter values were invalid: An string set  may not be empty for key :v");
    }

    @Test
    void projection_overlappingPaths_rejected() {
        assertThatThrownBy(
                        () ->
                                client.getItem(
                                        r ->
                                                r.tableName(table)
                                                        .key(item("pk", s("a")))
                                                        .projectionExpression("l[0], l")))
                .hasMessageContaining(
                        "Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [l, [0]], path two: [l]");
    }

    @Test
    void items_keySizeLimits_enforced() {
        assertThatThrownBy(
                        () ->
                                client.putItem(
                                        r ->
                                                r.tableName(table)
                                                        .item(item("pk", s("k".repeat(2049))))))
                .hasMessageContaining(
                        "Size of hashkey has exceeded the maximum size limit of2048 bytes");
        // the data plane takes a name or an ARN of 1 to 1024 characters (API reference, TableName)
        assertThatThrownBy(() -> client.putItem(r -> r.tableName("ab").item(item("pk", s("k")))))
                .isInstanceOf(
                        software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException
                                .class);
        assertThatThrownBy(() -> client.putItem(r -> r.tableName("").item(item("pk", s("k")))))
                .hasMessageStartingWith(
                        "1 validation error detected: Value '' at 'tableName' failed to satisfy"
                                + " constraint: Member must have length greater than or equal to 1");
    }

    @Test
    // the SDK builders' generic varargs (Consumer<Builder>..., Map<...>...)
    @SuppressWarnings("unchecked")
    void transactions_errorWhileApplying_cancelsWithValidationError() {
        TransactionCanceledException e =
                (TransactionCanceledException)
                        org.assertj.core.api.Assertions.catchThrowable(
                                () ->
                                        client.transactWriteItems(
                                                r ->
                                                        r.transactItems(
                                                                t ->
                                                                        t.update(
                                                                                u ->
                                                                                        u.tableName(
                                                                                                        table)
                                                                                                .key(
                                                                                                        item(
                                                                                                                "pk",
                                                                                                                s(
                                                                                                                        "a")))
                                                                                                .updateExpression(
                                                                                                        "SET n = s + :one")
                                                                                                .expressionAttributeValues(
                                                                                                        item(
                                                                                                                ":one",
                                                                                                                n(
                                                                                                                        1)))))));
        assertThat(e.cancellationReasons())
                .singleElement()
                .satisfies(
                        reason -> {
                            assertThat(reason.code()).isEqualTo("ValidationError");
                            assertThat(reason.message())
                                    .isEqualTo(
                                            "An operand in the update expression has an incorrect data type");
                        });
        assertThatThrownBy(
                        () ->
                                client.transactGetItems(
                                        r ->
                                                r.transactItems(
                                                        t ->
                                                                t.get(
                                                                        g ->
                                                                                g.tableName(table)
                                                                                        .key(
                                                                                                item(
                                                                                                        "pk",
                                                                                                        s(
                                                                                                                "a")))),
                                                        t ->
                                                                t.get(
                                                                        g ->
                                                                                g.tableName(table)
                                                                                        .key(
                                                                                                item(
                                                                                                        "pk",
                                                                                                        s(
                                                                                                                "a")))))))
                .hasMessageContaining(
                        "Transaction request cannot include multiple operations on one item");
    }

    @Test
    void timeToLive_emptyAttributeName_isAMemberConstraint() {
        assertThatThrownBy(
                        () ->
                                client.updateTimeToLive(
                                        r ->
                                                r.tableName("no-such-table")
                                                        .timeToLiveSpecification(
                                                                t ->
                                                                        t.attributeName("")
                                                                                .enabled(true))))
                .hasMessageStartingWith(
                        "1 validation error detected: Value '' at"
                                + " 'timeToLiveSpecification.attributeName' failed to satisfy"
                                + " constraint: Member must have length greater than or equal to 1");
    }

    @Test
    void transactWrite_badKey_isACancellationReason() {
        TransactWriteItem fine =
                TransactWriteItem.builder()
                        .conditionCheck(
                                c ->
                                        c.tableName(table)
                                                .key(item("pk", s("a")))
                                                .conditionExpression("attribute_exists(pk)"))
                        .build();
        TransactWriteItem badKey =
                TransactWriteItem.builder()
                        .delete(d -> d.tableName(table).key(item("id", s("a"))))
                        .build();
        TransactionCanceledException e =
                catchThrowableOfType(
                        TransactionCanceledException.class,
                        () ->
                                client.transactWriteItems(
                                        r -> r.transactItems(List.of(fine, badKey))));
        assertThat(e).isNotNull();
        assertThat(e.cancellationReasons()).hasSize(2);
        assertThat(e.cancellationReasons().get(0).code()).isEqualTo("None");
        assertThat(e.cancellationReasons().get(1).code()).isEqualTo("ValidationError");
        assertThat(e.cancellationReasons().get(1).message())
                .isEqualTo("The provided key element does not match the schema");
        assertThat(client.getItem(r -> r.tableName(table).key(item("pk", s("a")))).item())
                .containsKey("pk");
    }

    @Test
    // the SDK builders' generic varargs (Consumer<Builder>..., Map<...>...)
    @SuppressWarnings("unchecked")
    void transactGet_badKey_isACancellationReason() {
        TransactionCanceledException e =
                (TransactionCanceledException)
                        org.assertj.core.api.Assertions.catchThrowable(
                                () ->
                                        client.transactGetItems(
                                                r ->
                                                        r.transactItems(
                                                                t ->
                                                                        t.get(
                                                                                g ->
                                                                                        g.tableName(
                                                                                                        table)
                                                                                                .key(
                                                                                                        item(
                                                                                                                "pk",
                                                                                                                s(
                                                                                                                        "a")))),
                                                                t ->
                                                                        t.get(
                                                                                g ->
                                                                                        g.tableName(
                                                                                                        table)
                                                                                                .key(
                                                                                                        item(
                                                                                                                "pk",
                                                                                                                n(
                                                                                                                        1)))))));
        assertThat(e.cancellationReasons()).hasSize(2);
        assertThat(e.cancellationReasons().get(0).code()).isEqualTo("None");
        assertThat(e.cancellationReasons().get(1).code()).isEqualTo("ValidationError");
        assertThat(e.cancellationReasons().get(1).message())
                .isEqualTo("The provided key element does not match the schema");
        assertThat(e.getMessage())
                .startsWith(
                        "Transaction cancelled, please refer cancellation reasons for specific"
                                + " reasons [None, ValidationError]");
    }

    @Test
    void updatedNew_returnsOnlyTheUpdatedListElement() {
        var r =
                client.updateItem(
                        u ->
                                u.tableName(table)
                                        .key(item("pk", s("a")))
                                        .updateExpression("SET l[1] = :v")
                                        .expressionAttributeValues(item(":v", n(3)))
                                        .returnValues(ReturnValue.UPDATED_NEW));
        assertThat(r.attributes()).isEqualTo(item("l", l(n(3))));
    }

    @Test
    void http_chunkedBodyAndExpectContinue_served() throws Exception {
        java.net.URI endpoint = db.endpoint();
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            String body = "{}";
            String request =
                    "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\n"
                            + "Authorization: AWS4-HMAC-SHA256 Credential=k/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=00\r\n"
                            + "X-Amz-Date: 20260101T000000Z\r\n"
                            + "Content-Type: application/x-amz-json-1.0\r\nExpect: 100-continue\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + Integer.toHexString(body.length())
                            + "\r\n"
                            + body
                            + "\r\n0\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.setSoTimeout(5000);
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[4096];
            while (!answer.toString().contains("TableNames")) {
                int read = in.read(buffer);
                if (read < 0) {
                    break;
                }
                answer.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            }
            assertThat(answer.toString())
                    .startsWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK")
                    .contains("x-amz-crc32: ")
                    .contains("\"TableNames\"");
        }
    }
}
