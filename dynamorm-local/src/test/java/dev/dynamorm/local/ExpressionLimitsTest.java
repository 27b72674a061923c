package dev.dynamorm.local;

import static dev.dynamorm.local.Fixtures.item;
import static dev.dynamorm.local.Fixtures.n;
import static dev.dynamorm.local.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * DynamoDB's expression limits (4 KB of text, 300 operators or functions) are enforced before
 * parsing, so a deeply nested expression is a ValidationException, never a stack overflow, both
 * in-process and over HTTP (issue 15, point 10).
 */
final class ExpressionLimitsTest {
    private static LocalDynamoDb db;
    private static DynamoDbClient http;
    private static String table;

    @BeforeAll
    static void start() {
        db = LocalDynamoDb.start();
        http =
                DynamoDbClient.builder()
                        .endpointOverride(db.endpoint())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("k", "s")))
                        .build();
        table = Fixtures.hashTable(db.client());
        db.client().putItem(r -> r.tableName(table).item(item("pk", s("a"), "n", n(1))));
    }

    @AfterAll
    static void stop() {
        http.close();
        db.close();
    }

    static Stream<String> clients() {
        return Stream.of("embedded", "http");
    }

    private static DynamoDbClient client(String which) {
        return which.equals("http") ? http : db.client();
    }

    private static final Map<String, AttributeValue> VALUES = Map.of(":v", n(1));

    private static DynamoDbException conditionFailure(String which, String condition) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Throwable t =
                    org.assertj.core.api.Assertions.catchThrowable(
                            () ->
                                    client(which)
                                            .putItem(
                                                    r ->
                                                            r.tableName(table)
                                                                    .item(item("pk", s("b")))
                                                                    .conditionExpression(condition)
                                                                    .expressionAttributeValues(
                                                                            VALUES)));
            assertThat(t).isInstanceOf(DynamoDbException.class);
            return (DynamoDbException) t;
        } finally {
            System.setErr(err);
            assertThat(captured.toString(StandardCharsets.UTF_8))
                    .as("a client error logs nothing")
                    .doesNotContain("StackOverflowError")
                    .doesNotContain("\tat ");
        }
    }

    @ParameterizedTest
    @MethodSource("clients")
    void deeplyNestedParenthesesAreAValidationException(String which) {
        String deep = "(".repeat(2000) + "n = :v" + ")".repeat(2000);
        DynamoDbException e = conditionFailure(which, deep);
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo(
                        "1 validation error detected: Invalid ConditionExpression: The expression"
                                + " contains too many operators;"
                                + " operator count: 301");
    }

    @ParameterizedTest
    @MethodSource("clients")
    void deeplyNestedNotIsAValidationException(String which) {
        String deep = "NOT ".repeat(1000) + "n = :v";
        DynamoDbException e = conditionFailure(which, deep);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(e.awsErrorDetails().errorMessage())
                .startsWith(
                        "1 validation error detected: Invalid ConditionExpression: The expression"
                                + " contains too many operators");
    }

    @ParameterizedTest
    @MethodSource("clients")
    void expressionOver4KbIsRefusedBeforeParsing(String which) {
        // far deeper than any stack could parse, refused on its size alone
        String huge = "(".repeat(100_000) + "n = :v" + ")".repeat(100_000);
        DynamoDbException e = conditionFailure(which, huge);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo(
                        "1 validation error detected: Invalid ConditionExpression: Expression size"
                                + " has exceeded the maximum allowed size; expression size: 200006");
    }

    @ParameterizedTest
    @MethodSource("clients")
    void nestedUpdateFunctionsAreBoundedBySize(String which) {
        // 17 characters a level: the 4 KB limit is reached before 300 levels
        String deep = "SET l = " + "list_append(".repeat(400) + ":l" + ", :l)".repeat(400);
        assertThatThrownBy(
                        () ->
                                client(which)
                                        .updateItem(
                                                r ->
                                                        r.tableName(table)
                                                                .key(item("pk", s("a")))
                                                                .updateExpression(deep)
                                                                .expressionAttributeValues(
                                                                        Map.of(
                                                                                ":l",
                                                                                AttributeValue
                                                                                        .fromL(
                                                                                                java
                                                                                                        .util
                                                                                                        .List
                                                                                                        .of())))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining(
                        "Invalid UpdateExpression: Expression size has exceeded the maximum allowed"
                                + " size; expression size: 6810");
    }

    @ParameterizedTest
    @MethodSource("clients")
    void expressionsWithinTheLimitsStillWork(String which) {
        String ok = "(".repeat(1) + "n = :v" + " OR n = :v".repeat(250) + ")";
        client(which)
                .putItem(
                        r ->
                                r.tableName(table)
                                        .item(item("pk", s("a"), "n", n(1)))
                                        .conditionExpression(ok)
                                        .expressionAttributeValues(VALUES));
        assertThat(client(which).getItem(r -> r.tableName(table).key(item("pk", s("a")))).item())
                .containsEntry("n", n(1));
    }
}
